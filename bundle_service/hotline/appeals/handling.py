"""The staff side of 诉求: the queue, take (one winner), reply on the user's channel, re-classify, close.

Only the holder replies; only the holder, or an admin, closes; every change is audited as ``staff:<id>``.
"""

from dataclasses import dataclass

from bundle_service.core.errors import Conflict, FieldError, Forbidden, InvalidInput
from bundle_service.crud import appeals as crud
from bundle_service.crud.audit import record, staff_actor
from bundle_service.hotline.appeals.records import AppealContext
from bundle_service.models.appeal import CLOSED, HANDLING, PENDING, Appeal
from bundle_service.models.handoff import OutboxMessage

ADMIN = "admin"
STATUSES = {PENDING: "待受理", HANDLING: "处理中", CLOSED: "已办结"}
CLOSED_MESSAGE = "该诉求已办结。"


@dataclass(frozen=True)
class StaffMember:
    """The staff member acting (from the console session)."""

    staff_id: str
    role: str

    @property
    def actor(self) -> str:
        """Audit actor."""
        return staff_actor(self.staff_id)


@dataclass
class AppealDesk:
    """The staff workflow of 诉求."""

    context: AppealContext

    def queue(
        self, statuses: tuple[str, ...], category: str | None, kind: str | None, mine: str | None
    ) -> tuple[list[tuple[Appeal, list[OutboxMessage]]], dict[str, int]]:
        """诉求 in ``statuses`` (earliest due first) with their messages, and the counts of the whole queue."""
        with self.context.sessions() as session:
            found = crud.listing(session, statuses=statuses, category=category, kind=kind, assigned_to=mine)
            pairs = [(appeal, crud.messages(session, appeal.id)) for appeal in found]
            return pairs, crud.counts(session, self.context.clock.today())

    def detail(self, number: str) -> tuple[Appeal, list[OutboxMessage]]:
        """One 诉求 with its staff messages.

        Raises:
            NotFound: 404 ``appeal_not_found``.
        """
        appeal = self.context.load(number)
        with self.context.sessions() as session:
            return appeal, crud.messages(session, appeal.id)

    def take(self, number: str, staff: StaffMember) -> Appeal:
        """Assign a pending 诉求 to ``staff`` (taking one's own again is a no-op).

        Raises:
            Conflict: 409 ``already_taken`` when another holds it, ``appeal_closed`` when it is closed.
        """
        appeal = self.context.load(number)
        if appeal.status == HANDLING and appeal.assigned_to == staff.staff_id:
            return appeal
        now = self.context.clock.now()
        with self.context.sessions.begin() as session:
            taken = crud.take(session, appeal.id, staff.staff_id, now)
            if taken:
                details = {"appeal": appeal.number}
                record(session, at=now, actor=staff.actor, action="appeal.taken", details=details)
        current = self.context.load(number)
        if not taken and not (current.status == HANDLING and current.assigned_to == staff.staff_id):
            if current.status == CLOSED:
                raise Conflict(CLOSED_MESSAGE, code="appeal_closed")
            raise Conflict(f"该诉求已由其他工作人员受理（{current.assigned_to}）。", code="already_taken")
        return current

    def _holder(self, number: str, staff: StaffMember) -> Appeal:
        appeal = self.context.load(number)
        if appeal.status == CLOSED:
            raise Conflict(CLOSED_MESSAGE, code="appeal_closed")
        if appeal.status != HANDLING or appeal.assigned_to != staff.staff_id:
            raise Conflict("该诉求不在您的办理中，请先受理。", code="not_yours")
        return appeal

    def reply(self, number: str, staff: StaffMember, text: str) -> OutboxMessage:
        """Send the holder's message to the user's channel (like a handoff reply) and keep it with the 诉求.

        Raises:
            Conflict: 409 ``not_yours`` / ``appeal_closed``.
        """
        appeal = self._holder(number, staff)
        now = self.context.clock.now()
        with self.context.sessions.begin() as session:
            message = self.context.send(session, appeal, staff.staff_id, f"关于您的诉求{appeal.number}：{text}")
            details = {"appeal": appeal.number, "delivery": message.delivery, "text": text[:500]}
            record(session, at=now, actor=staff.actor, action="appeal.replied", details=details)
            session.expunge(message)
        return message

    def close(self, number: str, staff: StaffMember, result: str) -> Appeal:
        """Close with a result, which is delivered to the user; the holder or an admin may close.

        Raises:
            Forbidden: 403 ``not_yours`` for another staff member without the admin role.
            Conflict: 409 ``appeal_closed``.
        """
        appeal = self.context.load(number)
        if appeal.status == CLOSED:
            raise Conflict(CLOSED_MESSAGE, code="appeal_closed")
        if appeal.assigned_to != staff.staff_id and staff.role != ADMIN:
            raise Forbidden("只有受理该诉求的工作人员或管理员才能办结。", code="not_yours")
        now = self.context.clock.now()
        with self.context.sessions.begin() as session:
            if not crud.close(session, appeal.id, staff.staff_id, result, now):
                raise Conflict(CLOSED_MESSAGE, code="appeal_closed")
            message = self.context.send(
                session, appeal, staff.staff_id, f"您的诉求{appeal.number}已办结。处理结果：{result}"
            )
            details = {"appeal": appeal.number, "result": result[:500], "delivery": message.delivery}
            if appeal.assigned_to and appeal.assigned_to != staff.staff_id:
                details["holder"] = appeal.assigned_to
            record(session, at=now, actor=staff.actor, action="appeal.closed", details=details)
        return self.context.load(number)

    def recategorize(self, number: str, staff: StaffMember, code: str) -> Appeal:
        """Move an open 诉求 to another category; its time limit and due date follow the new category.

        Raises:
            InvalidInput: 422 ``unknown_category``.
            Conflict: 409 ``appeal_closed``.
        """
        category = self.context.book.get(code)
        if category is None:
            raise InvalidInput([FieldError("category", "unknown_category", f"没有“{code}”这个诉求类别")])
        appeal = self.context.load(number)
        if appeal.status == CLOSED:
            raise Conflict(CLOSED_MESSAGE, code="appeal_closed")
        start = self.context.clock.local(appeal.created_at).date()
        due = self.context.due(start, category.time_limit_days)
        now = self.context.clock.now()
        with self.context.sessions.begin() as session:
            stored = crud.by_number(session, appeal.number)
            assert stored is not None
            before = stored.category
            stored.category, stored.time_limit_days, stored.due_date = code, category.time_limit_days, due.day
            details = {"appeal": appeal.number, "from": before, "to": code}
            record(session, at=now, actor=staff.actor, action="appeal.recategorized", details=details)
        return self.context.load(number)

    def contact(self, number: str, staff: StaffMember) -> Appeal:
        """The full contact for the holder (or an admin) to call the user back; audited.

        Raises:
            Forbidden: 403 ``not_yours``.
        """
        appeal = self.context.load(number)
        if appeal.assigned_to != staff.staff_id and staff.role != ADMIN:
            raise Forbidden("只有受理该诉求的工作人员或管理员才能查看完整联系方式。", code="not_yours")
        with self.context.sessions.begin() as session:
            details = {"appeal": appeal.number}
            record(
                session, at=self.context.clock.now(), actor=staff.actor, action="appeal.contact_viewed", details=details
            )
        return appeal
