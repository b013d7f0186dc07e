"""Item 3 of the security review: nothing about a person's records before that person is identified.

Replayed against the real stack (as `make run` starts it). The attack: an anonymous REST chat says 我想办营业执照,
gives any name and then someone's ID number, and reads in the replies which shared database holds that person
(就业困难群体信息库, 城镇登记失业人员, veterans) and whether the name matches; the same through the API without
credentials (``POST /api/v1/validation``, ``/api/v1/prefill``). Now the replies are the same whoever the number
belongs to. The control: the person themselves, real-name authenticated in the mini program, is told what the
records spare them.
"""

import uuid
from typing import Any

import httpx

from tests.live_stack import Stack
from tests.service.factories import LIU_YANG, REALNAME_OPENIDS, WANG_FANG, ZHANG_WEI, make_id

TIMEOUT_S = 120.0
STRANGER = make_id(region="430105", born="19880304", sequence="246")  # in no shared database
# Words that would tell a stranger about the person's records. Not "数据共享" alone: the ID question says what the
# number is for to everybody; and the category question lists every category: it is checked by being asked at all.
RECORD_WORDS = (
    "信息库",
    "数据库",
    "电子证照",
    "部门共享",
    "共享数据获取",
    "免提交",
    "免于提交",
    "实名认证",
    "不一致",
    "王*",
)


def _rest(stack: Stack, sender: str, text: str) -> str:
    answer = httpx.post(
        f"{stack.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=TIMEOUT_S
    )
    assert answer.status_code == 200, answer.text
    return "\n".join(str(reply.get("text", "")) for reply in answer.json())


def _anonymous_chat(stack: Stack, id_number: str) -> list[str]:
    """The attack in a fresh REST conversation: the replies to the name, the ID number and a phone number."""
    sender = f"attacker-{uuid.uuid4().hex[:8]}"
    assert "姓名" in _rest(stack, sender, "我想办营业执照")
    return [_rest(stack, sender, text) for text in ("李四", id_number, "13912345678")]


def test_an_anonymous_chat_learns_nothing_about_the_person_of_an_id_number(stack: Stack) -> None:
    stranger = _anonymous_chat(stack, STRANGER)
    assert "身份证" in stranger[0] and "手机" in stranger[1] and "哪类人员" in stranger[2]
    for number in (WANG_FANG, ZHANG_WEI, LIU_YANG):  # unemployed + licence, hard to employ, veteran
        replies = _anonymous_chat(stack, number)
        leaked = [reply for reply in replies if any(word in reply for word in RECORD_WORDS)]
        assert not leaked, leaked
        assert replies == stranger  # word for word what someone in no database hears: asked for everything


def _post(stack: Stack, path: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{stack.service_url}{path}", json=body, timeout=30)


def test_the_api_tells_an_anonymous_caller_nothing_about_a_person(stack: Stack) -> None:
    checks = {
        number: _post(stack, "/api/v1/validation", {"applicant_name": "李四", "id_number": number}).json()
        for number in (WANG_FANG, ZHANG_WEI, STRANGER)
    }
    assert checks[WANG_FANG] == checks[ZHANG_WEI] == checks[STRANGER]
    assert not any(error["code"] == "name_mismatch" for error in checks[WANG_FANG]["errors"])
    assert "person_category" in checks[WANG_FANG]["missing"]  # the full list: nothing is held for a stranger
    for path, body in (
        ("/api/v1/prefill", {"id_number": WANG_FANG}),
        ("/api/v1/eligibility", {"id_number": WANG_FANG}),
        ("/api/v1/eligibility/one-click", {"id_number": WANG_FANG, "phone": "13900000002"}),
    ):
        person = _post(stack, path, body)
        stranger = _post(stack, path, {**body, "id_number": STRANGER})
        assert person.status_code in (401, 403), (path, person.text)
        assert (person.status_code, person.json()) == (stranger.status_code, stranger.json())


def test_the_person_real_name_authenticated_in_the_mini_program_is_spared_what_the_records_hold(stack: Stack) -> None:
    openid = REALNAME_OPENIDS[WANG_FANG]
    login = _post(stack, "/api/v1/auth/wechat-login", {"code": f"dev-{openid.removeprefix('dev_')}"})
    assert login.status_code == 200, login.text
    auth = {"Authorization": f"Bearer {login.json()['token']}"}

    def say(text: str) -> str:
        answer = httpx.post(
            f"{stack.rasa_url}/webhooks/miniprogram/webhook", json={"message": text}, headers=auth, timeout=TIMEOUT_S
        )
        assert answer.status_code == 200, answer.text
        return "\n".join(str(reply.get("text", "")) for reply in answer.json())

    say("取消")  # a conversation of this dev user may be left from an earlier run
    assert "姓名" in say("我想办营业执照")
    assert "身份证" in say("王芳")
    reply = say(WANG_FANG)
    assert "已通过实名认证，以下信息由部门共享获取，无需提交" in reply, reply
    assert "城镇登记失业人员信息库" in reply  # her own records, to her
    assert "哪类人员" not in say("13900000002")  # her category comes from the records
