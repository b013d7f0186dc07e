"""Rasa's Redis lock store, made safe for several Rasa processes: every change of a lock is one Redis transaction.

Rasa 3.6's ``RedisLockStore`` reads a conversation's ticket lock, changes it in Python and writes it back. Two Rasa
processes taking messages of one conversation at the same moment both read the same lock, and the second write
drops the first one's ticket: both process the conversation at once, or one finds its lock gone and drops the
message while its channel still answers 200 (RasaHQ/rasa#9213; the fix, ``ConcurrentRedisLockStore`` of
RasaHQ/rasa#11256, was reverted from the open-source edition). ``tests/scaled`` reproduced it behind the balancer.

This subclass keeps Rasa's ticket semantics (first come, first served; tickets expire after
``TICKET_LOCK_LIFETIME``) and changes only how a lock is written: read, change and write run under Redis
``WATCH``/``MULTI`` and start again when another process changed the lock in between. Configure it in
``bot/endpoints.scaled.yml`` (``lock_store: type: channels.lock_store.AtomicRedisLockStore``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import redis  # type: ignore[import-untyped]  # installed with Rasa
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

Result = TypeVar("Result")
DELETE = object()  # a change's answer meaning: remove the lock
REDIS_POLL_S = 0.05  # Rasa polls a busy conversation's lock every 1 s: a burst of n messages took n seconds


class AtomicRedisLockStore(RedisLockStore):
    """``RedisLockStore`` whose ticket changes are atomic across processes.

    Args:
        endpoint_config: The ``lock_store`` section of the endpoints file (``url``, ``port``, ``db``, ``password``,
            ``key_prefix`` … as for Rasa's ``redis`` type).
    """

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    @asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = REDIS_POLL_S
    ) -> AsyncGenerator[TicketLock, None]:
        """Rasa's ticket lock, polled every ``REDIS_POLL_S`` instead of every second while another message runs."""
        async with super().lock(conversation_id, lock_lifetime, wait_time_in_seconds) as lock:
            yield lock

    def _change(self, conversation_id: str, change: Callable[[TicketLock | None], tuple[Any, Result]]) -> Result:
        """Apply ``change`` to the stored lock in one transaction; retried while another process interferes.

        ``change`` gets the lock (``None`` when there is none) and returns what to store — a lock, ``None`` to
        leave the key as it is, or :data:`DELETE` — and the result to hand back.
        """
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    stored, result = change(lock)
                    pipe.multi()
                    if stored is DELETE:
                        pipe.delete(key)
                    elif stored is not None:
                        pipe.set(key, stored.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Issue the next ticket of the conversation's lock (created when missing)."""

        def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        return self._change(conversation_id, issue)

    def update_lock(self, conversation_id: str) -> None:
        """Drop the expired tickets of the conversation's lock, if there is one."""

        def drop_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Remove ``ticket_number`` from the conversation's lock."""

        def finish(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._change(conversation_id, finish)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove ``ticket_number``; delete the lock when no ticket waits — in the same transaction."""

        def finish_and_maybe_delete(lock: TicketLock | None) -> tuple[object, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else DELETE), None

        self._change(conversation_id, finish_and_maybe_delete)


class InProcessLockStore(InMemoryLockStore):
    """Rasa's in-memory ticket lock for one Rasa process, handed to the next message as soon as it is free.

    Rasa's ``InMemoryLockStore`` lets a message that waits for its conversation sleep a whole second between
    looks at the lock, so messages of one conversation that arrive together are answered a second apart. Here a
    waiting message wakes when the message before it finishes (tickets keep their order and their expiry; the
    second-long look stays as a safety net). Configure it in ``bot/endpoints.yml``
    (``lock_store: type: channels.lock_store.InProcessLockStore``); several Rasa processes need
    :class:`AtomicRedisLockStore`.

    Args:
        endpoint_config: The ``lock_store`` section of the endpoints file (nothing in it is used).
    """

    def __init__(self, endpoint_config: EndpointConfig | None = None) -> None:
        super().__init__()
        self._released: dict[str, asyncio.Event] = {}

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        while True:
            lock = self.get_lock(conversation_id)
            if not lock:
                break
            if not lock.is_locked(ticket):
                return lock
            released = self._released.setdefault(conversation_id, asyncio.Event())
            with contextlib.suppress(asyncio.TimeoutError):  # look again at least every wait time (expiry)
                await asyncio.wait_for(released.wait(), timeout=wait_time_in_seconds)
            self.update_lock(conversation_id)
        raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Finish ``ticket_number`` (Rasa's cleanup) and wake the messages waiting for this conversation."""
        super().cleanup(conversation_id, ticket_number)
        released = self._released.pop(conversation_id, None)
        if released is not None:
            released.set()
