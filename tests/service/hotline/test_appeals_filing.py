"""诉求 filed by the bot or a logged-in page: number, proposed category, working-day clock, masked contact,
application verification; the owner's status behind a throttled verification; a user sees only their own."""

from datetime import date

from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.crud.audit import events
from tests.service.factories import form, make_id
from tests.service.hotline.appeal_fixtures import *  # noqa: F403  (fixtures)
from tests.service.hotline.appeal_fixtures import ALICE, BOB, bearer, bot, complaint, file_appeal


def test_the_bot_files_a_complaint_with_number_category_clock_and_masked_contact(
    client: TestClient, hotline: Services
) -> None:
    answer = file_appeal(client)
    assert answer["number"].startswith("SQ20260928") and len(answer["number"]) == 16
    assert (answer["category"], answer["category_label"]) == ("conduct", "工作人员服务态度与作风")
    assert (answer["status"], answer["status_label"], answer["kind_label"]) == ("pending", "待受理", "投诉")
    # Monday 28 September 2026: 29, 30 September, then the National Day holiday to 7 October; 8, 9 October and
    # the make-up Saturday 10 October are the 3rd to 5th working days.
    assert (answer["time_limit_days"], answer["due_date"], answer["light"]) == (5, "2026-10-10", "green")
    assert answer["contact"] == "138****5678"
    assert "13812345678" not in str(answer)
    assert answer["number"] in answer["message"] and "5个工作日" in answer["message"]
    with hotline.sessions() as session:
        created = [e for e in events(session) if e.action == "appeal.created"]
    assert [(e.actor, e.details["appeal"]) for e in created] == [("system:bot", answer["number"])]


def test_numbers_count_up_within_a_day(client: TestClient) -> None:
    first, second = file_appeal(client)["number"], file_appeal(client)["number"]
    assert int(second[-6:]) == int(first[-6:]) + 1


def test_the_user_may_choose_another_category_but_not_an_unknown_or_internal_one(client: TestClient) -> None:
    chosen = file_appeal(client, category="platform")
    assert chosen["category"] == "platform"
    for code in ("nonsense", "followup"):
        answer = client.post("/api/v1/appeals", json=complaint(category=code), headers=bot())
        assert answer.status_code == 422
        assert "诉求类别" in answer.json()["message"]


def test_classification_is_proposed_with_the_words_that_decided_it(client: TestClient) -> None:
    answer = client.post("/api/v1/appeals/classify", json={"text": "创业担保贷款申请交了一个月，银行一直没消息"})
    body = answer.json()
    assert (body["category"], body["label"]) == ("loan", "创业担保贷款")
    assert set(body["matched"]) >= {"贷款", "担保", "银行"}
    assert "progress" in [a["code"] for a in body["alternatives"]]
    nothing = client.post("/api/v1/appeals/classify", json={"text": "你好"}).json()
    assert (nothing["category"], nothing["matched"]) == ("other", [])
    categories = client.get("/api/v1/appeals/categories").json()["categories"]
    assert len(categories) == 13 and "followup" not in [c["code"] for c in categories]


def test_a_contact_is_required_without_a_login_and_must_be_a_phone(client: TestClient) -> None:
    missing = client.post("/api/v1/appeals", json=complaint(contact_phone=None), headers=bot())
    assert missing.status_code == 422 and "联系电话" in missing.json()["message"]
    wrong = client.post("/api/v1/appeals", json=complaint(contact_phone="12345"), headers=bot())
    assert wrong.status_code == 422 and "手机号" in wrong.json()["message"]
    landline = file_appeal(client, contact_phone="0731-84561234")
    assert landline["contact"] == "073*****1234"


def test_only_the_gateway_or_a_logged_in_user_may_file(client: TestClient) -> None:
    assert client.post("/api/v1/appeals", json=complaint()).status_code == 401
    forged = client.post("/api/v1/appeals", json=complaint(), headers={"Authorization": "Bearer forged"})
    assert forged.status_code == 401


def _application(client: TestClient) -> tuple[str, str]:
    id_number = make_id(sequence="031")
    body = form(id_number=id_number, applicant_name="周六", phone="13700001111")
    answer = client.post("/api/v1/applications", json=body, headers=bot())
    assert answer.status_code == 201, answer.text
    return str(answer.json()["number"]), id_number


def test_an_application_number_is_verified_like_progress_and_gives_the_contact(client: TestClient) -> None:
    number, id_number = _application(client)
    wrong = client.post(
        "/api/v1/appeals",
        json=complaint(application_number=number, id_last6="000000", contact_phone=None),
        headers=bot(),
    )
    assert wrong.status_code == 404 and wrong.json()["code"] == "application_not_found"
    right = file_appeal(client, application_number=number, id_last6=id_number[-6:], contact_phone=None)
    assert right["application_number"] == number
    assert right["contact"] == "137****1111"  # the application's phone


def test_the_owner_reads_the_status_with_the_phone_last4_and_strangers_are_throttled(client: TestClient) -> None:
    number = file_appeal(client)["number"]
    own = client.post(f"/api/v1/appeals/{number}/status", json={"phone_last4": "5678"}, headers=bot())
    assert own.status_code == 200
    assert (own.json()["status_label"], own.json()["result"]) == ("待受理", None)
    by_header = client.get(f"/api/v1/appeals/{number}/status", headers={**bot(), "X-Phone-Last4": "5678"})
    assert by_header.status_code == 200
    stranger = bot("web:stranger")
    unknown = client.post("/api/v1/appeals/SQ20260928999999/status", json={"phone_last4": "5678"}, headers=stranger)
    wrong = client.post(f"/api/v1/appeals/{number}/status", json={"phone_last4": "0000"}, headers=stranger)
    assert unknown.status_code == wrong.status_code == 404
    assert unknown.json() == wrong.json()
    for _ in range(3):
        client.post(f"/api/v1/appeals/{number}/status", json={"phone_last4": "1111"}, headers=stranger)
    locked = client.post(f"/api/v1/appeals/{number}/status", json={"phone_last4": "5678"}, headers=stranger)
    assert locked.status_code == 429 and "Retry-After" in locked.headers
    still_own = client.post(f"/api/v1/appeals/{number}/status", json={"phone_last4": "5678"}, headers=bot())
    assert still_own.status_code == 200  # a stranger locks only themselves


def test_a_logged_in_user_files_without_a_phone_and_sees_only_their_own(client: TestClient, clock: FixedClock) -> None:
    body = complaint(contact_phone=None, conversation_id=None, channel=None, description="小程序登录后一直闪退")
    mine = client.post("/api/v1/appeals", json=body, headers=bearer(ALICE, clock))
    assert mine.status_code == 201, mine.text
    number = mine.json()["number"]
    assert mine.json()["category"] == "platform"
    theirs = file_appeal(client, bot(f"wechat:{BOB}", BOB), conversation_id=f"wechat:{BOB}", channel="wechat")
    listed = client.get("/api/v1/me/appeals", headers=bearer(ALICE, clock)).json()["appeals"]
    assert [a["number"] for a in listed] == [number]
    assert client.post(f"/api/v1/appeals/{number}/status", json={}, headers=bearer(ALICE, clock)).status_code == 200
    other = client.post(f"/api/v1/appeals/{theirs['number']}/status", json={}, headers=bearer(ALICE, clock))
    assert other.status_code == 404
    foreign = complaint(conversation_id=f"wechat:{BOB}")
    assert client.post("/api/v1/appeals", json=foreign, headers=bearer(ALICE, clock)).status_code == 403


def test_the_light_turns_red_after_the_due_date(client: TestClient, clock: FixedClock) -> None:
    number = file_appeal(client)["number"]
    clock.instant = clock.instant.replace(month=10, day=12)
    status = client.post(f"/api/v1/appeals/{number}/status", json={"phone_last4": "5678"}, headers=bot()).json()
    assert (status["due_date"], status["light"]) == (date(2026, 10, 10).isoformat(), "red")
