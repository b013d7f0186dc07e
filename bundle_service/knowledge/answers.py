"""Chat-sized answers that name their source."""

from bundle_service.knowledge.ranking import Decision, SourceHit

MAX_ANSWER_CHARS = 150
NOT_FOUND_TEXT = (
    "抱歉，知识库里暂时没有找到这个问题的可靠答案。问题已经记下，会请工作人员补充；需要的话可以为您转人工服务。"
)
_ENDS = "。！？；"


def shorten(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """``text`` cut after the last whole sentence that fits in ``limit`` characters (or at ``limit`` with …)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in _ENDS)
    if cut >= limit // 3:
        return text[: cut + 1]
    return text[: limit - 1] + "…"


def citation(hit: SourceHit) -> str:
    """Where an answer comes from, as the user reads it."""
    entry = hit.entry
    if entry.kind == "faq":
        return f"来源：常见问题 {entry.source}「{entry.section}」"
    if entry.section == entry.document:
        return f"来源：《{entry.document}》"
    return f"来源：《{entry.document}》· {entry.section}"


def compose(decision: Decision) -> str:
    """The reply: the FAQ answer or the best passage (shortened), then its source on its own line.

    A FAQ below the direct-answer threshold is answered with the question it matched in front
    ("您可能想问「…」"), so the user sees how the question was understood.
    """
    best = decision.best
    if best is None:
        return NOT_FOUND_TEXT
    body = shorten(best.entry.text)
    if decision.status == "answer" and best.entry.kind == "faq":
        body = f"您可能想问「{best.entry.section}」：{body}"
    return f"{body}\n{citation(best)}"
