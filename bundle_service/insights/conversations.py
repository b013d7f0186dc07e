"""Conversations per day and channel, from Rasa's tracker store (:mod:`bundle_service.insights.tracker`).

A conversation counts on a day when its user wrote at least one message that day (local day of the service's
time zone); the period's total counts each conversation once per channel. The channel is the input channel of the
user's message, so one WeChat user chatting in the mini program and through customer-service messages counts
on both.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from bundle_service.insights.period import Period
from bundle_service.insights.tracker import TrackerStore, TrackerUnavailable
from contract.conversations import HOTLINE_CHANNEL, MINIPROGRAM_CHANNEL, REST_CHANNEL, WECHAT_CHANNEL

OTHER = "other"
OUT_OF_SCOPE_INTENT = "out_of_scope"  # bot/domain/service.yml: declined politely by the bot, no search made
CHANNEL_LABELS = {
    REST_CHANNEL: "网页",
    MINIPROGRAM_CHANNEL: "小程序/H5",
    WECHAT_CHANNEL: "微信客服消息",
    HOTLINE_CHANNEL: "热线",
    OTHER: "其他",
}


@dataclass(frozen=True)
class ChannelSeries:
    """One channel's conversations.

    Attributes:
        code: The input channel (``rest``, ``miniprogram``, ``wechat``, ``hotline``, ``other``).
        label: Its Chinese name.
        per_day: Conversations on each day of the period.
        total: Distinct conversations over the period.
        messages: User messages over the period.
    """

    code: str
    label: str
    per_day: list[int]
    total: int
    messages: int


@dataclass(frozen=True)
class ConversationFigures:
    """Conversations per day and channel over a period.

    Attributes:
        available: Whether the tracker store could be read.
        reason: Why not (Chinese), when unavailable.
        days: Every day of the period.
        channels: Every channel in a fixed order (those without traffic included; zeros when unavailable).
        declined: User messages the NLU read as out of scope (the bot declines them without asking the knowledge
            base, so the ask log never sees them).
    """

    available: bool
    reason: str | None
    days: list[date]
    channels: list[ChannelSeries]
    declined: int = 0


def conversation_figures(tracker: TrackerStore, period: Period) -> ConversationFigures:
    """Count conversations per day and channel in ``period`` (zeros when the tracker store is unavailable)."""
    days = period.days()
    daily: dict[tuple[str, date], set[str]] = defaultdict(set)
    overall: dict[str, set[str]] = defaultdict(set)
    messages: dict[str, int] = defaultdict(int)
    reason: str | None = None
    declined = 0
    try:
        for turn in tracker.user_turns(period.since, period.until):
            declined += turn.intent == OUT_OF_SCOPE_INTENT
            channel = turn.channel if turn.channel in CHANNEL_LABELS else OTHER
            daily[(channel, period.day_of(turn.at))].add(turn.conversation_id)
            overall[channel].add(turn.conversation_id)
            messages[channel] += 1
    except TrackerUnavailable as error:
        reason = str(error)
        daily.clear()
        overall.clear()
        messages.clear()
        declined = 0
    series = [
        ChannelSeries(
            code,
            label,
            [len(daily.get((code, day), ())) for day in days],
            len(overall.get(code, ())),
            messages.get(code, 0),
        )
        for code, label in CHANNEL_LABELS.items()
    ]
    return ConversationFigures(reason is None, reason, days, series, declined)
