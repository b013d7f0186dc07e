"""Personal data is masked in logs and in audit details."""

import logging

import pytest

from bundle_service.core.masking import MaskingFilter, install_log_masking, mask_details, mask_id_number, mask_text

from .factories import LI_MING


def test_masks() -> None:
    assert mask_id_number(LI_MING) == "430104********123X"
    assert mask_text(f"身份证{LI_MING}，电话13800000001，编号CY20260928000001") == (
        "身份证430104********123X，电话138****0001，编号CY20260928000001"
    )
    assert mask_details({"id_number": LI_MING, "nested": {"phone": "13800000001"}, "n": 3}) == {
        "id_number": "430104********123X",
        "nested": {"phone": "138****0001"},
        "n": 3,
    }


def test_log_records_are_masked(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("bundle_service.test")
    caplog.handler.addFilter(MaskingFilter())
    with caplog.at_level(logging.INFO):
        logger.info("filing for %s with phone %s", LI_MING, "13800000001")
    assert caplog.messages == ["filing for 430104********123X with phone 138****0001"]


def test_install_attaches_the_filter_once() -> None:
    root = logging.getLogger()
    handler = logging.StreamHandler()
    root.addHandler(handler)
    try:
        install_log_masking()
        install_log_masking()
        assert sum(isinstance(f, MaskingFilter) for f in handler.filters) == 1
    finally:
        root.removeHandler(handler)
