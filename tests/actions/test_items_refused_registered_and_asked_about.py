"""Items at the form the way people name them (issue 12): a bare 登记 for a known business type, "X还没有呢，顺便办了",
"X不要" in either order, and an item already chosen named inside a question (never re-chosen, the question answered).

What the user sees: "那就去登记一下" at the item menu for a 合作社 chooses the registration and its taxpayer
confirmation; "营业执照我还没有呢，一起办了吧" at the summary adds the registration; "培训和执照，补贴就不用了" never
asks for anything the subsidy needs; "还要上传营业执照和身份证吗" at the industry step gets an answer, and the
items stay as they were.
"""

from typing import Any

import pytest

from actions.application.form_items import asked_about, items_in_words, items_named, refused
from tests.actions.test_application_form import FILLED, validate

REGISTRATION = ["business_registration", "taxpayer_confirmation"]


def spans(text: str, *named: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Where each (words, code) is in ``text``, as the NLU gives an item."""
    return [(text.index(words), text.index(words) + len(words), code) for words, code in named]


def entity(text: str, words: str, code: str) -> dict[str, Any]:
    start = text.index(words)
    return {"entity": "item", "value": code, "start": start, "end": start + len(words)}


@pytest.mark.parametrize("said", ["那先办个登记吧", "去登记一下", "就先注册一下吧", "我想先把登记办了"])
def test_a_bare_registration_with_the_type_known_chooses_registration(said: str) -> None:
    assert items_named(said, [], None, "application_items", [], "cooperative") == ["business_registration"]
    assert items_in_words(said, [], None) == []  # no type known: nothing is guessed


@pytest.mark.parametrize("said", ["先办养老保险登记", "参保登记一下", "登记失业要去哪", "已经登记过了"])
def test_other_registrations_or_one_done_are_not_the_business_registration(said: str) -> None:
    assert "business_registration" not in items_in_words(said, [], "individual")


@pytest.mark.parametrize(
    ("said", "named", "kept"),
    [
        (
            "办执照、培训，补贴就不要了",
            [("执照", REGISTRATION[0]), ("培训", "training"), ("补贴", "startup_subsidy")],
            [REGISTRATION[0], "training"],
        ),
        ("培训，贷款就不用了", [("培训", "training")], ["training"]),
        (
            "创业证、培训都要，补贴就算了",
            [("创业证", "employment_cert"), ("培训", "training"), ("补贴", "startup_subsidy")],
            ["employment_cert", "training"],
        ),
        ("不要贷款，帮我办个执照", [("执照", "business_registration")], ["business_registration"]),
        ("不需要补贴和贷款，只办培训", [("补贴", "startup_subsidy"), ("培训", "training")], ["training"]),
        (
            "贷款跟补贴都不办，就要创业证",
            [("补贴", "startup_subsidy"), ("创业证", "employment_cert")],
            ["employment_cert"],
        ),
    ],
)
def test_an_item_refused_in_its_clause_is_never_chosen(said: str, named: list[Any], kept: list[str]) -> None:
    found = spans(said, *named)
    assert items_named(said, [code for _, _, code in found], None, "application_items", found) == kept


def test_a_question_with_a_negation_is_no_refusal() -> None:
    said = "不用抵押也能贷款吗"
    assert not refused(said, said.index("贷款"), said.index("贷款") + 2)
    assert items_named(said, [], None, "application_items", []) is None


@pytest.mark.parametrize(
    "said",
    [
        "营业执照我还没有呢，顺便办了",
        "执照还没办呢，一并办了吧",
        "执照还没有，也一起弄吧",
        "营业执照还没拿到，一块儿办",
    ],
)
def test_an_item_not_held_yet_and_asked_to_be_added_is_added(said: str) -> None:
    words = "营业执照" if said.startswith("营业执照") else "执照"
    found = spans(said, (words, "business_registration"))
    assert not asked_about(said, found[0][0])
    assert items_named(said, ["business_registration"], ["training"], "confirm_submission", found) == [
        "training",
        "business_registration",
    ]


@pytest.mark.parametrize("said", ["营业执照还没有呢？", "还要上传营业执照和身份证吗", "执照也要带原件吗"])
def test_an_item_only_asked_about_is_not_chosen(said: str) -> None:
    words = "营业执照" if "营业执照" in said else "执照"
    assert asked_about(said, said.index(words)), said


def test_an_item_already_chosen_named_again_in_passing_changes_nothing() -> None:
    said = "营业执照下来了，公章还要另外刻吗"
    found = spans(said, ("营业执照", "business_registration"))
    assert items_named(said, ["business_registration"], REGISTRATION, "industry", found) is None


async def test_a_bare_registration_at_the_menu_for_a_known_type_goes_on_with_registration(service_url: str) -> None:
    slots = {"business_type": "cooperative", "requested_slot": "application_items"}
    texts, set_slots = await validate("那就先去登记一下吧", "inform", slots)
    assert set_slots.get("application_items") == REGISTRATION, (texts, set_slots)
    assert set_slots["requested_slot"] != "application_items"


async def test_an_item_not_held_yet_is_added_at_the_summary(service_url: str) -> None:
    said = "营业执照我还没有呢，顺便一起办了"
    slots = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}
    texts, set_slots = await validate(said, "inform", slots, [entity(said, "营业执照", "business_registration")])
    assert "business_registration" in set_slots.get("application_items", []), (texts, set_slots)
    assert any("已加上" in t for t in texts), texts


async def test_a_refused_item_at_the_menu_is_not_chosen_and_its_fields_never_asked(service_url: str) -> None:
    said = "办营业执照和培训，贷款就不要了"
    slots = {**FILLED, "application_items": None, "requested_slot": "application_items"}
    entities = [entity(said, "营业执照", "business_registration"), entity(said, "培训", "training")]
    texts, set_slots = await validate(said, "start_application", slots, entities)
    assert set_slots.get("application_items") == [*REGISTRATION, "training"] or set(
        set_slots.get("application_items") or []
    ) == {*REGISTRATION, "training"}, (texts, set_slots)
    assert set_slots["requested_slot"] not in ("loan_amount", "loan_term_months", "loan_borrower"), set_slots


def test_an_item_not_held_yet_said_with_a_wish_is_no_question_to_look_up() -> None:
    from actions.application.form_questions import question_besides

    assert question_besides("营业执照我还没有呢，顺便一起办了吧") is None
    assert question_besides("执照还没办呢，一并办了") is None
    assert question_besides("我叫王芳，补贴到账了没有呢") == "补贴到账了没有呢"  # a real question stays one


async def test_items_chosen_with_one_refused_are_no_cancel_when_the_nlu_reads_a_stop(service_url: str) -> None:
    said = "先把注册办了吧，补贴先不要"  # the NLU may read "…不要" as cancel: the form goes on with the registration
    slots = {"business_type": "individual_business", "requested_slot": "application_items"}
    texts, set_slots = await validate(said, "cancel", slots)
    assert set(set_slots.get("application_items") or []) == set(REGISTRATION), (texts, set_slots)
