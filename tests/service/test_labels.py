"""The service and the bot show the same names: both read ``contract/labels.json`` (issue 10).

The bot's chat form (``actions/application/form_fields.py`` imports only the contract, so this environment can import
it too) and the service's answers are compared as a user sees them: item names, field labels, choice labels, and the
rule of the items filed together. The Rasa side has its own half: ``tests/actions/test_labels.py``.
"""

import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from actions.application.form_fields import BY_SERVICE_FIELD, display
from bundle_service.applications.vocabulary import load_vocabulary
from bundle_service.main import app
from contract.labels import CHOICE_LABELS, ITEM_NAMES, ITEM_TIME_LIMITS, ITEMS_FILED_TOGETHER

ROOT = Path(__file__).resolve().parents[2]
client = TestClient(app)


def validate(field: str, value: Any) -> dict[str, Any]:
    response = client.post(f"/api/v1/validation/{field}", json={"value": value, "context": {}})
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_the_catalogue_names_the_items_as_the_bots_summary_does() -> None:
    items = client.get("/api/v1/items").json()
    assert [item["code"] for item in items] == list(ITEM_NAMES)
    shown_by_the_bot = display("application_items", list(ITEM_NAMES)).split("、")
    assert [item["name"] for item in items] == shown_by_the_bot
    assert "创业补贴申领" in shown_by_the_bot and "一次性创业补贴申领" not in shown_by_the_bot  # the drift is gone


def test_the_catalogue_gives_each_item_the_time_limit_the_bot_states() -> None:
    items = client.get("/api/v1/items").json()
    assert {item["code"]: item["time_limit_days"] for item in items} == dict(ITEM_TIME_LIMITS)


def test_a_missing_field_is_named_as_the_bot_names_it() -> None:
    for field in ("applicant_name", "id_number", "project_name", "premises_address"):
        answer = validate(field, "")
        assert answer["code"] == "required"
        assert answer["message"] == f"请填写{BY_SERVICE_FIELD[field].label}。"
    assert BY_SERVICE_FIELD["id_number"].label == "居民身份证号码"


def test_choice_labels_are_the_bots_and_the_services() -> None:
    vocabulary = load_vocabulary()
    sections = {
        "person_category": vocabulary.person_categories,
        "other_category": vocabulary.other_categories,
        "business_type": vocabulary.business_types,
    }
    for field, choices in sections.items():
        assert {code: choice.label for code, choice in choices.items()} == {
            code: display(field, code) for code in CHOICE_LABELS[field]
        }
    message = validate("person_category", "外星人")["message"]
    assert "、".join(CHOICE_LABELS["person_category"].values()) in message


def test_items_filed_together_are_refused_alone_with_their_names() -> None:
    for group in ITEMS_FILED_TOGETHER:
        answer = validate("items", [group[0]])
        assert answer["code"] == "items_together"
        assert answer["message"] == "和".join(ITEM_NAMES[code] for code in group) + "须一并申请。"
        assert validate("items", list(group))["valid"] is True


def test_no_item_name_or_choice_label_is_written_again_in_the_service_code() -> None:
    names = {*ITEM_NAMES.values(), *(label for labels in CHOICE_LABELS.values() for label in labels.values())}
    names = {name for name in names if len(name) >= 4}  # 其他, 企业, 个人 are also ordinary words
    written = []
    for path in (ROOT / "bundle_service").rglob("*.py"):
        literals = re.findall(r"\"([^\"\n]*)\"|'([^'\n]*)'", path.read_text(encoding="utf-8"))
        written += [(path.name, a or b) for a, b in literals if (a or b) in names]
    assert written == []
