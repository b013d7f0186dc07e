"""The three kinds of caller of the record endpoints: anonymous, the identified owner, staff with a verified caller."""

from fastapi.testclient import TestClient

from .conftest import GATEWAY_TOKEN
from .factories import REALNAME_OPENIDS, form
from .hotline_fixtures import login

GATEWAY = {"X-Gateway-Token": GATEWAY_TOKEN}


def anonymous(conversation: str = "web:visitor") -> dict[str, str]:
    """The action server for an anonymous chat (REST channel): the gateway token and the conversation, no openid."""
    return {**GATEWAY, "X-Client-Id": conversation}


def owner(id_number: str) -> dict[str, str]:
    """The action server for the mini-program user real-name bound to ``id_number`` (data/realname_registry.yml)."""
    openid = REALNAME_OPENIDS[id_number]
    return {**GATEWAY, "X-Client-Id": f"wechat:{openid}", "X-Wechat-Openid": openid}


def hotline_call(client: TestClient, staff: str = "zhangsan") -> tuple[dict[str, str], dict[str, str]]:
    """A new call: the staff member's console headers and the action server's headers for the call's form."""
    console = login(client, staff)
    call = client.post("/api/v1/hotline/calls", headers=console).json()
    return console, {**GATEWAY, "X-Client-Id": call["conversation_id"], "X-Staff-Id": staff}


def verify_caller(client: TestClient, console: dict[str, str], call: dict[str, str], id_number: str, name: str) -> None:
    """The console files an application for the caller (代办), then verifies the caller with it during the call."""
    caller = form(id_number=id_number, applicant_name=name)
    filed = client.post("/api/v1/hotline/applications", json=caller, headers=console)
    assert filed.status_code == 201, filed.text
    lookup = {
        "number": filed.json()["number"],
        "id_last6": id_number[-6:],
        "call_id": call["X-Client-Id"].removeprefix("hotline:"),
    }
    verified = client.post("/api/v1/hotline/lookup", json=lookup, headers=console)
    assert verified.status_code == 200, verified.text
