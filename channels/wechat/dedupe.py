"""Handling each pushed message once although WeChat retries it (up to 3 times).

The first worker to *claim* a key handles the message; later claims of the same
key within the TTL are answered "success" and dropped. In memory by default
(one process); Redis ``SET key 1 NX EX ttl`` when configured, so several Rasa
workers or replicas share the claims.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

logger = logging.getLogger(__name__)

DEFAULT_TTL_SECONDS = 600  # WeChat's retries come within about 15 s; ten minutes is ample.


class DedupeStore(Protocol):
    """Remembers which pushes have been claimed."""

    async def claim(self, key: str) -> bool:
        """Claim ``key``; True only for the first claim within the TTL."""
        ...

    async def close(self) -> None:
        """Release connections."""
        ...


class MemoryDedupeStore:
    """Claims kept in this process (enough for one Rasa worker)."""

    def __init__(self, ttl_seconds: float = DEFAULT_TTL_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        """Create an empty store.

        Args:
            ttl_seconds: how long a claim is remembered.
            clock: monotonic time source (replaced in tests).
        """
        self._ttl = ttl_seconds
        self._clock = clock
        self._expiry: OrderedDict[str, float] = OrderedDict()

    async def claim(self, key: str) -> bool:
        """Claim ``key``.

        Args:
            key: the message's dedupe key.

        Returns:
            True if nobody claimed it within the TTL.
        """
        now = self._clock()
        # Entries are inserted with a constant TTL, so expiries are in order: prune from the front.
        while self._expiry:
            oldest_key, oldest_expiry = next(iter(self._expiry.items()))
            if oldest_expiry > now:
                break
            del self._expiry[oldest_key]
        if key in self._expiry:
            return False
        self._expiry[key] = now + self._ttl
        return True

    async def close(self) -> None:
        """Nothing to release."""

    def __len__(self) -> int:
        """Number of live claims."""
        return len(self._expiry)


class RedisDedupeStore:
    """Claims shared through Redis (``SET NX`` with a TTL), for several workers.

    If Redis cannot be reached the claim falls back to this process's memory
    store and a warning is logged: a retry may then be answered twice by two
    workers, but no message is lost.
    """

    def __init__(
        self,
        url: str,
        ttl_seconds: int = DEFAULT_TTL_SECONDS,
        prefix: str = "wechat:dedupe:",
        client: Any | None = None,
    ) -> None:
        """Connect lazily to Redis.

        Args:
            url: Redis URL, e.g. ``redis://127.0.0.1:6379/0``.
            ttl_seconds: how long a claim is remembered.
            prefix: key prefix (the channel adds the AppID).
            client: an existing ``redis.asyncio.Redis`` (tests).
        """
        import redis.asyncio as redis_asyncio  # type: ignore[import-untyped]  # installed with Rasa; only when used

        self._redis = client or redis_asyncio.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self._ttl = int(ttl_seconds)
        self._prefix = prefix
        self._fallback = MemoryDedupeStore(ttl_seconds)

    async def claim(self, key: str) -> bool:
        """Claim ``key`` with ``SET NX EX``.

        Args:
            key: the message's dedupe key.

        Returns:
            True if this call set the key (nobody claimed it within the TTL).
        """
        try:
            return bool(await self._redis.set(self._prefix + key, "1", nx=True, ex=self._ttl))
        except Exception as error:  # redis.RedisError, timeouts, refused connections
            logger.warning("WeChat dedupe: Redis unavailable (%s); de-duplicating in this process only", error)
            return await self._fallback.claim(key)

    async def close(self) -> None:
        """Close the connection pool."""
        try:
            await self._redis.close()
        except Exception as error:  # closing must never fail the shutdown
            logger.debug("closing Redis: %s", error)


def create_dedupe_store(redis_url: str | None, ttl_seconds: int, prefix: str) -> DedupeStore:
    """The store the settings ask for.

    Args:
        redis_url: Redis URL, or None for the in-memory store.
        ttl_seconds: how long claims are remembered.
        prefix: Redis key prefix.

    Returns:
        A Redis store if a URL is given, else a memory store.
    """
    if redis_url:
        return RedisDedupeStore(redis_url, ttl_seconds, prefix)
    return MemoryDedupeStore(ttl_seconds)
