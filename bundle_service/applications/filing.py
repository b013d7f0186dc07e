"""Filing an application: validate, number, store, dispatch — idempotently.

A client idempotency key makes a retried submit return the application first filed with it, never a second
one, also when the retries race: the key is unique in the database and the loser of a race reads the winner.
"""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.data_sharing import SharedData
from bundle_service.applications.dispatch import build_tasks
from bundle_service.applications.form import REQUIRED, PersonLookup, ValidForm, no_records, validate_form
from bundle_service.applications.materials import checklist
from bundle_service.applications.numbering import allocate_number
from bundle_service.core.clock import Clock
from bundle_service.core.errors import Conflict
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import record
from bundle_service.crud.calendar import load_calendar
from bundle_service.models import Application
from bundle_service.progress.states import OverallState

FORM_COLUMNS = (
    "person_category",
    "other_category",
    "project_name",
    "industry",
    "business_type",
    "premises_address",
    "city",
    "county",
    "loan_amount",
    "loan_term_months",
    "loan_borrower",
    "partner_count",
    "graduation_year",
    "business_started_on",
    "first_time_founder",
    "bank_account",
)


@dataclass(frozen=True)
class Filer:
    """Who files.

    Attributes:
        filed_by: ``self`` or the staff id of a hotline worker filing on a caller's behalf.
        actor: Audit actor (``applicant`` or ``staff:<id>``).
        owner_openid: The owner's WeChat openid, when a trusted front layer asserted it.
    """

    filed_by: str = "self"
    actor: str = "applicant"
    owner_openid: str | None = None


@dataclass(frozen=True)
class Filing:
    """Outcome of a submit: the application and whether it was filed before with the same key."""

    application: Application
    replayed: bool


@dataclass
class Filings:
    """The filing service.

    Args:
        engine: Database engine (the number counter runs in its own transaction).
        sessions: Session factory.
        shared: Data-sharing adapter.
        clock: Clock of the service.
    """

    engine: Engine
    sessions: sessionmaker[Session]
    shared: SharedData
    clock: Clock

    def submit(
        self,
        raw: dict[str, Any],
        filer: Filer,
        idempotency_key: str | None,
        *,
        one_click: bool = False,
        required: tuple[str, ...] = REQUIRED,
        person: PersonLookup = no_records,
    ) -> Filing:
        """File a form once.

        Args:
            raw: The form's fields as submitted.
            filer: Who files.
            idempotency_key: Client key; a repeat with the same key returns the first filing.
            one_click: Filed by confirming a 免申即享 offer.
            required: Fields the form must carry (one-click filings need identity only).
            person: The applicant's shared records, for a caller identified as them (``RecordsAccess.own_records``).

        Returns:
            The filing.

        Raises:
            InvalidInput: the form is wrong (nothing is stored).
            Conflict: the key was used for a different form.
        """
        fingerprint = _fingerprint(raw, filer, one_click)
        if idempotency_key:
            with self.sessions() as session:
                existing = crud.by_idempotency_key(session, idempotency_key)
            if existing is not None:
                return self._replay(existing, fingerprint)
        now = self.clock.now()
        local = self.clock.local(now)
        form = validate_form(raw, self.shared, local.date(), required, person)
        number = allocate_number(self.engine, local.date())
        try:
            with self.sessions.begin() as session:
                application = self._store(session, form, number, filer, idempotency_key, fingerprint, one_click)
        except IntegrityError:
            if not idempotency_key:
                raise
            with self.sessions() as session:
                existing = crud.by_idempotency_key(session, idempotency_key)
            if existing is None:
                raise
            return self._replay(existing, fingerprint)
        return Filing(application, replayed=False)

    def _replay(self, existing: Application, fingerprint: str) -> Filing:
        if existing.request_fingerprint != fingerprint:
            raise Conflict(
                "该幂等键已用于另一份内容不同的申请，请为新申请使用新的幂等键。", code="idempotency_key_reused"
            )
        return Filing(existing, replayed=True)

    def _store(
        self,
        session: Session,
        form: ValidForm,
        number: str,
        filer: Filer,
        idempotency_key: str | None,
        fingerprint: str,
        one_click: bool,
    ) -> Application:
        now = self.clock.now()
        values = form.values
        calendar = load_calendar(session)
        applicant = crud.upsert_applicant(session, values["id_number"], values["applicant_name"], now)
        given = frozenset(name for name, value in values.items() if value)
        materials = checklist(values["items"], values.get("person_category"), form.holdings, given)
        application = Application(
            number=number,
            applicant=applicant,
            applicant_name=values["applicant_name"],
            phone=values["phone"],
            items=values["items"],
            filed_by=filer.filed_by,
            owner_openid=filer.owner_openid,
            idempotency_key=idempotency_key or None,
            request_fingerprint=fingerprint,
            one_click=one_click,
            state=OverallState.RECEIVED.value,
            materials=[m.as_dict() for m in materials],
            shared_fields=form.shared_fields,
            submitted_at=now,
            updated_at=now,
            rating=None,
            **{name: values.get(name) for name in FORM_COLUMNS},
        )
        session.add(application)
        application.tasks = build_tasks(values["items"], now, self.clock.local(now), calendar, filer.actor)
        session.flush()
        record(
            session,
            at=now,
            actor=filer.actor,
            action="application.one_click_confirmed" if one_click else "application.submitted",
            application_id=application.id,
            details={
                "number": number,
                "id_number": values["id_number"],
                "phone": values["phone"],
                "items": values["items"],
                "departments": [t.department_code for t in application.tasks],
                "shared_fields": sorted(form.shared_fields),
            },
        )
        return application


def _fingerprint(raw: dict[str, Any], filer: Filer, one_click: bool) -> str:
    canonical = json.dumps(
        {"form": raw, "filed_by": filer.filed_by, "one_click": one_click},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
