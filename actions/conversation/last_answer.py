"""What the bot's previous turn said, and what a pointer in the next message ("那个证") refers to in it.

An answer about training says "持就业创业证的免费参加"; the user's "那个证怎么办" then asks about the employment
certificate, which no word of the message names. A pointer (那个/这个 + a kind of thing: 证, 登记) refers to the one
item of that kind the latest of the last few answers to name one named; with two, it refers to nothing and the
message is read as said.
"""

import re
from functools import cache

from rasa_sdk import Tracker

from actions.conversation import context

# "那个证", "这张证", "那登记": a pointer and the kind of thing pointed at (not 证明/证书/证据/证件照).
POINTER = re.compile(r"(?:那|这)(?:个|张|本|项)?(?P<kind>证|登记)(?!明|书|据|件照)")
POINTER_TURNS = 3  # how many of the bot's turns back a pointer may reach (the latest naming such an item wins)


def last_turn(tracker: Tracker) -> list[str]:
    """The bot's messages of its previous turn (between the last two user messages), latest first.

    A verdict comes with the item's summary and an offer after it: the whole turn is what the user just read.
    """
    return next(iter(recent_turns(tracker, 1)), [])


def recent_turns(tracker: Tracker, count: int) -> list[list[str]]:
    """The bot's messages of each of its last ``count`` turns before the latest user message, latest turn first."""
    turns: list[list[str]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if len(turns) == count:
                break
            turns.append([])  # the turn that answered the user message before this one
        elif event.get("event") == "bot" and turns:
            turns[-1].append(str(event.get("text") or ""))
    return turns


@cache
def _words_by_length() -> tuple[tuple[str, str], ...]:
    """Every way users write an item (the item gazetteer), longest first, with its code."""
    words = [(word, code) for code, aliases in context.item_aliases().values.items() for word in aliases]
    return tuple(sorted(words, key=lambda pair: -len(pair[0])))


def words_named(text: str) -> list[tuple[str, str]]:
    """(code, word) of each item ``text`` names, longest words first (a shorter word inside a longer one is not)."""
    found: list[tuple[str, str]] = []
    for word, code in _words_by_length():
        if word in text:
            text = text.replace(word, " " * len(word))
            found.append((code, word))
    return found


def _tagged_on(tracker: Tracker, start: int, end: int) -> str | None:
    """The item the NLU tagged on the span ``start``–``end`` of the latest message (a pointer it resolved), if any."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "item" and entity.get("start") == start and entity.get("end") == end:
            return str(entity.get("value"))
    return None


def pointed_item(tracker: Tracker, text: str) -> tuple[str, str] | None:
    """(the message with the item's name for the pointer, code) when "那个证" points at one item just named.

    Args:
        tracker: The conversation (the bot's previous turn is read).
        text: The user's message.

    A pointer the NLU itself tagged as an item is that item (searched by its name: "那个证" blurs the search).

    Returns:
        ``None`` when the message points at nothing, or the previous turn named no item, or several, of that kind
        (an item is of the kind when the word that named it ends with it: 就业创业证 is a 证). The turns are read
        from the latest back, :data:`POINTER_TURNS` at most.
    """
    pointer = POINTER.search(text)
    if pointer is None:
        return None
    tagged = _tagged_on(tracker, pointer.start(), pointer.end())
    if tagged is not None:  # the NLU read the pointer as an item itself: searched by that item's name
        return text.replace(pointer.group(), context.item_word(tagged), 1), tagged
    for turn in recent_turns(tracker, POINTER_TURNS):
        named = words_named("\n".join(turn))
        of_kind = list(dict.fromkeys(code for code, word in named if word.endswith(pointer.group("kind"))))
        if len(of_kind) > 1:
            return None  # "那个证" after an answer naming two certificates: which one is not clear
        if of_kind:
            return text.replace(pointer.group(), context.item_word(of_kind[0]), 1), of_kind[0]
    return None
