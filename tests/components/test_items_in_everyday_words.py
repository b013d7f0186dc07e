"""Items named in everyday words are the bundle's items (issue 12, F4): 牌照 is the licence, 工位/场地/入驻 the
incubator, 交养老 the pension registration, 报税 the taxpayer confirmation, "那个证" the employment certificate.

Never from words about something else: 场地证明 is a material, 身份证 and 毕业证 are not the certificate.
"""

import pytest

from nlu_components.domain_entity_extractor import find_domain_entities
from nlu_components.gazetteer import load_gazetteer


def items(text: str) -> list[str]:
    return [str(span.value) for span in find_domain_entities(text, load_gazetteer()) if span.entity == "item"]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("我想先弄个营业牌照", "business_registration"),
        ("牌照要去哪办", "business_registration"),
        ("能不能给我一个工位", "incubator"),
        ("我们想租个场地创业", "incubator"),
        ("想入驻你们园区", "incubator"),
        ("顺便把养老也交了，交养老怎么弄", "pension_registration"),
        ("报税这块也帮我弄一下", "taxpayer_confirmation"),
        ("那个证我也想办", "employment_cert"),
        ("执照跟证一起办", "employment_cert"),
        ("我想学学怎么做买卖", "training"),
        ("想要个有导师指导的地方办公", "incubator"),
        ("想找个便宜点能放电脑的地方", "incubator"),
        ("开个花店，要先把照批下来", "business_registration"),
    ],
)
def test_an_item_in_everyday_words_is_that_item(text: str, item: str) -> None:
    assert item in items(text)


@pytest.mark.parametrize(
    "text", ["需要场地证明吗", "身份证也要带吗", "毕业证也要吗", "车牌照怎么办", "我妈住养老院", "照片要交吗"]
)
def test_words_about_something_else_name_no_item(text: str) -> None:
    assert items(text) == []
