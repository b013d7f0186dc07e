"""What both sides of the 诉求 workflow share: the context, loading by number, clocks, and staff messages."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.applications.numbering import NumbersExhausted
from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.core.errors import NotFound
from bundle_service.crud import appeals as crud
from bundle_service.crud.calendar import load_calendar
from bundle_service.crud.counters import next_value
from bundle_service.hotline.appeals.categories import CategoryBook
from bundle_service.hotline.delivery import deliver
from bundle_service.hotline.settings import category_book
from bundle_service.models.appeal import Appeal
from bundle_service.models.handoff import OutboxMessage
from bundle_service.progress.working_days import DueDate

NOT_FOUND = "没有这个诉求编号。"
NUMBER_PREFIX = "SQ"
NUMBER_LENGTH = 16  # SQ + yyyymmdd + 6 digits
MAX_PER_DAY = 999_999
NO_CHANNEL = "none"  # delivery of a message to a 诉求 without a conversation: staff call the contact instead


@dataclass
class AppealContext:
    """Everything the 诉求 workflow needs from the service.

    Args:
        settings: Service settings (WeChat credentials for delivery).
        engine: Database engine (numbers are allocated in their own short transaction).
        sessions: Session factory.
        clock: Clock of the service.
        categories: The category book (default: the one in force, see ``hotline.settings``).
    """

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    categories: CategoryBook | None = None

    @property
    def book(self) -> CategoryBook:
        """The categories in force."""
        if self.categories is not None:
            return self.categories
        with self.sessions() as session:
            return category_book(session)

    def load(self, number: str) -> Appeal:
        """The 诉求 of ``number``.

        Raises:
            NotFound: 404 ``appeal_not_found``.
        """
        with self.sessions() as session:
            appeal = crud.by_number(session, number.strip().upper())
        if appeal is None:
            raise NotFound(NOT_FOUND, code="appeal_not_found")
        return appeal

    def allocate_number(self) -> str:
        """The next tracking number of today: ``SQ`` + yyyymmdd + 6 digits (counter key ``SQ`` + yymmdd)."""
        today = self.clock.today()
        sequence = next_value(self.engine, f"{NUMBER_PREFIX}{today:%y%m%d}")
        if sequence > MAX_PER_DAY:
            raise NumbersExhausted("今日诉求编号已用完，请明天再提交或拨打12345热线。")
        return f"{NUMBER_PREFIX}{today:%Y%m%d}{sequence:06d}"

    def due(self, start: date, days: int) -> DueDate:
        """The due date ``days`` working days after ``start``."""
        with self.sessions() as session:
            calendar = load_calendar(session)
        return calendar.add_working_days(start, days)

    def send(self, session: Session, appeal: Appeal, staff_id: str, text: str) -> OutboxMessage:
        """Deliver a staff message to the user's channel and store it with the 诉求 (in ``session``)."""
        conversation = appeal.conversation_id
        delivery = deliver(self.settings, conversation, appeal.channel, text) if conversation else NO_CHANNEL
        return crud.add_message(
            session,
            appeal=appeal,
            conversation_id=conversation or f"appeal:{appeal.number}",
            staff_id=staff_id,
            text=text,
            delivery=delivery,
            now=self.clock.now(),
        )
