"""The hotline channel: only a staff claim signed with the shared secret creates a hotline: conversation."""

import json
import time
from collections.abc import AsyncIterator

import pytest

from channels.hotline import HotlineInput
from contract import staff_claim
from contract.conversations import identify
from tests.channels.channel_server import ChannelHost

SECRET = "shared-rasa-token-of-the-test-run-0123456789"
CLAIM = staff_claim.StaffClaim("20260101093000-a1b2c3", "zhangsan", "我想申请创业担保贷款")


@pytest.fixture
async def hotline() -> AsyncIterator[ChannelHost]:
    host = await ChannelHost(HotlineInput(SECRET)).start()
    yield host
    await host.stop()


async def test_a_signed_relay_speaks_in_the_call_as_the_staff_member(hotline: ChannelHost) -> None:
    status, replies = await hotline.post(*staff_claim.signed_request(SECRET, CLAIM))
    assert status == 200 and replies[0]["text"] == "收到：我想申请创业担保贷款"
    (turn,) = hotline.turns
    assert turn.sender_id == "hotline:20260101093000-a1b2c3" and turn.input_channel == "hotline"
    assert turn.metadata == {"hotline": {"staff_id": "zhangsan", "call_id": "20260101093000-a1b2c3"}}
    assert identify(turn.sender_id, turn.input_channel).call_id == CLAIM.call_id


async def test_unsigned_forged_stale_or_replayed_elsewhere_relays_are_401(hotline: ChannelHost) -> None:
    body, headers = staff_claim.signed_request(SECRET, CLAIM)
    other_secret = staff_claim.signed_request("another-secret-entirely-0123456789", CLAIM)
    stale = staff_claim.signed_request(SECRET, CLAIM, now=time.time() - staff_claim.MAX_SKEW_SECONDS - 5)
    tampered = body.replace(b"zhangsan", b"lisi0000")
    attempts = [
        (body, {"Content-Type": "application/json"}),  # unsigned
        other_secret,
        stale,
        (tampered, headers),  # another staff member under zhangsan's signature
        (body, {**headers, staff_claim.TIMESTAMP_HEADER: str(int(headers[staff_claim.TIMESTAMP_HEADER]) + 1)}),
        (body, {**headers, staff_claim.TIMESTAMP_HEADER: "soon"}),
    ]
    for data, sent_headers in attempts:
        status, answer = await hotline.post(data, sent_headers)
        assert status == 401 and answer["code"] == "unauthenticated"
    assert hotline.turns == []


async def test_without_a_secret_every_relay_is_refused() -> None:
    host = await ChannelHost(HotlineInput(None)).start()
    try:
        assert (await host.post(*staff_claim.signed_request("", CLAIM)))[0] == 401
        assert host.turns == []
    finally:
        await host.stop()


@pytest.mark.parametrize(
    "body",
    [
        {"call_id": "a:b", "staff_id": "zhangsan", "message": "你好"},  # not a console call id
        {"call_id": "c1", "staff_id": "x", "message": "你好"},
        {"call_id": "c1", "staff_id": "zhangsan", "message": 3},
        {"call_id": "c1", "staff_id": "zhangsan"},
        ["c1"],
    ],
)
async def test_a_signed_body_that_is_not_a_claim_is_400(hotline: ChannelHost, body: object) -> None:
    raw = json.dumps(body).encode()
    timestamp = int(time.time())
    headers = {
        staff_claim.TIMESTAMP_HEADER: str(timestamp),
        staff_claim.SIGNATURE_HEADER: staff_claim.sign(SECRET, timestamp, raw),
    }
    status, _ = await hotline.post(raw, headers)
    assert status == 400 and hotline.turns == []


def test_the_secret_comes_from_credentials_or_the_rasa_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUNDLE_RASA_TOKEN", "from-the-environment")
    assert HotlineInput.from_credentials(None).secret == "from-the-environment"
    assert HotlineInput.from_credentials({"secret": "from-credentials"}).secret == "from-credentials"
    monkeypatch.delenv("BUNDLE_RASA_TOKEN")
    assert HotlineInput.from_credentials(None).secret is None
