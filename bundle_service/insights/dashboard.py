"""Every figure of the dashboard for one period, gathered in one read-only session."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bundle_service.insights.applications import DepartmentFigures, department_figures
from bundle_service.insights.closed_loop import (
    AppealFigures,
    FaqVotes,
    Satisfaction,
    appeal_figures,
    faq_votes,
    satisfaction,
)
from bundle_service.insights.conversations import ConversationFigures, conversation_figures
from bundle_service.insights.gaps import Embed, Gap, knowledge_gaps
from bundle_service.insights.period import Period
from bundle_service.insights.questions import AskedSource, Outcomes, most_asked, outcomes
from bundle_service.insights.tracker import TrackerStore


@dataclass(frozen=True)
class Questions:
    """What became of the questions, and the most asked ones."""

    outcomes: Outcomes
    most_asked: list[AskedSource]


@dataclass(frozen=True)
class Dashboard:
    """The figures of one period (see ``docs/dashboard.md``)."""

    today: date
    period: Period
    conversations: ConversationFigures
    questions: Questions
    gaps: list[Gap]
    satisfaction: Satisfaction
    faq_votes: list[FaqVotes]
    departments: list[DepartmentFigures]
    appeals: AppealFigures


def dashboard(session: Session, tracker: TrackerStore, period: Period, today: date, embed: Embed | None) -> Dashboard:
    """Gather every figure of ``period``.

    Args:
        session: A session of the service's database (only read).
        tracker: Rasa's tracker store (only read).
        period: The period.
        today: Today in the service's time zone (lights, overdue 诉求).
        embed: The knowledge model's embedding of users' questions, or ``None`` (unanswered questions then group
            by identical wording).
    """
    return Dashboard(
        today=today,
        period=period,
        conversations=conversation_figures(tracker, period),
        questions=Questions(outcomes(session, period), most_asked(session, period)),
        gaps=knowledge_gaps(session, period, embed),
        satisfaction=satisfaction(session, period),
        faq_votes=faq_votes(session, period),
        departments=department_figures(session, period, today),
        appeals=appeal_figures(session, period, today),
    )
