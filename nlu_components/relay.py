"""Relayed speech: "来电人问…", "他想知道…", "这位大姐说…" — who is speaking, not what is asked.

Hotline staff type for the caller, and relatives write for a parent: the message opens with who said it and a
verb of saying or asking. Those words say nothing about the request, yet they pulled the intent towards a person
(来电人 ≈ 人工) or a complaint (反映/说). :func:`blank_relays` turns such a clause opening into spaces, keeping the
text's length (entity offsets stay valid and the actions still read the same positions). The person words after the
verb stay: in "来电人说他叫黄大明" the rest, "他叫黄大明", still names the caller.
"""

import re

# Who is relayed: the caller in the staff's words, a pronoun, or an older person described.
_SPEAKER = (
    r"(?:来电人|来电群众|来电者|来电的|打电话的|客户|对方|群众|老乡|市民|当事人|申请人"
    r"|(?:这|那)位(?:大姐|大哥|大爷|大妈|大叔|阿姨|叔叔|师傅|老人家|老人|先生|女士|小伙子|姑娘|同志|老乡|群众|市民)?"
    r"|老人家|大爷|大妈|大姐|大哥|阿姨|[他她](?:们)?)"
)
# What they do with words: say, ask, want to know. Not 反映 (a complaint's own verb) and not 想办/要办 (a wish).
_VERB = (
    r"(?:刚才|这边|现在|就|一直)?"
    r"(?:想(?:问问|问(?:一下|下)?|知道|了解(?:一下|下)?|咨询(?:一下|下)?|打听(?:一下|下)?)"
    r"|问(?:问|一下|下)?|在问|说|讲|咨询(?:一下|下)?|打听(?:一下|下)?)"
)
# At the start of the message or of a clause, and never "他说的那个…" (what was said is the subject).
RELAY = re.compile(rf"(?:^|(?<=[,，。；;:：!！?？\s])){_SPEAKER}{_VERB}(?!的)[:：,，]?\s*")


def blank_relays(text: str) -> str:
    """The text with each relay opening ("来电人问", "他想知道：") replaced by as many spaces.

    Args:
        text: A normalised message (half-width punctuation).

    Returns:
        A text of the same length; unchanged when nothing would be left after the relay words.
    """

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group())

    blanked = RELAY.sub(blank, text)
    return blanked if blanked.strip() else text


# The relay asks rather than says ("他想打听…", "来电人问…", "她想了解一下…"): what follows is a question, even when
# no question word is left once the opening is blanked.
ASKED = re.compile(rf"{_SPEAKER}(?:刚才|这边|现在|就|一直)?(?:想(?:问|知道|了解|咨询|打听)|问|在问|咨询|打听)")


def relays_a_question(text: str) -> bool:
    """Whether ``text`` (as typed, before blanking) relays someone asking ("他想打听杭州那边的补贴").

    Args:
        text: The message as the user typed it.
    """
    return bool(ASKED.search(text))
