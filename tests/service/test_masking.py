"""Personal data and secrets are masked in answers, audit details, queued questions and every log line."""

import io
import logging
import logging.config

import pytest
from uvicorn.logging import AccessFormatter

from bundle_service.core.logs import MaskingFilter, install_log_masking, uvicorn_log_config
from bundle_service.core.masking import mask_details, mask_id_number, mask_phone, mask_text
from contract.masking import mask_log_line, mask_openid

from .factories import LI_MING

# What people type → what must be left of it (every format of the security review, item 7).
FORMATS = [
    ("电话13912345678", "电话139****5678"),
    ("电话139-1234-5678", "电话139****5678"),
    ("电话139 1234 5678", "电话139****5678"),
    ("电话+86 139 1234 5678", "电话139****5678"),
    ("电话+8613912345678", "电话139****5678"),
    ("电话8613912345678", "电话139****5678"),
    ("电话0086-139-1234-5678", "电话139****5678"),
    ("电话１３９１２３４５６７８", "电话139****5678"),
    ("电话１３９－１２３４－５６７８", "电话139****5678"),
    ("身份证430111199601010024", "身份证430111********0024"),
    ("身份证430111-19960101-0024", "身份证430111********0024"),
    ("身份证430111 1996 0101 0024", "身份证430111********0024"),
    ("身份证43011119960101002X", "身份证430111********002X"),
    ("身份证43011119960101002x号", "身份证430111********002X号"),
    ("身份证４３０１１１１９９６０１０１００２４", "身份证430111********0024"),
    ("老身份证430111960101002", "老身份证430111*****1002"),
    ("13912345678 430111199601010024", "139****5678 430111********0024"),
]
KEPT = [
    "申请编号CY20260928000001",
    "贷款15万，期限36个月，金额200000元",
    "2026-09-28 10:00:00",
    "座机0731-12345678",
    "１２３４５",
]


@pytest.mark.parametrize(("typed", "masked"), FORMATS)
def test_every_format_people_type_is_masked(typed: str, masked: str) -> None:
    assert mask_text(typed) == masked


@pytest.mark.parametrize("text", KEPT)
def test_other_numbers_are_kept(text: str) -> None:
    assert mask_text(text) == text


def test_masks() -> None:
    assert mask_id_number(LI_MING) == "430104********123X"
    assert mask_id_number("4301041990") == "**********"  # 10 characters: nothing would be hidden, so all of it is
    assert mask_phone("13800000001") == "138****0001"
    assert mask_text(f"身份证{LI_MING}，电话13800000001，编号CY20260928000001") == (
        "身份证430104********123X，电话138****0001，编号CY20260928000001"
    )
    assert mask_details({"id_number": LI_MING, "nested": {"phone": "13800000001"}, "n": 3}) == {
        "id_number": "430104********123X",
        "nested": {"phone": "138****0001"},
        "n": 3,
    }


LOG_LINES = [
    (
        "HTTP Request: GET https://api.weixin.qq.com/sns/jscode2session?appid=wx1&secret=AppSecret123&js_code=0a1b2c3d"
        "&grant_type=authorization_code",
        ["AppSecret123", "0a1b2c3d"],
    ),
    ("GET http://127.0.0.1:5005/conversations/x/tracker?token=rasa-token-abcdef HTTP/1.1", ["rasa-token-abcdef"]),
    ("POST https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=ACCESS_abc123", ["ACCESS_abc123"]),
    ("GET /api/v1/conversations/wechat%3Aoq4Zf5dev_owner1a2b3c4d/messages HTTP/1.1", ["oq4Zf5dev_owner1a2b3c4d"]),
    ("sender wechat:oq4Zf5dev_owner1a2b3c4d handed off", ["oq4Zf5dev_owner1a2b3c4d"]),
    ("Authorization: Bearer s1.eyJzdWIiOiJ4In0.c2ln", ["s1.eyJzdWIiOiJ4In0.c2ln"]),
    ('{"username": "admin", "password": "hunter2-secret"}', ["hunter2-secret"]),
    (f"filing for {LI_MING} phone 139-1234-5678", [LI_MING, "1234-5678"]),
]


@pytest.mark.parametrize(("line", "hidden"), LOG_LINES)
def test_log_lines_hold_no_secret_openid_or_number(line: str, hidden: list[str]) -> None:
    masked = mask_log_line(line)
    assert not [value for value in hidden if value in masked], masked


def test_an_openid_becomes_a_stand_in_that_follows_the_user() -> None:
    assert mask_openid("wechat:oq4Zf5dev_owner") == mask_openid("oq4Zf5dev_owner")
    assert mask_openid("oq4Zf5dev_owner").startswith("oq4Z…#")
    assert mask_log_line("wechat%3Aoq4Zf5dev_owner") == "wechat%3A" + mask_openid("oq4Zf5dev_owner")


def _handler(formatter: logging.Formatter | None = None) -> tuple[logging.Handler, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(MaskingFilter())
    if formatter is not None:
        handler.setFormatter(formatter)
    return handler, stream


def test_log_records_are_masked_with_their_arguments_and_tracebacks() -> None:
    logger = logging.getLogger("bundle_service.test.masking")
    handler, stream = _handler()
    logger.addHandler(handler)
    try:
        logger.warning("filing for %s with phone %s", LI_MING, "13800000001")
        logger.warning("token=%s", "gateway-token-value-123")  # the secret is only in the argument
        try:
            raise ValueError(f"https://x.invalid/?secret=SECRETVALUE for {LI_MING}")
        except ValueError:
            logger.exception("call failed")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "430104********123X" in text and "138****0001" in text
    for leaked in (LI_MING, "13800000001", "gateway-token-value-123", "SECRETVALUE"):
        assert leaked not in text


def test_uvicorn_access_lines_are_masked_and_still_formatted() -> None:
    handler, stream = _handler(AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s'))
    logger = logging.getLogger("uvicorn.access")
    logger.addHandler(handler)
    level, logger.level = logger.level, logging.INFO
    try:
        logger.info(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:5000",
            "GET",
            "/api/v1/conversations/wechat%3Adev_owner1a2b3c4d/messages?token=abcdefgh",
            "1.1",
            200,
        )
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    line = stream.getvalue()
    assert "dev_owner1a2b3c4d" not in line and "abcdefgh" not in line
    assert line.startswith('127.0.0.1:5000 - "GET /api/v1/conversations/wechat%3Adev_…#') and line.strip().endswith(
        "200 OK"
    )


def test_httpx_request_lines_are_masked(caplog: pytest.LogCaptureFixture) -> None:
    import httpx

    handler, stream = _handler()
    logging.getLogger().addHandler(handler)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={}))
    try:
        with caplog.at_level(logging.INFO, logger="httpx"), httpx.Client(transport=transport) as client:
            client.get(
                "https://api.weixin.qq.com/sns/jscode2session", params={"secret": "AppSecretXYZ", "js_code": "c0de1"}
            )
    finally:
        logging.getLogger().removeHandler(handler)
    assert "jscode2session" in stream.getvalue()
    assert "AppSecretXYZ" not in stream.getvalue() and "c0de1" not in stream.getvalue()


def test_install_attaches_the_filter_once_to_every_handler() -> None:
    root, named = logging.StreamHandler(), logging.StreamHandler()
    logging.getLogger().addHandler(root)
    logging.getLogger("some.library").addHandler(named)
    try:
        install_log_masking()
        install_log_masking()
        assert sum(isinstance(f, MaskingFilter) for f in root.filters) == 1
        assert sum(isinstance(f, MaskingFilter) for f in named.filters) == 1
    finally:
        logging.getLogger().removeHandler(root)
        logging.getLogger("some.library").removeHandler(named)


def test_uvicorn_log_config_masks_on_every_handler() -> None:
    config = uvicorn_log_config()
    assert config["handlers"] and all(h["filters"] == ["mask"] for h in config["handlers"].values())
    logging.config.dictConfig(config)
    try:
        for name in ("uvicorn", "uvicorn.access"):
            for handler in logging.getLogger(name).handlers:
                assert any(isinstance(f, MaskingFilter) for f in handler.filters)
    finally:
        for name in ("uvicorn", "uvicorn.access"):
            logging.getLogger(name).handlers.clear()


def test_hotline_call_ids_and_other_long_numbers_stay_readable() -> None:
    """An ID number holds a birth date: a call id (date-time + hex) is not one and is never masked."""
    from contract.masking import mask_text

    assert mask_text("hotline:20260928020000-1ea48d") == "hotline:20260928020000-1ea48d"
    assert mask_text("订单202612041200001") == "订单202612041200001"
    assert mask_text("老身份证430111960101002") == "老身份证430111*****1002"
