"""A name after a role or a group (issue 12): "我是牵头人彭玉华" names the applicant; a group followed by a comma and
other words ("退役军人，经营的是建华农资店") names nobody, so "经营" is never stored as the applicant's name."""

import pytest

from actions.application.form_names import read_name

CASES = (
    ("我申请创业担保贷款：覃建华，433101198001051290，18711536027，退役军人，经营的是建华农资店", "覃建华"),
    ("我们村要成立农民专业合作社，我是牵头人彭玉华，身份证430111197512040708", "彭玉华"),
    ("合作社负责人蒋春来，电话13974512345", "蒋春来"),
    ("我是退役军人叫张建国，身份证430111197512040708", "张建国"),
    ("高校毕业生田小禾，身份证43010419900101100X", "田小禾"),
)


@pytest.mark.parametrize(("text", "name"), CASES)
def test_the_name_after_a_role_or_group_is_the_applicant(text: str, name: str) -> None:
    assert read_name(text, has_numbers=True) == name


def test_a_group_then_other_words_names_nobody() -> None:
    assert read_name("退役军人，经营的是农资店，电话18711536027", has_numbers=True) is None
