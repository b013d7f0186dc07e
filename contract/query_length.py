"""How long a question sent to the knowledge base may be, and how a longer message is cut: written once for both sides.

Standard library only. The bot (``actions/knowledge``) and the knowledge service both cut a message to
:data:`MAX_QUERY_CHARS` before searching. Cutting the head ("the first 500 characters") lost the question of a
long message: people tell their story first and ask last, and a story said over and over (a voice message, a
complaint repeated) pushed the question past the limit. :func:`fitted` keeps, within the limit, each clause once and
the last question with what stands right before it.
"""

import re
from collections.abc import Callable

MAX_QUERY_CHARS = 500
# A clause: text up to and including the marks that end it (a comma too: a spoken message is one long sentence).
CLAUSE = re.compile(r"[^，,。；;！!？?\n]+[，,。；;！!？?\n\s]*|[，,。；;！!？?\n\s]+")
_MARKS = "，,。；;！!？?\n \t"


def asks_by_mark(clause: str) -> bool:
    """Whether ``clause`` ends with a question mark (the test when a side passes none of its own)."""
    return clause.rstrip(" \t\n，,。").endswith(("?", "？"))


def _key(clause: str) -> str:
    """What makes two clauses the same clause: their words, without marks and spaces."""
    return "".join(c for c in clause if c not in _MARKS)


def fitted(text: str, asks: Callable[[str], bool] = asks_by_mark, limit: int = MAX_QUERY_CHARS) -> str:
    """``text`` within ``limit`` characters: each clause once, the questions kept, the last one first.

    Args:
        text: The message (or one question of it).
        asks: Whether a clause asks something (each side's own test of a question: the bot's question shape, the
            service's question types); by default a question mark.
        limit: The most characters to keep.

    Returns:
        ``text`` itself when it fits. Otherwise its clauses without repeats ("我之前申请被退回了，" said forty times
        is said once); if that is still too long, the questions, latest first, then the clauses right before the
        last question, in their order; a single clause too long is cut to its tail (where a question ends).
    """
    if len(text) <= limit:
        return text
    clauses: list[str] = []
    seen: set[str] = set()
    for clause in CLAUSE.findall(text):
        key = _key(clause)
        if key and key in seen:
            continue
        seen.add(key)
        clauses.append(clause)
    joined = "".join(clauses)
    if len(joined) <= limit:
        return joined
    questions = [i for i, clause in enumerate(clauses) if _key(clause) and asks(clause)]
    last = questions[-1] if questions else len(clauses) - 1
    if len(clauses[last]) >= limit:
        return clauses[last][-limit:]
    kept = {last}
    room = limit - len(clauses[last])
    nearest_first = [*reversed(questions[:-1]), *range(last - 1, -1, -1), *range(last + 1, len(clauses))]
    for i in nearest_first:
        if i not in kept and len(clauses[i]) <= room:
            kept.add(i)
            room -= len(clauses[i])
    return "".join(clauses[i] for i in sorted(kept))
