"""A filing read as a question is a filing (issue 12): a long message that says who the applicant is (ID number or
phone) and asks to have something done, with a side question in it, starts the application; a question that only
carries a number, or a wish without who the applicant is, keeps the classifier's intent."""

from nlu_components.decisive_intents import decide

ASKED = {"name": "ask_question", "confidence": 0.6}


def test_who_and_a_wish_to_file_start_the_application() -> None:
    text = "我从广东回来的，身份证430102199003041297，手机13912345678，想把执照办下来，补贴能不能领？"
    intent, ranking = decide(ASKED, [ASKED], text, ["id_number", "phone"])
    assert intent["name"] == "start_application" and ranking[0]["name"] == "start_application"
    checked = {"name": "check_eligibility", "confidence": 0.65}  # "…补贴能领吗" made it an eligibility question
    assert decide(checked, [checked], text, ["id_number", "phone"])[0]["name"] == "start_application"


def test_a_question_with_a_number_or_a_wish_alone_stays_a_question() -> None:
    for text, names in (
        ("身份证430102199003041297要带原件吗", ["id_number"]),
        ("我想申请补贴，需要什么材料", []),
    ):
        assert decide(ASKED, [ASKED], text, names)[0]["name"] == "ask_question", text
    told = {"name": "inform", "confidence": 0.9}
    assert decide(told, [told], "我叫王芳，身份证430102199003041297，想申请补贴", ["id_number"])[0] == told
