"""A numbered choice is the option it numbers: "2" after "1. 高校毕业生 2. 转人工" (issue 12).

WeChat shows the bot's buttons as a numbered list, the mini program and the H5/REST chat show buttons users answer
by position, and some replies number their options in the text on every channel; the user's "2", "第二个" or "选2"
goes on as that button's payload (exactly as a tap would) or as the words of the option numbered in the text.
Anything else, or a number no option has, goes on as typed.
"""

from types import SimpleNamespace
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered

from channels.numbered_choice import choosing, chosen_payload, picked_number

BUTTONS = [{"title": "高校毕业生", "payload": "高校毕业生"}, {"title": "转人工", "payload": "/request_human"}]
SHOWN: list[dict[str, Any]] = [
    {"event": "user", "text": "我想看看能享受哪些政策"},
    {"event": "bot", "text": "请问您属于哪类人员？", "data": {"buttons": BUTTONS}},
]


def test_a_number_alone_picks_and_anything_else_does_not() -> None:
    for said, number in (("1", 1), ("2。", 2), ("第二个", 2), ("选2", 2), ("我选2", 2), ("二号", 2), ("就1吧", 1)):
        assert picked_number(said) == number, said
    for said in ("二", "12", "2个月", "13912345678", "2万", "两年", "第二个孩子上学"):
        assert picked_number(said) is None, said


def test_the_number_is_the_payload_of_the_button_shown_last() -> None:
    assert chosen_payload("2", SHOWN) == "/request_human"
    assert chosen_payload("第一个", SHOWN) == "高校毕业生"
    assert chosen_payload("3", SHOWN) is None  # no third button
    assert chosen_payload("1", [*SHOWN, {"event": "user", "text": "嗯"}]) is None  # the buttons belong to a turn gone
    assert chosen_payload("1", [{"event": "user", "text": "x"}, {"event": "bot", "text": "好的"}]) is None


async def test_the_channel_passes_the_payload_on_as_a_tap_would() -> None:
    store = InMemoryTrackerStore(Domain.empty())
    tracker = await store.get_or_create_tracker("wechat:o1")
    tracker.update(UserUttered("我想看看能享受哪些政策"))
    tracker.update(BotUttered("请问您属于哪类人员？", data={"buttons": BUTTONS}))
    await store.save(tracker)
    app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=store)))
    heard: list[str] = []

    async def bot(message: UserMessage) -> Any:
        heard.append(message.text or "")

    handle = choosing(bot, app)
    for said in ("1", "第二个", "我是退役军人"):
        await handle(UserMessage(said, CollectingOutputChannel(), "wechat:o1"))
    assert heard == ["高校毕业生", "/request_human", "我是退役军人"]
    await choosing(bot, SimpleNamespace())(UserMessage("1", CollectingOutputChannel(), "wechat:o1"))
    assert heard[-1] == "1"  # no conversation to read: as typed


# Invented replies numbering their options in the text (no buttons), as the items step and the help replies do.
LISTED = (
    "想办哪几样？\n1. 刻章备案\n2. 银行开户（对公账户，可选）\n3. 社保登记\n全部都办说“全部”。",
    "没听清。您可以：1. 问政策（例如“补贴多少”）；2. 说“我要申请”；3. 说“转人工”。",
)


def test_options_numbered_in_the_text_are_their_words_or_what_they_say_to_say() -> None:
    listed = [{"event": "user", "text": "我要申请"}, {"event": "bot", "text": LISTED[0]}]
    assert chosen_payload("2", listed) == "银行开户"  # the note in brackets is no part of the choice
    assert chosen_payload("选3", listed) == "社保登记"
    help_shown = [{"event": "user", "text": "嗯嗯"}, {"event": "bot", "text": LISTED[1]}]
    assert chosen_payload("第二个", help_shown) == "我要申请"
    assert chosen_payload("3", help_shown) == "转人工"
    assert chosen_payload("1", help_shown) is None  # an example, nothing to say: the number goes on as typed
    unordered = [{"event": "bot", "text": "请在2. 之后再看 1. 这里"}]
    assert chosen_payload("1", unordered) is None  # not a list numbered from 1


async def test_the_rest_and_mini_program_channels_take_a_number_as_the_option_it_numbers() -> None:
    import json

    from channels.miniprogram import MiniProgramInput
    from channels.rest import SandboxedRestInput
    from contract.conversations import web_sender
    from tests.channels.channel_server import ChannelHost
    from tests.channels.test_miniprogram import OPENID, SECRET, token

    store = InMemoryTrackerStore(Domain.empty())
    for sender in (web_sender("v1"), f"wechat:{OPENID}"):
        tracker = await store.get_or_create_tracker(sender)
        tracker.update(UserUttered("我想看看能享受哪些政策"))
        tracker.update(BotUttered("请问您属于哪类人员？", data={"buttons": BUTTONS}))
        await store.save(tracker)
    channels = (
        (SandboxedRestInput(), {}, {"sender": "v1"}),
        (MiniProgramInput(SECRET), {"Authorization": f"Bearer {token()}"}, {}),
    )
    for channel, headers, sender in channels:
        host = await ChannelHost(channel).start()
        host.app.ctx.agent = SimpleNamespace(tracker_store=store)
        try:
            for said in ("第二个", "我是退役军人"):
                body = json.dumps({**sender, "message": said}, ensure_ascii=False).encode()
                status, _ = await host.post(body, {"Content-Type": "application/json", **headers})
                assert status == 200
        finally:
            await host.stop()
        assert [turn.text for turn in host.turns] == ["/request_human", "我是退役军人"], channel.name()
