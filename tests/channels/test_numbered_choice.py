"""A numbered choice on a text-only channel is the button it numbers: "2" after "1. 高校毕业生 2. 转人工" (issue 12).

WeChat shows the bot's buttons as a numbered list; the user's "2", "第二个" or "选2" goes on as that button's
payload, exactly as a tap would. Anything else, or a number no button has, goes on as typed.
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
