"""FAQ administration in the database (both backends): seed, versions, roll-back, duplicates, audit, queue."""

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from bundle_service.api.deps import Services
from bundle_service.core.config import ROOT_DIR
from bundle_service.core.errors import Conflict, InvalidInput, NotFound
from bundle_service.knowledge import faqs, unanswered
from bundle_service.knowledge.seed import seed
from bundle_service.models import AuditEvent, Faq, KbDocument

NOW = datetime(2026, 9, 28, 2, 0, tzinfo=timezone.utc)
ITEMS = frozenset({"guaranteed_loan", "training"})


def test_seed_is_idempotent_and_never_overwrites_an_admin_edit(services: Services) -> None:
    with services.sessions.begin() as session:
        first = seed(session, ROOT_DIR / "knowledge_base", NOW)
    assert first.faqs_inserted >= 120 and first.documents_inserted >= 11
    with services.sessions.begin() as session:
        faqs.update(session, "faq-104", faqs.FaqInput("贷款最多多少？", "管理员改过的答案。"), "admin", NOW)
        faqs.delete(session, "faq-001", "admin", NOW)
    with services.sessions.begin() as session:
        again = seed(session, ROOT_DIR / "knowledge_base", NOW)
    assert (again.faqs_inserted, again.faqs_refreshed, again.documents_inserted, again.documents_refreshed) == (0,) * 4
    with services.sessions() as session:
        assert session.get(Faq, "faq-104").answer == "管理员改过的答案。"  # type: ignore[union-attr]
        assert session.get(Faq, "faq-001").active is False  # type: ignore[union-attr]
        assert session.scalars(select(KbDocument.path)).all()


def test_every_change_is_a_version_and_roll_back_restores_one(services: Services) -> None:
    with services.sessions.begin() as session:
        row = faqs.create(session, faqs.FaqInput("问题一？", "答案一。", "training", ["培训"]), "admin", NOW)
        faq_id = row.id
        faqs.update(session, faq_id, faqs.FaqInput("问题一？", "答案二。", "training"), "admin", NOW)
        faqs.delete(session, faq_id, "admin", NOW)
        faqs.rollback(session, faq_id, 1, "admin", NOW)
    with services.sessions() as session:
        history = faqs.versions(session, faq_id)
        current = faqs.get(session, faq_id)
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert faq_id == "faq-001"
    assert [(v.version, v.action, v.answer, v.active) for v in history] == [
        (4, "rolled_back", "答案一。", True),
        (3, "deleted", "答案二。", False),
        (2, "updated", "答案二。", True),
        (1, "created", "答案一。", True),
    ]
    assert (current.answer, current.tags, current.active, current.version) == ("答案一。", ["培训"], True, 4)
    assert actions == ["faq.created", "faq.updated", "faq.deleted", "faq.rolled_back"]


def test_bad_faq_input_is_refused_with_precise_codes(services: Services) -> None:
    with pytest.raises(InvalidInput) as error:
        faqs.check(faqs.FaqInput(" ", "x" * 1001, "lottery"), ITEMS)
    assert [e.code for e in error.value.errors] == ["required", "too_long", "unknown_item"]
    with services.sessions.begin() as session:
        faqs.create(session, faqs.FaqInput("同一个问题？", "答。"), "admin", NOW)
    with services.sessions.begin() as session, pytest.raises(InvalidInput) as duplicate:
        faqs.create(session, faqs.FaqInput("同一个问题？", "另一个答。"), "admin", NOW)
    assert duplicate.value.errors[0].code == "duplicate_question"
    with services.sessions.begin() as session, pytest.raises(NotFound):
        faqs.rollback(session, "faq-001", 9, "admin", NOW)
    with services.sessions.begin() as session:
        faqs.delete(session, "faq-001", "admin", NOW)
    with services.sessions.begin() as session, pytest.raises(Conflict):
        faqs.delete(session, "faq-001", "admin", NOW)


def test_an_unanswered_question_is_resolved_by_a_faq(services: Services) -> None:
    with services.sessions.begin() as session:
        question = unanswered.add(
            session,
            question="夜市摆摊要办执照吗",
            conversation_id="c1",
            item=None,
            region="长沙市",
            best_score=0.41,
            best_source="faq-142",
            now=NOW,
        )
        session.flush()
        faq = faqs.create(session, faqs.FaqInput("夜市摆摊要办执照吗？", "请咨询当地市场监管部门。"), "admin", NOW)
        question_id, faq_id = question.id, faq.id
    with services.sessions.begin() as session:
        closed = unanswered.close(session, question_id, "admin", NOW, faq_id)
        assert (closed.status, closed.resolved_by_faq_id) == ("resolved", faq_id)
    with services.sessions() as session:
        assert unanswered.list_questions(session) == []
        assert [q.id for q in unanswered.list_questions(session, None)] == [question_id]
    with services.sessions.begin() as session, pytest.raises(Conflict):
        unanswered.close(session, question_id, "admin", NOW)
