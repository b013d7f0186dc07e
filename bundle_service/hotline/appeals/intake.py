"""The user's side of 诉求: filing, follow-ups of bad ratings, and the owner's status.

Filing comes from the bot or a logged-in page; the owner sees the status after proving it is theirs (throttled
like application progress).
"""

import hmac
import re
from dataclasses import dataclass

from bundle_service.core.errors import FieldError, InvalidInput, NotFound
from bundle_service.crud import appeals as crud
from bundle_service.crud.audit import record
from bundle_service.hotline.appeals.categories import FOLLOWUP, Category
from bundle_service.hotline.appeals.records import AppealContext
from bundle_service.models.appeal import PENDING, Appeal
from bundle_service.models.handoff import OutboxMessage
from bundle_service.progress.owner_verification import Claim, Verifier, caller_of
from contract.phones import LANDLINE, MOBILE

COMPLAINT, REQUEST = "complaint", "request"
KINDS = {COMPLAINT: "投诉", REQUEST: "诉求", FOLLOWUP: "差评整改回访"}
OWNER_NOT_FOUND = "未找到该诉求，或验证信息不符。请核对诉求编号和联系电话后4位。"
_SEPARATORS = re.compile(r"[\s\-()（）]")


@dataclass(frozen=True)
class NewAppeal:
    """What the user (through the bot or a page) files.

    Attributes:
        kind: ``complaint`` or ``request``.
        description: What happened.
        place_time: Where and when, if given.
        category: The code the user chose, or ``None`` to take the proposal.
        application_number: The application it concerns, if any.
        id_last6: Proof of ownership of that application (unless the openid owns it).
        contact_name: Name to address the user by.
        contact_phone: Phone to reach the user (required without a login).
        conversation_id: Where staff messages go (Rasa sender id).
        channel: The channel the user spoke on.
        owner_openid: The logged-in WeChat user, if any.
    """

    kind: str
    description: str
    place_time: str | None
    category: str | None
    application_number: str | None
    id_last6: str | None
    contact_name: str | None
    contact_phone: str | None
    conversation_id: str | None
    channel: str
    owner_openid: str | None


def normalize_phone(phone: str | None) -> str | None:
    """A mobile or fixed-line number without separators, ``None`` when empty.

    Raises:
        InvalidInput: 422 ``invalid_phone`` for anything else.
    """
    if phone is None or not phone.strip():
        return None
    digits = _SEPARATORS.sub("", phone.strip())
    if MOBILE.fullmatch(digits) or LANDLINE.fullmatch(digits):
        return digits
    error = FieldError("contact_phone", "invalid_phone", "联系电话应为11位手机号或带区号的固定电话")
    raise InvalidInput([error])


@dataclass
class AppealIntake:
    """Filing and owner queries of 诉求.

    Args:
        context: The shared workflow context.
        verifier: The owner verifier of applications (its throttle also counts failed 诉求 verifications).
    """

    context: AppealContext
    verifier: Verifier

    def _category(self, chosen: str | None, text: str) -> Category:
        book = self.context.book
        if chosen:
            category = book.get(chosen)
            if category is None or not category.selectable:
                error = FieldError("category", "unknown_category", f"没有“{chosen}”这个诉求类别")
                raise InvalidInput([error])
            return category
        return book.classify(text).category

    def file(self, new: NewAppeal, actor: str, client_key: str) -> Appeal:
        """Register a 诉求 with its number, category, time limit and due date.

        Args:
            new: What the user gave.
            actor: Who files, for the audit log (``system:bot``, ``user``).
            client_key: Who is asking, for the throttle of the application verification.

        Returns:
            The stored 诉求.

        Raises:
            InvalidInput: 422 for a wrong phone, a missing contact or an unknown category.
            NotFound: 404 when the application number does not verify (throttled like progress).
            TooManyAttempts: 429 after repeated wrong verifications.
        """
        if new.kind not in (COMPLAINT, REQUEST):
            raise InvalidInput([FieldError("kind", "unknown_kind", "类型只能是投诉（complaint）或诉求（request）")])
        phone = normalize_phone(new.contact_phone)
        category = self._category(new.category, f"{new.description} {new.place_time or ''}")
        application_id, name = None, (new.contact_name or "").strip() or None
        if new.application_number:
            claim = Claim(id_last6=new.id_last6, openid=new.owner_openid)
            application = self.verifier.verify(new.application_number, claim, client_key)
            application_id = application.id
            phone = phone or application.phone
            name = name or application.applicant_name
        if phone is None and not new.owner_openid:
            error = FieldError("contact_phone", "contact_required", "请留下联系电话，方便工作人员联系您")
            raise InvalidInput([error])
        return self._store(
            kind=new.kind,
            category=category,
            description=new.description.strip(),
            place_time=(new.place_time or "").strip() or None,
            application_id=application_id,
            conversation_id=new.conversation_id,
            channel=new.channel,
            owner_openid=new.owner_openid,
            contact_name=name,
            contact_phone=phone,
            actor=actor,
            rating_id=None,
        )

    def open_followup(
        self,
        *,
        rating_id: int,
        what: str,
        score: int,
        comment: str | None,
        application_id: int | None,
        conversation_id: str | None,
        channel: str,
        owner_openid: str | None,
        contact_name: str | None = None,
        contact_phone: str | None = None,
    ) -> Appeal:
        """Open the 整改 + 回访 record of a 1–2 star rating, linked to the rating (and what it rated)."""
        book = self.context.book
        followup = book.get(FOLLOWUP)
        assert followup is not None
        said = f"，评价内容：{comment}" if comment else ""
        return self._store(
            kind=FOLLOWUP,
            category=followup,
            description=f"用户对{what}给出{score}星差评{said}。请核实整改并回访用户。",
            place_time=None,
            application_id=application_id,
            conversation_id=conversation_id,
            channel=channel,
            owner_openid=owner_openid,
            contact_name=contact_name,
            contact_phone=contact_phone,
            actor="system:rating",
            rating_id=rating_id,
        )

    def _store(self, *, category: Category, actor: str, **fields: object) -> Appeal:
        number = self.context.allocate_number()
        now = self.context.clock.now()
        due = self.context.due(self.context.clock.today(), category.time_limit_days)
        appeal = Appeal(
            number=number,
            category=category.code,
            status=PENDING,
            time_limit_days=category.time_limit_days,
            due_date=due.day,
            created_at=now,
            **fields,
        )
        with self.context.sessions.begin() as session:
            crud.add(session, appeal)
            record(
                session,
                at=now,
                actor=actor,
                action="appeal.created",
                application_id=appeal.application_id,
                details={"appeal": number, "kind": appeal.kind, "category": category.code},
            )
            session.expunge(appeal)
        return appeal

    def status_for_owner(
        self, number: str, phone_last4: str | None, openid: str | None, client_key: str
    ) -> tuple[Appeal, list[OutboxMessage]]:
        """The 诉求 and its staff messages for its owner.

        The owner is the logged-in user who filed it, or whoever gives the last 4 digits of its contact phone.
        An unknown number and a wrong proof answer alike, and both count as a failed verification.

        Raises:
            TooManyAttempts: 429 after repeated failures (same limits as application progress).
            NotFound: 404 ``appeal_not_found``.
        """
        subject = number.strip().upper()[:32]
        caller = caller_of(Claim(openid=openid), client_key)
        self.verifier.check(subject, caller)
        with self.context.sessions() as session:
            appeal = crud.by_number(session, subject)
            messages = crud.messages(session, appeal.id) if appeal is not None else []
        if appeal is not None and _proves(appeal, phone_last4, openid):
            return appeal, messages
        self.verifier.fail(subject, caller, "openid" if openid and not phone_last4 else "phone_last4")
        raise NotFound(OWNER_NOT_FOUND, code="appeal_not_found")

    def of_owner(self, openid: str) -> list[tuple[Appeal, list[OutboxMessage]]]:
        """A logged-in user's own 诉求 with their staff messages, newest first."""
        with self.context.sessions() as session:
            return [(appeal, crud.messages(session, appeal.id)) for appeal in crud.of_owner(session, openid)]


def _proves(appeal: Appeal, phone_last4: str | None, openid: str | None) -> bool:
    if openid and appeal.owner_openid and hmac.compare_digest(openid.encode(), appeal.owner_openid.encode()):
        return True
    given = (phone_last4 or "").strip()
    if len(given) == 4 and given.isdigit() and appeal.contact_phone:
        return hmac.compare_digest(given.encode(), appeal.contact_phone[-4:].encode())
    return False
