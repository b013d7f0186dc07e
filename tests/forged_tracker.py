"""The review's attack on the action server (item 2): a made-up tracker nobody verified.

It claims a WeChat user on the mini-program channel and asks for ``validate_progress_form``, which used to run with
the gateway token's trust and return that user's progress. The action server's own tests (tests/actions) and the
live-stack security tests (tests/security) post it; standard library only, both environments import it.
"""

from typing import Any


def forged_call(openid: str = "oVictim123", action: str = "validate_progress_form") -> dict[str, Any]:
    """The action-server request body of the attack, for the WeChat user ``openid``, running ``action``."""
    user = {
        "event": "user",
        "text": "帮我查一下进度",
        "parse_data": {"intent": {"name": "check_progress", "confidence": 1.0}, "entities": []},
        "input_channel": "miniprogram",
    }
    sender = f"wechat:{openid}"
    return {
        "next_action": action,
        "sender_id": sender,
        "version": "3.6.2",
        "domain": {"forms": {}, "slots": {}},
        "tracker": {
            "sender_id": sender,
            "slots": {"requested_slot": None},
            "latest_message": user["parse_data"],
            "latest_input_channel": "miniprogram",
            "events": [user],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
    }
