"""Conversations per day and channel, from Rasa's tracker store (:mod:`bundle_service.insights.tracker`).

A conversation counts on a day when its user wrote at least one message that day (local day of the service's
time zone); the period's total counts each conversation once per channel. The channel is the input channel of the
user's message, so one WeChat user chatting in the mini program and through customer-service messages counts
on both.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from bundle_service.insights.period import Period
from bundle_service.insights.tracker import TrackerStore, TrackerUnavailable
from contract.conversations import HOTLINE_CHANNEL, MINIPROGRAM_CHANNEL, REST_CHANNEL, WECHAT_CHANNEL

OTHER = "other"
CHANNEL_LABELS = {
    REST_CHANNEL: "网页",
    MINIPROGRAM_CHANNEL: "小程序/H5",
    WECHAT_CHANNEL: "微信客服消息",
    HOTLINE_CHANNEL: "热线",
    OTHER: "其他",
}


@dataclass
class ConversationFigures:
    """Conversations per day and channel over a period.

    Attributes:
        available: Whether the tracker store could be read; ``reason`` says why not (Chinese).
        days: Every day of the period.
        channels: The channels shown, in a fixed order (those with no traffic included).
        per_day: ``per_day[channel][i]``: conversations of ``days[i]`` on that channel.
        totals: Distinct conversations over the period, per channel.
        messages: User messages over the period, per channel.
    """

    available: bool
    days: list[date]
    channels: list[str]
    per_day: dict[str, list[int]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    messages: dict[str, int] = field(default_factory=dict)
    reason: str | None = None


def conversation_figures(tracker: TrackerStore, period: Period) -> ConversationFigures:
    """Count conversations per day and channel in ``period`` (zeros when the tracker store is unavailable)."""
    days = period.days()
    channels = list(CHANNEL_LABELS)
    empty = ConversationFigures(
        False,
        days,
        channels,
        {c: [0] * len(days) for c in channels},
        dict.fromkeys(channels, 0),
        dict.fromkeys(channels, 0),
    )
    daily: dict[tuple[str, date], set[str]] = defaultdict(set)
    overall: dict[str, set[str]] = defaultdict(set)
    messages: dict[str, int] = defaultdict(int)
    try:
        for turn in tracker.user_turns(period.since, period.until):
            channel = turn.channel if turn.channel in CHANNEL_LABELS else OTHER
            daily[(channel, period.day_of(turn.at))].add(turn.conversation_id)
            overall[channel].add(turn.conversation_id)
            messages[channel] += 1
    except TrackerUnavailable as error:
        empty.reason = str(error)
        return empty
    return ConversationFigures(
        True,
        days,
        channels,
        {c: [len(daily.get((c, d), ())) for d in days] for c in channels},
        {c: len(overall.get(c, ())) for c in channels},
        {c: messages.get(c, 0) for c in channels},
    )
