"""Two Rasa processes sharing Redis: the atomic lock store serves one conversation's messages one at a time.

Each "process" is a thread with its own event loop and its own store (its own Redis connection), as two Rasa
servers behind a balancer are. Rasa's own ``RedisLockStore`` loses tickets here (the test's control case).
"""

import asyncio
import threading
import uuid
from collections.abc import Callable

import pytest
from rasa.core.lock_store import LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from channels.lock_store import AtomicRedisLockStore, InProcessLockStore

REDIS = {"url": "127.0.0.1", "port": 6379, "db": 6}


def serve_concurrently(make_store: Callable[[str], RedisLockStore], lifetime: float) -> tuple[int, int, int]:
    """Two processes each handle 15 messages of one conversation; (served, overlaps, lost).

    A message waiting longer than twice the tickets' ``lifetime`` counts as lost (Rasa's store can hang).
    """
    prefix = f"test{uuid.uuid4().hex[:6]}"
    conversation = f"web:{uuid.uuid4().hex[:8]}"
    guard, inside = threading.Lock(), [0]
    served, overlaps, lost = [0], [0], [0]

    async def turn(store: RedisLockStore) -> None:
        async with store.lock(conversation, lock_lifetime=lifetime, wait_time_in_seconds=0.01):
            with guard:
                inside[0] += 1
                overlaps[0] += inside[0] > 1
            await asyncio.sleep(0.005)  # the turn
            with guard:
                inside[0] -= 1
                served[0] += 1

    async def message(store: RedisLockStore) -> None:
        try:
            await asyncio.wait_for(turn(store), 2 * lifetime)
        except (LockError, asyncio.TimeoutError, TimeoutError):
            lost[0] += 1

    async def process() -> None:
        store = make_store(prefix)
        await asyncio.gather(*(message(store) for _ in range(15)))

    threads = [threading.Thread(target=asyncio.run, args=(process(),)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return served[0], overlaps[0], lost[0]


def test_two_processes_serve_one_conversation_one_message_at_a_time() -> None:
    served, overlaps, lost = serve_concurrently(
        lambda prefix: AtomicRedisLockStore(EndpointConfig(**REDIS, key_prefix=prefix)), lifetime=60
    )
    assert (served, overlaps, lost) == (30, 0, 0)


def test_rasa_own_redis_lock_store_is_not_safe_across_processes() -> None:
    # The control: without atomic changes, messages overlap or are dropped (why the subclass exists).
    served, overlaps, lost = serve_concurrently(
        lambda prefix: RedisLockStore(host="127.0.0.1", port=6379, db=6, key_prefix=prefix), lifetime=3
    )
    assert overlaps or lost, (served, overlaps, lost)


def test_every_ticket_issued_at_once_by_two_processes_is_kept() -> None:
    prefix, conversation = f"test{uuid.uuid4().hex[:6]}", "web:tickets"
    stores = [AtomicRedisLockStore(EndpointConfig(**REDIS, key_prefix=prefix)) for _ in range(2)]
    issued: list[int] = []

    def issue(store: RedisLockStore) -> None:
        issued.extend(store.issue_ticket(conversation) for _ in range(100))

    threads = [threading.Thread(target=issue, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lock = stores[0].get_lock(conversation)
    assert lock is not None and len(lock.tickets) == 200 and sorted(issued) == list(range(200))
    for ticket in issued:
        stores[1].cleanup(conversation, ticket)
    assert stores[0].get_lock(conversation) is None  # the last one out deletes the lock


@pytest.mark.parametrize("port", ["6379"])
def test_it_reads_the_endpoints_file_like_rasa_does(port: str) -> None:
    store = AtomicRedisLockStore(EndpointConfig(url="127.0.0.1", port=port, db="6"))
    assert store.issue_ticket("web:config") == 0
    store.cleanup("web:config", 0)


def test_one_process_serves_a_burst_of_one_conversation_in_order_without_waiting_seconds() -> None:
    # 12 messages of one conversation arrive together: each starts as soon as the one before it ends.
    store = InProcessLockStore()
    order: list[int] = []
    inside, overlaps = [0], [0]

    async def message(number: int) -> None:
        async with store.lock("web:burst"):
            inside[0] += 1
            overlaps[0] += inside[0] > 1
            order.append(number)
            await asyncio.sleep(0.01)  # the turn
            inside[0] -= 1

    async def burst() -> float:
        started = asyncio.get_running_loop().time()
        await asyncio.gather(*(message(number) for number in range(12)))
        return asyncio.get_running_loop().time() - started

    elapsed = asyncio.run(burst())
    assert order == list(range(12)) and overlaps[0] == 0
    assert elapsed < 1.0  # Rasa's in-memory store: about 11 s (one look per second)
    assert store.get_lock("web:burst") is None  # nothing left behind


def test_the_atomic_redis_lock_store_looks_again_within_a_tenth_of_a_second() -> None:
    store = AtomicRedisLockStore(EndpointConfig(**REDIS, key_prefix=f"test{uuid.uuid4().hex[:6]}"))

    async def two_at_once() -> float:
        async def message() -> None:
            async with store.lock("web:pair"):
                await asyncio.sleep(0.01)

        started = asyncio.get_running_loop().time()
        await asyncio.gather(message(), message())
        return asyncio.get_running_loop().time() - started

    assert asyncio.run(two_at_once()) < 0.5  # Rasa's default: the second message waits a whole second
