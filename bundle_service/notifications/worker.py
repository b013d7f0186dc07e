"""The worker that sends the outbox: claim due rows with a lease, send outside any transaction, mark the outcome.

Safe with several service processes on PostgreSQL: rows are claimed with ``FOR UPDATE SKIP LOCKED`` and marked
only by the worker holding their lease (``lease_token``); a worker that dies mid-send leaves its rows to the next
claim after ``notify_lease_seconds``. On SQLite, writers are serialised: run one service process.

Run inside the service (a thread, ``BUNDLE_NOTIFY_WORKER``, the default) or alone:
``.venv/bin/python -m bundle_service.notifications.worker`` (``--once``: one pass, then exit).
"""

import argparse
import logging
import signal
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings, get_settings
from bundle_service.core.db import make_engine, make_session_factory
from bundle_service.models import Notification, OutboxMessage, SubscribeGrant
from bundle_service.models.handoff import NOTIFICATION_SENDER
from bundle_service.models.notification import DEFERRED, FAILED, QUEUED, SENDING, SENT, SKIPPED
from bundle_service.notifications.channels import Channel, Outcome, Outgoing, build_channels
from bundle_service.notifications.outbox import INBOX, WECHAT
from bundle_service.notifications.policy import RATE_WINDOW, QuietHours, backoff
from bundle_service.notifications.preferences import enabled
from bundle_service.notifications.templates import load_templates
from bundle_service.notifications.triggers import check_lights
from contract.conversations import wechat_sender

logger = logging.getLogger(__name__)
BATCH = 20


@dataclass(frozen=True)
class Claimed:
    """A row this worker leased for sending."""

    channel: str
    token: str
    outgoing: Outgoing


def _note(row: Notification, now: datetime, status: str, detail: str = "") -> None:
    row.status, row.updated_at = status, now
    row.history = [*row.history, {"at": now.isoformat(), "status": status, **({"detail": detail} if detail else {})}]
    if detail:
        row.last_error = detail[:200]


@dataclass
class Worker:
    """Sends due notifications.

    Args:
        sessions: Session factory of the service database.
        settings: Quiet hours, rate limit, retries, lease.
        clock: The service's clock (tests pass a fixed one).
        channels: Push channels by name (default: :func:`build_channels` of ``settings``).
        sweeps: Periodic finders of news nobody asked for yet (the 免申即享 sweep, ``offers/sweep.py``), run every
            ``offer_sweep_seconds``; each returns how many events it enqueued.
    """

    sessions: sessionmaker[Session]
    settings: Settings
    clock: Clock
    channels: dict[str, Channel] = field(default_factory=dict)
    sweeps: tuple[Callable[[], int], ...] = ()

    def __post_init__(self) -> None:
        self.channels = self.channels or build_channels(self.settings)
        self.quiet = QuietHours.parse(self.settings.notify_quiet_hours)

    def run_once(self) -> int:
        """Claim the due rows, send the claimed ones, mark each; returns how many rows were handled."""
        claimed, handled = self.claim()
        for item in claimed:
            outcome = self.channels[item.channel].send(item.outgoing)
            self.mark(item, outcome)
        return handled

    def claim(self) -> tuple[list[Claimed], int]:
        """Lease the due rows; skip, defer or deliver in-app what need no push, in one transaction."""
        now = self.clock.now()
        due = or_(
            and_(Notification.status.in_((QUEUED, DEFERRED)), Notification.next_attempt_at <= now),
            and_(Notification.status == SENDING, Notification.lease_until < now),
        )
        query = select(Notification).where(due).order_by(Notification.id).limit(BATCH)
        claimed: list[Claimed] = []
        with self.sessions.begin() as session:
            rows = list(session.scalars(query.with_for_update(skip_locked=True)))
            pushed: dict[str, int] = {}
            for row in rows:
                item = self._decide(session, row, now, pushed)
                if item is not None:
                    claimed.append(item)
        return claimed, len(rows)

    def _decide(self, session: Session, row: Notification, now: datetime, pushed: dict[str, int]) -> Claimed | None:
        if row.status == SENDING:  # its worker died between send and mark: the provider may have it already
            self._release_grant(session, row)
            _note(row, now, QUEUED, "上次发送的结果未知（发送进程中断），重新发送")
        if not enabled(session, row.recipient):
            _note(row, now, SKIPPED, "用户已关闭通知")
            return None
        if row.channel == INBOX:
            session.add(
                OutboxMessage(
                    conversation_id=wechat_sender(row.recipient),
                    staff_id=NOTIFICATION_SENDER,
                    text=row.text,
                    delivery="outbox",
                    created_at=now,
                )
            )
            row.sent_at, row.attempts = now, row.attempts + 1
            _note(row, now, SENT)
            return None
        if row.attempts >= self.settings.notify_max_attempts:
            _note(row, now, FAILED, f"{row.attempts}次尝试均未成功：{row.last_error or ''}")
            return None
        resume, why = self.quiet.resume_at(now, self.clock) if self.quiet and not row.urgent else None, "免打扰时段"
        if resume is None:
            resume, why = self._rate_limited_until(session, row.recipient, now, pushed), "每小时条数已达上限"
        if resume is not None:
            row.next_attempt_at, row.lease_until = resume, None
            _note(row, now, DEFERRED, f"{why}，{self.clock.local(resume):%m-%d %H:%M}后发送")
            return None
        if row.channel == WECHAT and not self._reserve_grant(session, row):
            _note(row, now, SKIPPED, "用户未订阅该消息（没有剩余次数）")
            return None
        token = uuid.uuid4().hex
        row.lease_token, row.lease_until = token, now + timedelta(seconds=self.settings.notify_lease_seconds)
        row.attempts += 1
        pushed[row.recipient] = pushed.get(row.recipient, 0) + 1
        _note(row, now, SENDING)
        return Claimed(row.channel, token, Outgoing(row.id, row.recipient, row.text, dict(row.fields)))

    def _rate_limited_until(
        self, session: Session, recipient: str, now: datetime, pushed: dict[str, int]
    ) -> datetime | None:
        since = now - RATE_WINDOW
        window = and_(Notification.recipient == recipient, Notification.channel != INBOX, Notification.sent_at > since)
        count, oldest = session.execute(
            select(func.count(Notification.id), func.min(Notification.sent_at)).where(window)
        ).one()
        if count + pushed.get(recipient, 0) < self.settings.notify_rate_per_hour:
            return None
        return (oldest or now) + RATE_WINDOW

    def _grant(self, session: Session, row: Notification | Outgoing) -> SubscribeGrant | None:
        template_id = load_templates().wechat[str(row.fields["template"])].template_id
        query = select(SubscribeGrant).where(
            SubscribeGrant.openid == row.recipient, SubscribeGrant.template_id == template_id
        )
        return session.scalars(query.with_for_update()).first()

    def _reserve_grant(self, session: Session, row: Notification) -> bool:
        grant = self._grant(session, row)
        if grant is None or grant.remaining <= 0:
            return False
        grant.remaining -= 1
        return True

    def _release_grant(self, session: Session, row: Notification) -> None:
        grant = self._grant(session, row) if row.channel == WECHAT else None
        if grant is not None:
            grant.remaining += 1

    def mark(self, item: Claimed, outcome: Outcome) -> None:
        """Record a send's outcome, if this worker still holds the row's lease."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = session.get(Notification, item.outgoing.id, with_for_update=True)
            if row is None or row.lease_token != item.token or row.status != SENDING:
                logger.warning("notification %s: lease lost before its outcome was recorded", item.outgoing.id)
                return
            row.lease_token, row.lease_until = None, None
            if outcome.result == "sent":
                row.sent_at, row.provider_id = now, outcome.provider_id
                _note(row, now, SENT)
                return
            grant = self._grant(session, item.outgoing) if item.channel == WECHAT else None
            if grant is not None:
                grant.remaining = 0 if outcome.refused else grant.remaining + 1
                grant.refused = grant.refused or outcome.refused
            if outcome.result == "failed" or row.attempts >= self.settings.notify_max_attempts:
                _note(row, now, FAILED, outcome.detail)
            else:
                row.next_attempt_at = now + backoff(row.attempts, self.settings.notify_retry_seconds)
                _note(row, now, QUEUED, f"第{row.attempts}次发送失败，将重试：{outcome.detail}")

    def check_lights(self) -> int:
        """Enqueue the yellow and red lights not told yet (see :func:`triggers.check_lights`)."""
        with self.sessions.begin() as session:
            return check_lights(session, self.clock.now(), self.clock)

    def serve(self, stop: threading.Event) -> None:
        """Loop until ``stop``: send what is due, look at the lights now and then, pause when idle."""
        next_lights = next_sweep = 0.0
        while not stop.is_set():
            # Each duty fails alone: a lights check or an offer sweep that keeps failing (a database hiccup, a
            # shared-data outage) must neither end the worker nor hold back the notifications already due.
            if time.monotonic() >= next_lights:
                next_lights = time.monotonic() + self.settings.notify_light_check_seconds
                _guarded("lights check", self.check_lights)
            if self.sweeps and self.settings.offer_sweep_seconds > 0 and time.monotonic() >= next_sweep:
                next_sweep = time.monotonic() + self.settings.offer_sweep_seconds
                for sweep in self.sweeps:
                    _guarded("offer sweep", sweep)
            if _guarded("sending pass", self.run_once):
                continue
            stop.wait(self.settings.notify_poll_seconds)


def _guarded(duty: str, call: Callable[[], int]) -> int:
    """Run one duty of the worker's loop; log its failure and report nothing done."""
    try:
        return call()
    except Exception:
        logger.exception("notification worker: %s failed", duty)
        return 0


def start_in_thread(worker: Worker) -> tuple[threading.Thread, threading.Event]:
    """Run ``worker.serve`` in a daemon thread; set the event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(target=worker.serve, args=(stop,), name="notifications", daemon=True)
    thread.start()
    return thread, stop


def main(argv: list[str] | None = None) -> None:
    """Run the worker alone against the configured database until SIGTERM or Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--once", action="store_true", help="one pass, then exit")
    options = parser.parse_args(argv)
    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    engine = make_engine(settings)
    worker = Worker(make_session_factory(engine), settings, Clock(settings.timezone))
    if options.once:
        worker.run_once()
        return
    stop = threading.Event()

    def _stop(*_args: Any) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    worker.serve(stop)
    engine.dispose()


if __name__ == "__main__":
    main()
