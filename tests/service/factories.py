"""Sample people (from data/shared_registry.yml and made up) and forms, for the service tests and the bot's.

The Rasa-side tests (tests/actions, tests/dialogue) import it too: it takes nothing but the standard library and
the service's ID-number check digit (``bundle_service/applications/id_numbers.py``, itself standard library only).
"""

from typing import Any

from bundle_service.applications.id_numbers import check_digit

LI_MING = "43010419990512123X"  # college graduate 2021, photo, no licence
WANG_FANG = "430102198803042461"  # registered unemployed, individual business since 2024-06-01
ZHANG_WEI = "430203197508191357"  # hard-to-employ, holds the employment certificate
CHEN_JING = "430602199801013570"  # graduate 2020, enterprise since 2026-03-01
LIU_YANG = "430702198506201115"  # veteran, two licences (not a first-time founder)
ZHOU_TING = "43120219920315468X"  # registered unemployed, no licence
REGISTERED_PREMISES = "长沙市岳麓区麓谷街道创业大厦A座1201"


def make_id(region: str = "430111", born: str = "19960101", sequence: str = "002") -> str:
    """An ID number with a valid check digit, for people the shared registry does not know."""
    first17 = f"{region}{born}{sequence}"
    return first17 + check_digit(first17)


NEWCOMER = make_id()  # not in the shared registry


def form(**overrides: Any) -> dict[str, Any]:
    """A complete, valid form for a newcomer registering a business (override any field; None removes it)."""
    base: dict[str, Any] = {
        "applicant_name": "赵新",
        "id_number": NEWCOMER,
        "phone": "13912345678",
        "person_category": "returning_migrant_worker",
        "project_name": "湘味米粉店",
        "industry": "餐饮",
        "business_type": "individual_business",
        "premises_address": "长沙市雨花区劳动东路200号",
        "city": "长沙市",
        "county": "雨花区",
        "items": ["business_registration", "taxpayer_confirmation", "employment_cert"],
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def registration_form(premises: str, county: str) -> dict[str, Any]:
    """The newcomer's business registration alone at ``premises`` in 长沙市 ``county`` (the booking conversations)."""
    return form(premises_address=premises, county=county, items=["business_registration", "taxpayer_confirmation"])


# WeChat accounts real-name bound to the sample people in data/realname_registry.yml (the H5 dev login's openids).
REALNAME_OPENIDS = {
    LI_MING: "dev_liming",
    WANG_FANG: "dev_wangfang",
    ZHANG_WEI: "dev_zhangwei",
    CHEN_JING: "dev_chenjing",
    LIU_YANG: "dev_liuyang",
    ZHOU_TING: "dev_zhouting",
    NEWCOMER: "dev_zhaoxin",
}
