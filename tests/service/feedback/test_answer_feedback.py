"""👍/👎 on answers: stored with the question, the answer and its source; a second vote on the same answer replaces."""

from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.models.feedback import AnswerFeedback
from tests.service.hotline.appeal_fixtures import *  # noqa: F403  (fixtures)
from tests.service.hotline.appeal_fixtures import ALICE, BOB, bearer, bot

VOTE = {
    "message_id": "m-1",
    "helpful": False,
    "reason": "没帮到我，因为金额不对",
    "question": "创业担保贷款能贷多少",
    "answer": "个人最高可申请30万元。",
    "source": {"kind": "faq", "id": "loan-amount", "title": "创业担保贷款额度"},
}


def test_a_vote_is_stored_with_question_answer_and_source_and_replaced_by_a_second(
    client: TestClient, hotline: Services, clock: FixedClock
) -> None:
    first = client.post("/api/v1/feedback/answers", json=VOTE, headers=bearer(ALICE, clock))
    assert first.status_code == 201 and first.json()["helpful"] is False
    second = client.post(
        "/api/v1/feedback/answers", json={**VOTE, "helpful": True, "reason": None}, headers=bearer(ALICE, clock)
    )
    assert second.status_code == 200 and second.json()["id"] == first.json()["id"]
    with hotline.sessions() as session:
        rows = session.query(AnswerFeedback).all()
    assert len(rows) == 1
    row = rows[0]
    assert (row.conversation_id, row.channel, row.helpful, row.reason) == (f"wechat:{ALICE}", "miniprogram", True, None)
    assert (row.question, row.answer) == (VOTE["question"], VOTE["answer"])
    assert (row.source_kind, row.source_id, row.source_title) == ("faq", "loan-amount", "创业担保贷款额度")


def test_the_bot_votes_for_its_conversation_and_users_only_for_their_own(
    client: TestClient, hotline: Services, clock: FixedClock
) -> None:
    body = {**VOTE, "conversation_id": "web:v1", "channel": "rest", "message_id": None}
    assert client.post("/api/v1/feedback/answers", json=body, headers=bot("web:v1")).status_code == 201
    assert client.post("/api/v1/feedback/answers", json=body, headers=bot("web:v1")).status_code == 201  # no id: two
    foreign = {**VOTE, "conversation_id": f"wechat:{BOB}"}
    assert client.post("/api/v1/feedback/answers", json=foreign, headers=bearer(ALICE, clock)).status_code == 403
    assert client.post("/api/v1/feedback/answers", json=body).status_code == 401
    with hotline.sessions() as session:
        assert session.query(AnswerFeedback).filter_by(conversation_id="web:v1").count() == 2
