"""The bot shows the names of ``contract/labels.json`` (the service shows the same ones: tests/service/test_labels.py).

Item names, field labels and choice labels have one source; these tests fail when the bot's form, its NLU codes or
its messages drift from it.
"""

import re
from pathlib import Path

import yaml

from actions.application.form_fields import BY_SLOT, FIELDS, display
from actions.application.form_items import complete_items
from actions.conversation import context, messages
from contract.labels import CHOICE_LABELS, FIELD_LABELS, ITEM_NAMES, ITEM_TIME_LIMITS, ITEMS_FILED_TOGETHER
from nlu_components.gazetteer import load_gazetteer
from tests.actions.conftest import make_form_tracker

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "actions", ROOT / "channels", ROOT / "nlu_components"]


def test_every_field_of_the_chat_form_has_the_contracts_label() -> None:
    assert {f.service_field for f in FIELDS} <= set(FIELD_LABELS)  # a new field needs its label in the contract
    assert BY_SLOT["id_number"].label == "居民身份证号码"  # the service's label (the bot used to say 身份证号码)


def test_the_nlu_knows_exactly_the_contracts_codes() -> None:
    values = {source.entity: set(source.values) for source in load_gazetteer().sources}
    assert values["item"] == set(ITEM_NAMES)
    assert values["person_category"] == set(CHOICE_LABELS["person_category"])
    assert values["business_type"] == set(CHOICE_LABELS["business_type"])


def test_the_summary_shows_official_names_and_the_contracts_labels() -> None:
    text = messages.summary(
        {
            "application_items": ["startup_subsidy", "pension_registration"],
            "id_number": "430104199001011234",
            "person_category": "returning_migrant_worker",
            "business_type": "cooperative",
            "bank_account": "6222020000001234",
        }
    )
    assert "• 拟申请事项：创业补贴申领、无雇工个体工商户及灵活就业人员参加养老保险登记" in text
    assert "• 居民身份证号码：430104********1234" in text
    assert "• 人员类别：返乡创业农民工" in text and "• 经营主体类型：农民专业合作社" in text
    assert "• 经营主体银行账户：****1234" in text and "6222020000001234" not in text


def test_items_filed_together_are_added_with_their_official_names() -> None:
    assert ("business_registration", "taxpayer_confirmation") in ITEMS_FILED_TOGETHER
    items, note = complete_items(["guaranteed_loan", "business_registration"])
    assert items == ["guaranteed_loan", "business_registration", "taxpayer_confirmation"]
    assert note == "经营主体登记注册和纳税人信息确认须一并办理，已为您加上“纳税人信息确认”。"
    assert complete_items(["training"]) == (["training"], None)
    assert display("application_items", ["taxpayer_confirmation"]) == "纳税人信息确认"


def test_no_item_name_or_choice_label_is_written_again_in_the_rasa_side_code() -> None:
    names = {*ITEM_NAMES.values(), *(label for labels in CHOICE_LABELS.values() for label in labels.values())}
    written = []
    for folder in SOURCES:
        for path in folder.rglob("*.py"):
            literals = re.findall(r"\"([^\"\n]*)\"|'([^'\n]*)'", path.read_text(encoding="utf-8"))
            written += [(path.name, a or b) for a, b in literals if (a or b) in names]
    assert written == []


def test_the_item_lists_of_the_bots_fixed_replies_use_the_contracts_names_in_order() -> None:
    """``utter_bundle_overview`` and ``utter_ask_application_items`` list the 8 items as fixed text: official names."""
    listed = {}
    for path in (ROOT / "bot" / "domain").glob("*.yml"):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
        for name, variants in responses.items():
            for variant in variants:
                lines = re.findall(r"^\s*[1-8]\. ([^（\n]+)", variant.get("text") or "", re.MULTILINE)
                if len(lines) == len(ITEM_NAMES):
                    listed[name] = [line.strip() for line in lines]
    assert {"utter_bundle_overview", "utter_ask_application_items"} <= set(listed)
    for lines in listed.values():
        assert lines == list(ITEM_NAMES.values())


def test_the_time_limits_the_bot_states_are_the_contracts() -> None:
    """The overview's days and the follow-up "要多久" list the days of ``contract/labels.json`` (the service's too)."""
    days = dict(ITEM_TIME_LIMITS)
    assert list(days) == list(ITEM_NAMES)  # every item has its limit, in the bundle's order
    assert "就业创业证申领3个工作日、无雇工个体工商户及灵活就业人员参加养老保险登记1个工作日" in context.WHOLE_TIME
    chosen = ["business_registration", "taxpayer_confirmation"]
    asked = make_form_tracker(
        "得多久", "ask_question", {context.FORM_ITEMS_SLOT: chosen, "requested_slot": "applicant_name"}
    )
    asked.active_loop = {"name": "application_form"}
    assert "经营主体登记注册3个工作日、纳税人信息确认1个工作日" in (
        context._limits_of_items_chosen(asked, "得多久") or ""
    )
    overview = yaml.safe_load((ROOT / "bot" / "domain" / "bundle.yml").read_text(encoding="utf-8"))
    text = overview["responses"]["utter_bundle_overview"][0]["text"]
    stated = re.findall(r"^\s*[1-8]\. [^（\n]+（(\d+)个工作日）", text, re.MULTILINE)
    assert [int(n) for n in stated] == list(days.values())
