"""Seeded rows for the dashboard's figures: applications with department tasks, handoffs, knowledge asks.

Written straight into the tables (the figures read tables; how rows get there is other tests' business), so each
figure can be checked against numbers known in advance. Used by the service tests and the browser test.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bundle_service.models import (
    AnswerFeedback,
    Appeal,
    Applicant,
    Application,
    DepartmentTask,
    Handoff,
    KnowledgeAsk,
    Rating,
    UnansweredQuestion,
)

APPLICANT_ID_NUMBER = "430111199601010021"
TZ = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class TaskSeed:
    """One department task: its department, status, due date and when it was received."""

    department: str
    status: str
    due: date
    received_at: datetime


def add_application(session: Session, number: str, tasks: list[TaskSeed]) -> Application:
    """An application (of one made-up applicant) with the given department tasks."""
    applicant = session.query(Applicant).filter_by(id_number=APPLICANT_ID_NUMBER).one_or_none()
    first = tasks[0].received_at
    if applicant is None:
        applicant = Applicant(id_number=APPLICANT_ID_NUMBER, name="赵新", created_at=first)
        session.add(applicant)
        session.flush()
    application = Application(
        number=number,
        applicant_id=applicant.id,
        applicant_name="赵新",
        phone="13912345678",
        person_category="returning_migrant_worker",
        items=["business_registration"],
        filed_by="test",
        state="in_progress",
        materials=[],
        shared_fields={},
        submitted_at=first,
        updated_at=first,
    )
    session.add(application)
    session.flush()
    for task in tasks:
        session.add(
            DepartmentTask(
                application_id=application.id,
                department_code=task.department,
                items=["business_registration"],
                status=task.status,
                received_at=task.received_at,
                time_limit_days=5,
                due_date=task.due,
                finished_at=task.received_at + timedelta(days=1) if task.status in ("finished", "refused") else None,
                updated_at=task.received_at,
            )
        )
    return application


def add_handoffs(session: Session, at: datetime, count: int) -> None:
    """``count`` requests for a person at ``at``."""
    for index in range(count):
        session.add(
            Handoff(
                conversation_id=f"web:handoff-{at.timestamp()}-{index}",
                channel="rest",
                reason="asked_person",
                status="waiting",
                created_at=at.astimezone(timezone.utc),
            )
        )


def add_asks(
    session: Session, at: datetime, status: str, count: int, source: tuple[str, str, str] | None = None
) -> None:
    """``count`` knowledge asks of one outcome; ``source`` (kind, id, title) for answered ones."""
    kind, source_id, title = source or (None, None, None)
    for index in range(count):
        session.add(
            KnowledgeAsk(
                asked_at=at + timedelta(minutes=index),
                conversation_id=f"web:ask-{index}",
                question=f"{title or '问题'}？（第{index + 1}种问法）",
                status=status,
                source_kind=kind,
                source_id=source_id,
                source_title=title,
                score=0.8 if kind else None,
            )
        )


def add_unanswered(session: Session, at: datetime, questions: list[str]) -> None:
    """Open questions of the unanswered queue, one minute apart."""
    for index, question in enumerate(questions):
        session.add(UnansweredQuestion(question=question, asked_at=at + timedelta(minutes=index), status="open"))


def add_rating(session: Session, at: datetime, score: int, target: str = "conversation") -> None:
    """A rating (好差评) of a conversation or a handoff."""
    session.add(
        Rating(
            target=target,
            conversation_id=f"web:rated-{at.timestamp()}-{score}",
            channel="rest",
            score=score,
            rated_by="user",
            created_at=at,
        )
    )


def add_votes(session: Session, at: datetime, faq: tuple[str, str], helpful: int, unhelpful: int) -> None:
    """👍/👎 on answers of one FAQ (id, title)."""
    for index, vote in enumerate([True] * helpful + [False] * unhelpful):
        session.add(
            AnswerFeedback(
                conversation_id=f"web:voter-{index}",
                channel="rest",
                message_id=f"m-{faq[0]}-{at.timestamp()}-{index}",
                helpful=vote,
                question=faq[1],
                answer="答案",
                source_kind="faq",
                source_id=faq[0],
                source_title=faq[1],
                created_at=at,
                updated_at=at,
            )
        )


def add_appeal(session: Session, number: str, created: datetime, due: date, closed: datetime | None = None) -> None:
    """A 诉求: open (handling) without ``closed``, else closed then."""
    session.add(
        Appeal(
            number=number,
            kind="complaint",
            category="other",
            description="窗口让我跑了三趟",
            channel="rest",
            status="closed" if closed else "handling",
            time_limit_days=5,
            due_date=due,
            created_at=created,
            closed_at=closed,
            result="已整改" if closed else None,
        )
    )


def _at(day: int, month: int = 9, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ)


LOAN = ("faq", "faq-loan-amount", "创业担保贷款最高能贷多少")
TRACKER_TURNS = (
    [(f"web:s{n}", _at(21), "rest") for n in range(3)]
    + [("web:s0!", _at(21, hour=12), "rest")]  # declined as out of scope
    + [(f"wechat:o{n}", _at(21, hour=11), "miniprogram") for n in range(2)]
    + [("hotline:20260925-a1", _at(25), "hotline")]
    + [(f"wechat:o{n}", _at(26), "wechat") for n in range(4)]
    + [(f"web:old{n}", _at(10, month=8), "rest") for n in range(5)]
)


def seed_dashboard(session: Session) -> None:
    """The browser test's figures: September 2026 (today the 28th) and a few rows in August."""
    add_application(
        session,
        "CY20260921000001",
        [
            TaskSeed("market_regulation", "reviewing", date(2026, 9, 25), _at(21)),
            TaskSeed("tax", "received", date(2026, 9, 29), _at(21)),
            TaskSeed("public_employment", "needs_material", date(2026, 10, 20), _at(21)),
        ],
    )
    add_asks(session, _at(21), "faq", 4, LOAN)
    add_asks(session, _at(22), "answer", 2, ("doc", "items/subsidy.md#补贴标准", "《一次性创业补贴》· 补贴标准"))
    add_asks(session, _at(22), "not_found", 3)
    add_asks(session, _at(23), "suggest", 2)
    add_asks(session, _at(10, month=8), "faq", 10, LOAN)
    add_handoffs(session, _at(24), 2)
    add_unanswered(
        session, _at(24), ["营业执照丢了怎么补办", "执照遗失了如何补领", "营业执照弄丢了去哪补", "公司注销流程是什么"]
    )
    for score, day in ((5, 21), (5, 22), (5, 23), (1, 24)):
        add_rating(session, _at(day), score)
    for day in (10, 11):
        add_rating(session, _at(day, month=8), 2)
    add_votes(session, _at(22), LOAN[1:], helpful=2, unhelpful=1)
    add_appeal(session, "SQ20260918000001", _at(18), date(2026, 9, 25))  # open, overdue
    add_appeal(session, "SQ20260920000001", _at(20), date(2026, 9, 30), closed=_at(23))
