"""Bodies of the admin dashboard API (``/api/v1/admin/insights``)."""

from datetime import date, datetime

from pydantic import BaseModel, Field


class PeriodOut(BaseModel):
    """The period counted: local days of the service's time zone, both included."""

    start: date = Field(serialization_alias="from")
    end: date = Field(serialization_alias="to")
    length: int = Field(serialization_alias="days")


class ChannelSeries(BaseModel):
    """One channel's conversations: per day of the period, distinct over it, and its users' messages."""

    code: str
    label: str
    per_day: list[int]
    total: int
    messages: int


class ConversationsOut(BaseModel):
    """Conversations per day and channel (Rasa's tracker store), and the messages declined as out of scope.

    ``reason`` says why the tracker store could not be read (then every count is 0).
    """

    available: bool
    reason: str | None
    days: list[date]
    channels: list[ChannelSeries]
    declined: int


class OutcomesOut(BaseModel):
    """What became of the knowledge questions of the period, and the requests for a person."""

    asked: int
    answered: int
    suggested: int
    not_found: int
    handed_off: int


class AskedSourceOut(BaseModel):
    """A source (FAQ or document section) and how many questions it answered."""

    source_kind: str
    source_id: str
    title: str
    count: int
    example: str


class QuestionsOut(BaseModel):
    """Outcomes and the most asked questions."""

    outcomes: OutcomesOut
    most_asked: list[AskedSourceOut]


class GapOut(BaseModel):
    """A group of similar unanswered questions (one FAQ answers them all)."""

    question: str
    count: int
    question_ids: list[int]
    samples: list[str]
    last_asked_at: datetime
    best_source: str | None


class SatisfactionOut(BaseModel):
    """Ratings (好差评) of the period by score 1–5, overall and per target, and their mean."""

    by_score: dict[int, int]
    by_target: dict[str, dict[int, int]]
    average: float | None


class FaqVotesOut(BaseModel):
    """👍/👎 on one FAQ's answers."""

    faq_id: str
    title: str
    helpful: int
    unhelpful: int


class DepartmentOut(BaseModel):
    """One department's tasks received in the period: open ones by light, finished, refused."""

    code: str
    name: str
    received: int
    green: int
    yellow: int
    red: int
    finished: int
    refused: int


class AppealsOut(BaseModel):
    """诉求: open and overdue today; received, closed, closed late and mean days to close in the period."""

    open: int
    overdue: int
    received: int
    closed: int
    closed_late: int
    average_days_to_close: float | None


class DashboardOut(BaseModel):
    """Every figure of the dashboard for one period."""

    today: date
    period: PeriodOut
    conversations: ConversationsOut
    questions: QuestionsOut
    gaps: list[GapOut]
    satisfaction: SatisfactionOut
    faq_votes: list[FaqVotesOut]
    departments: list[DepartmentOut]
    appeals: AppealsOut


class GapResolveIn(BaseModel):
    """One FAQ for a group of unanswered questions: written once, closing every question of the group.

    Attributes:
        question_ids: The group's questions (the first still open is resolved by the FAQ, the others closed with it).
        question: The FAQ's question.
        answer: Its answer.
        item: Item code, or None for bundle-wide.
        similar: Other wordings (the group's samples), each searched like the question.
    """

    question_ids: list[int] = Field(min_length=1, max_length=500)
    question: str = Field(max_length=2000)
    answer: str = Field(max_length=5000)
    item: str | None = None
    similar: list[str] = Field(default_factory=list, max_length=100)


class GapResolveOut(BaseModel):
    """The FAQ written and the questions it closed."""

    faq_id: str
    resolved: list[int]
