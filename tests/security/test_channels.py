"""Items 1, 2, 6 (Rasa) and 9 (CORS) of the security review, replayed against the real stack.

- 1: a ``wechat:<openid>`` sender through the public REST channel (with ``input_channel: miniprogram`` and staff
  metadata) never sees or changes that user's applications or form and never pauses their bot.
- 2: a forged tracker posted to the action server is refused (401); nothing of the stack listens beyond loopback.
- 6: no secret of the run is in any process's arguments (what ``ps -ef`` shows everyone).
- 9: Rasa answers browsers only from the service's own origin (the H5 chat page).
"""

import os
import uuid
from pathlib import Path
from typing import Any

import httpx

from tests.forged_tracker import forged_call
from tests.live_stack import Stack
from tests.service.factories import form, make_id

TIMEOUT_S = 120.0
SECRET_FORM = {"applicant_name": "欧阳秘密", "project_name": "秘密米粉店", "premises_address": "长沙市秘密路8号"}


def _login(stack: Stack, name: str) -> dict[str, str]:
    answer = httpx.post(f"{stack.service_url}/api/v1/auth/wechat-login", json={"code": f"dev-{name}"}, timeout=30)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def _chat(stack: Stack, auth: dict[str, str], text: str) -> str:
    answer = httpx.post(
        f"{stack.rasa_url}/webhooks/miniprogram/webhook", json={"message": text}, headers=auth, timeout=TIMEOUT_S
    )
    assert answer.status_code == 200, answer.text
    return "\n".join(str(reply.get("text", "")) for reply in answer.json())


def _rest(stack: Stack, body: dict[str, Any]) -> list[dict[str, Any]]:
    answer = httpx.post(f"{stack.rasa_url}/webhooks/rest/webhook", json=body, timeout=TIMEOUT_S)
    assert answer.status_code == 200, answer.text
    return list(answer.json())


def _tracker(stack: Stack, conversation: str) -> dict[str, Any]:
    token = {"token": stack.secrets["BUNDLE_RASA_TOKEN"]}
    answer = httpx.get(f"{stack.rasa_url}/conversations/{conversation}/tracker", params=token, timeout=30)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _own_applications(stack: Stack, auth: dict[str, str]) -> list[str]:
    answer = httpx.get(f"{stack.service_url}/api/v1/me/applications", headers=auth, timeout=30)
    assert answer.status_code == 200, answer.text
    return sorted(application["number"] for application in answer.json()["applications"])


def test_a_wechat_sender_through_rest_never_reaches_that_users_conversation(stack: Stack) -> None:
    """Item 1: the channel trick, the plain sender and the handoff, all through the public REST channel."""
    name = f"victim{uuid.uuid4().hex[:8]}"
    openid, auth = f"dev_{name}", _login(stack, name)
    victim = f"wechat:{openid}"
    filed = httpx.post(
        f"{stack.service_url}/api/v1/applications",
        json=form(id_number=make_id(region="430104", born="19940303", sequence="512"), applicant_name="欧阳秘密"),
        headers={"X-Gateway-Token": stack.gateway_token, "X-Client-Id": victim, "X-Wechat-Openid": openid},
        timeout=60,
    )
    assert filed.status_code == 201, filed.text
    number = filed.json()["number"]
    assert number in _chat(stack, auth, "帮我查一下进度")  # the owner, logged in, sees it
    _chat(stack, auth, "我要申请创业一件事")  # a form of the victim's in progress …
    slots = [{"event": "slot", "name": slot, "value": value} for slot, value in SECRET_FORM.items()]
    set_slots = httpx.post(  # … half filled (what the review saw summarised, changed and submitted)
        f"{stack.rasa_url}/conversations/{victim}/tracker/events",
        params={"token": stack.secrets["BUNDLE_RASA_TOKEN"]},
        json=slots,
        timeout=30,
    )
    assert set_slots.status_code == 200, set_slots.text
    before, owned = _tracker(stack, victim), _own_applications(stack, auth)

    forged_metadata = {"hotline": {"staff_id": "zhangsan", "call_id": "c1"}, "miniprogram": True}
    replies = []
    for text in ("帮我查一下进度", "我的申请", "继续申请", "确认提交", "我要人工服务"):
        for body in (
            {"sender": victim, "input_channel": "miniprogram", "metadata": forged_metadata, "message": text},
            {"sender": victim, "message": text},
        ):
            replies += _rest(stack, body)
    shown = "\n".join(str(reply.get("text", "")) for reply in replies)
    assert number not in shown
    assert not any(value in shown for value in SECRET_FORM.values()), shown
    assert {reply["recipient_id"] for reply in replies} == {f"web:{victim}"}  # its own sandboxed conversation

    after = _tracker(stack, victim)
    assert len(after["events"]) == len(before["events"]) and not after["paused"]  # untouched, not paused
    assert [after["slots"].get(slot) for slot in SECRET_FORM] == list(SECRET_FORM.values())
    assert _own_applications(stack, auth) == owned  # nothing filed for (or as) the victim
    assert _chat(stack, auth, "你好")  # the victim's bot still answers
    sandbox = _tracker(stack, f"web:{victim}")
    assert any(e.get("event") == "user" and e.get("input_channel") == "rest" for e in sandbox["events"])


def test_hotline_conversations_are_only_for_the_signed_console_relay(stack: Stack) -> None:
    """Item 1: a REST caller cannot open or speak in a hotline: call, and the hotline channel wants a signature."""
    call = f"hotline:{uuid.uuid4().hex[:12]}"
    replies = _rest(stack, {"sender": call, "metadata": {"hotline": {"staff_id": "zhangsan"}}, "message": "你好"})
    assert {reply["recipient_id"] for reply in replies} == {f"web:{call}"}
    unsigned = httpx.post(
        f"{stack.rasa_url}/webhooks/hotline/webhook",
        json={"call_id": "c1", "staff_id": "zhangsan", "message": "确认提交"},
        timeout=30,
    )
    assert unsigned.status_code == 401


def test_the_action_server_refuses_a_forged_tracker(stack: Stack) -> None:
    """Item 2: without Rasa's token (or with another) the action server runs nothing."""
    body = forged_call(f"dev_victim{uuid.uuid4().hex[:8]}")
    for headers in ({}, {"Authorization": "Bearer guessed"}, {"Authorization": stack.secrets["BUNDLE_GATEWAY_TOKEN"]}):
        answer = httpx.post(f"{stack.action_url}/webhook", json=body, headers=headers, timeout=30)
        assert answer.status_code == 401, answer.text
        assert httpx.get(f"{stack.action_url}/actions", headers=headers, timeout=30).status_code == 401
    assert httpx.get(f"{stack.action_url}/health", timeout=30).status_code == 200


def _stack_pids(supervisor: int) -> set[int]:
    """The supervisor and every process below it."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    pids, added = {supervisor}, True
    while added:
        below = {pid for pid, parent in parents.items() if parent in pids} - pids
        pids |= below
        added = bool(below)
    return pids


def _listening(pids: set[int]) -> list[tuple[int, str, int]]:
    """``(pid, address, port)`` of every TCP socket in LISTEN state those processes hold."""
    inodes: dict[str, int] = {}
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").glob("*"):
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes[target[8:-1]] = pid
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                found.append((inodes[fields[9]], address, int(port, 16)))
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1 and ::1 as /proc/net writes them


def test_nothing_of_the_stack_listens_beyond_loopback(stack: Stack) -> None:
    """Item 2: Rasa, the action server, the service and the fake login bind 127.0.0.1, not 0.0.0.0."""
    sockets = _listening(_stack_pids(stack.supervisor_pid))
    ports = {port for _, _, port in sockets}
    assert set(stack.ports.values()) <= ports, sockets  # the three servers were found …
    beyond = [(pid, address, port) for pid, address, port in sockets if address not in LOOPBACK]
    assert beyond == [], f"listening beyond loopback: {beyond}"  # … and none of the sockets is on 0.0.0.0


def test_no_secret_is_in_any_process_arguments(stack: Stack) -> None:
    """Item 6: every process's command line, as ``ps -ef`` shows it to any user of the machine."""
    secrets = [value for value in stack.secrets.values() if value]
    ours, stack_commands = _stack_pids(stack.supervisor_pid), []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            arguments = cmdline.read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        assert not any(secret in arguments for secret in secrets), f"a secret in the arguments of {cmdline.parent}"
        if int(cmdline.parent.name) in ours:
            stack_commands.append(arguments)
    assert any("channels.server" in command for command in stack_commands)  # Rasa was among them


def test_rasa_answers_browsers_only_from_the_services_origin(stack: Stack) -> None:
    """Item 9: no Access-Control-Allow-Origin (with credentials) for another site."""
    url = f"{stack.rasa_url}/webhooks/miniprogram/webhook"
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    own = httpx.options(url, headers={**preflight, "Origin": stack.service_url}, timeout=30)
    assert own.headers.get("access-control-allow-origin") == stack.service_url
    for origin in ("https://evil.example", "null", stack.service_url.replace("127.0.0.1", "127.0.0.2")):
        other = httpx.options(url, headers={**preflight, "Origin": origin}, timeout=30)
        assert "access-control-allow-origin" not in other.headers, origin
        assert "access-control-allow-credentials" not in other.headers, origin
        posted = httpx.post(url, json={"message": "你好"}, headers={"Origin": origin}, timeout=30)
        assert "access-control-allow-origin" not in posted.headers, origin
