"""Benchmark: WeChat push acknowledgement while the bot is busy.

WeChat gives a push 5 seconds, then retries. This measures how fast the channel
acknowledges pushes when the bot behind it is slow: the channel's blueprint runs in
a real Sanic server, the bot callback takes ``--bot-seconds`` per message, replies go
to a local fake send API. ``--concurrency`` pushes (distinct users, safe-mode XML,
signed and encrypted like WeChat's) are posted at once, ``--rounds`` times in a row,
with the in-memory and the Redis de-duplication store. Prints one table.

Usage: ``.venv-rasa/bin/python scripts/bench_wechat.py`` [--concurrency 50] [--rounds 4] [--bot-seconds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import socket
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from channels.wechat import WeChatInput
from channels.wechat.config import WeChatSettings
from channels.wechat.crypto import MessageCrypto, sha1_signature
from channels.wechat.dedupe import DedupeStore, MemoryDedupeStore, RedisDedupeStore

TOKEN = "bench-token"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wxbench000000000"
REDIS_URL = "redis://127.0.0.1:6379/6"


@dataclass
class Run:
    """What one configuration measured."""

    store: str
    pushes: int = 0
    acknowledged: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    wall_s: float = 0.0
    answered_after_s: float = 0.0
    replies: int = 0


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class FakeSendApi:
    """Token and send endpoints that answer at once and count replies."""

    def __init__(self) -> None:
        """Nothing sent yet."""
        self.replies = 0
        self.last_reply_at = 0.0
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def _token(self, _: web.Request) -> web.Response:
        return web.json_response({"access_token": "BENCH_TOKEN", "expires_in": 7200})

    async def _send(self, _: web.Request) -> web.Response:
        self.replies += 1
        self.last_reply_at = time.perf_counter()
        return web.json_response({"errcode": 0, "errmsg": "ok"})

    async def start(self) -> None:
        """Serve on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_post("/cgi-bin/stable_token", self._token)
        app.router.add_post("/cgi-bin/message/custom/send", self._send)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"

    async def stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()


def build_push(crypto: MessageCrypto, number: int) -> tuple[dict[str, str], bytes]:
    """A signed, encrypted text push from user ``number``, as WeChat sends it."""
    openid = "o" + hashlib.sha1(f"user{number}".encode()).hexdigest()[:27]
    inner = (
        f"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[创业担保贷款能贷多少]]></Content><MsgId>{7_000_000_000_000_000_000 + number}</MsgId></xml>"
    )
    encrypted = crypto.encrypt(inner)
    timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
    query = {
        "signature": sha1_signature(TOKEN, timestamp, nonce),
        "timestamp": timestamp,
        "nonce": nonce,
        "openid": openid,
        "encrypt_type": "aes",
        "msg_signature": sha1_signature(TOKEN, timestamp, nonce, encrypted),
    }
    body = f"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    return query, body.encode()


async def measure(store_name: str, store: DedupeStore, args: argparse.Namespace) -> Run:
    """Post ``rounds`` bursts of ``concurrency`` pushes to a channel whose bot is busy."""
    api = FakeSendApi()
    await api.start()
    settings = WeChatSettings.load(
        {
            "token": TOKEN,
            "app_id": APP_ID,
            "app_secret": "s",
            "encoding_aes_key": AES_KEY,
            "api_base_url": api.base_url,
        },
        environ={},
    )
    channel = WeChatInput(settings, dedupe_store=store)

    async def busy_bot(message: UserMessage) -> None:
        await asyncio.sleep(args.bot_seconds)
        await message.output_channel.send_text_message(message.sender_id, "创业担保贷款个人最高可贷20万元。")

    Sanic.test_mode = True  # two apps in one process
    app = Sanic(f"bench-wechat-{store_name}-{uuid.uuid4().hex[:6]}", configure_logging=False)
    app.blueprint(channel.blueprint(busy_bot), url_prefix="/webhooks/wechat")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/webhooks/wechat/webhook"
    server: Any = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    await server.startup()
    await server.after_start()

    crypto = MessageCrypto(AES_KEY, APP_ID)
    offset = int(time.time() * 1000) % 1_000_000_000 * 1000  # new MsgIds on every run (Redis remembers)
    bursts = [
        [build_push(crypto, offset + r * args.concurrency + n) for n in range(args.concurrency)]
        for r in range(args.rounds)
    ]
    run = Run(store_name)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def post(query: dict[str, str], body: bytes) -> None:
            started = time.perf_counter()
            async with session.post(url, params=query, data=body) as response:
                text = await response.text()
            run.latencies_ms.append((time.perf_counter() - started) * 1000)
            run.acknowledged += int(response.status == 200 and text == "success")

        started = time.perf_counter()
        for burst in bursts:
            await asyncio.gather(*(post(query, body) for query, body in burst))
        run.wall_s = time.perf_counter() - started
        run.pushes = sum(len(burst) for burst in bursts)
        deadline = time.perf_counter() + args.bot_seconds + 30
        while api.replies < run.pushes and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        run.replies = api.replies
        run.answered_after_s = api.last_reply_at - started

    await channel.drain(timeout_s=1)
    await server.before_stop()
    server.close()
    await server.wait_closed()
    await server.after_stop()
    await api.stop()
    return run


def table(runs: list[Run]) -> str:
    """Markdown table of the runs."""
    lines = [
        "| dedupe store | pushes | acknowledged | acks/s | p50 ack ms | p95 ack ms | max ack ms | all answered after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        if not run.latencies_ms:
            lines.append(f"| {run.store} | n/a | | | | | | |")
            continue
        lines.append(
            f"| {run.store} | {run.pushes} | {run.acknowledged} | {run.pushes / run.wall_s:.0f} | "
            f"{statistics.median(run.latencies_ms):.1f} | {percentile(run.latencies_ms, 0.95):.1f} | "
            f"{max(run.latencies_ms):.1f} | {run.answered_after_s:.1f} s ({run.replies} replies) |"
        )
    return "\n".join(lines)


async def redis_available() -> bool:
    """True when Redis answers on 127.0.0.1:6379."""
    import redis.asyncio as redis_asyncio  # type: ignore[import-untyped]

    client = redis_asyncio.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        return bool(await client.ping())
    except Exception:
        return False
    finally:
        await client.close()


async def run_all(args: argparse.Namespace) -> list[Run]:
    """Measure with the memory store, then with Redis if it is there."""
    runs = [await measure("memory", MemoryDedupeStore(), args)]
    if await redis_available():
        prefix = f"bench:wechat:{uuid.uuid4().hex}:"
        runs.append(await measure("redis", RedisDedupeStore(REDIS_URL, 60, prefix), args))
    else:
        runs.append(Run("redis (not running)"))
    return runs


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--bot-seconds", type=float, default=2.0)
    args = parser.parse_args()
    runs = asyncio.run(run_all(args))
    print(
        f"\nWeChat push acknowledgement: {args.concurrency} concurrent pushes x {args.rounds} rounds, "
        f"bot busy {args.bot_seconds:g} s per message, safe-mode XML (WeChat's limit: 5 s)\n"
    )
    print(table(runs))
    slowest = max((max(run.latencies_ms) for run in runs if run.latencies_ms), default=0.0)
    return 0 if slowest < 5000 and all(run.acknowledged == run.pushes for run in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
