"""Chat-sized answers that name their source."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bundle_service.knowledge.lights import judged
from bundle_service.knowledge.schemes import BUNDLE
from bundle_service.knowledge.subject_focus import for_subject

if TYPE_CHECKING:  # ranking asks this module how much of an answer is shown
    from bundle_service.knowledge.fit import Asked
    from bundle_service.knowledge.ranking import Decision, SourceHit

MAX_ANSWER_CHARS = 150
# Not found: say so, never guess from a neighbouring rule, and name who does know (the bundle's departments as
# bundle.md assigns the items, the entrepreneurship service window for the whole bundle).
NOT_FOUND_TEXT = (
    "抱歉，湖南省个人创业“一件事”的政策资料里没有找到这个问题的可靠答案，我不拿相近的规定来猜。"
    "问题已经记下，会请工作人员补充。具体情况请向办理的部门咨询：就业创业证、创业补贴、担保贷款、创业培训、"
    "孵化基地和养老保险登记找当地人社部门，营业执照找市场监督管理部门，纳税找税务部门；"
    "也可以到政务服务大厅的创业服务窗口当面问，或者说“转人工”。"
)
# A scheme named that is none of the items ("稳岗补贴"): say so by name, what the bundle holds, and who knows (the
# department of that kind of scheme: ``departments`` of other_schemes.yml, :meth:`schemes.OtherSchemes.department`).
DECLINED_TEXT = (
    "抱歉，“{scheme}”不是湖南省个人创业“一件事”的事项，政策资料里没有找到它的规定，我不拿相近的规定来猜。"
    "一件事里的补贴是一次性创业补贴，贷款是创业担保贷款（另有就业创业证、创业培训、孵化基地、养老保险登记、"
    "营业执照和纳税人信息确认）。{scheme}请向{department}或政务服务大厅咨询，也可以说“转人工”。"
)
# Another "一件事" bundle named ("注销一件事"): not ours, what ours holds, and where the other one is asked about.
BUNDLE_DECLINED_TEXT = (
    "抱歉，“{scheme}”是另一项“一件事”服务，不是湖南省个人创业“一件事”，政策资料里没有找到它的规定，我不拿相近的规定来猜。"
    "个人创业“一件事”办的是创业的8个事项：就业创业证、养老保险登记、创业补贴、创业担保贷款、孵化基地、创业培训、"
    "营业执照（经营主体登记注册）和纳税人信息确认。{scheme}请向当地政务服务大厅或负责它的部门咨询，也可以说“转人工”。"
)
# A figure (or a station's documents) asked that the nearest source does not state (figures.py): the policy gives
# none; what it is about.
GAP_TEXT = (
    "政策要点没有写明您问的具体内容（价格、天数、面积、利率或要带的证件），我不拿相近的规定来猜。相关的内容是「{topic}」。"
    "具体请向办理的部门或政务服务大厅的创业服务窗口咨询，也可以说“转人工”。"
)
# A point the policy does not state at all, named (a kind's ``what`` and ``who`` in figures.yml): say which point,
# what the nearest source is about, and who to ask.
UNSTATED_TEXT = (
    "政策要点没有写明{what}，我不拿相近的规定来猜。相关的内容是「{topic}」。具体请向{who}咨询，"
    "也可以到政务服务大厅的创业服务窗口问，或说“转人工”。"
)
DEFAULT_WHO = "办理的部门"
DEFAULT_DEPARTMENT = "负责它的部门"
SUGGEST_INTRO = "这个问题我还不能确定您具体想问哪一点，暂时无法回答。您是想问下面哪一个？"
SUGGEST_OUTRO = "请回复其中一个问题，或换个说法再问；也可以说“转人工”。"
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


def citation(hit: SourceHit, titled: bool = True) -> str:
    """Where an answer comes from, as the user reads it (``titled`` False: a FAQ by its number only)."""
    entry = hit.entry
    if entry.kind == "faq":
        return f"来源：常见问题 {entry.source}「{entry.section}」" if titled else f"来源：常见问题 {entry.source}"
    if entry.section == entry.document:
        return f"来源：《{entry.document}》"
    return f"来源：《{entry.document}》· {entry.section}"


def title(hit: SourceHit) -> str:
    """What a source is about, as a question the user can send back: a FAQ's question, a section's title."""
    entry = hit.entry
    if entry.kind == "faq" or entry.section == entry.document:
        return entry.section
    return f"{entry.document}：{entry.section}"


def declined(scheme: str, department: str) -> str:
    """The refusal of another scheme named ``scheme``, naming the ``department`` that answers for it."""
    if scheme.endswith(BUNDLE):  # another bundle: what ours holds, asked about where bundles are served
        return BUNDLE_DECLINED_TEXT.format(scheme=scheme)
    return DECLINED_TEXT.format(scheme=scheme, department=department)


def gap_reply(gap: SourceHit, asked: Asked | None) -> str:
    """What the policy does not state: the point asked by name (a kind's ``what``, figures.yml) or a figure."""
    what, who = asked.figures.unstated if asked is not None and asked.figures is not None else ("", "")
    if what:
        return UNSTATED_TEXT.format(what=what, topic=title(gap), who=who or DEFAULT_WHO)
    return GAP_TEXT.format(topic=title(gap))


def compose(
    decision: Decision,
    asked: Asked | None = None,
    who: Callable[[str], str] | None = None,
    shown: Callable[[str, str], str] | None = None,
) -> str:
    """The reply: the answer (shortened) with its source on its own line, the titles to pick from, or not found.

    Not found for a scheme that is none of the items names it (:data:`DECLINED_TEXT`); for a figure the nearest
    source does not state, says the policy gives none (:data:`GAP_TEXT`).

    ``who``: the department answering for another scheme (:meth:`schemes.OtherSchemes.department`).
    ``shown``: an answer as shown for the question (:meth:`yes_no.YesNo.shown`: no "能。" before a how-many answer).

    A question answered in parts (one source per facet asked) gets each part's answer, then each source.

    A source that is not confident or not clear enough is never answered with its text: the user sees only
    what the question may be about (``suggest``), so no neighbouring fact is ever asserted. With ``asked`` (what the
    question names), an answer about one subject asked leaves out another subject's figures (:mod:`subject_focus`),
    and a light asked with the numbers deciding it is worked out (:mod:`lights`).
    """
    if decision.status == "suggest" and decision.choices:
        lines = [f"{n}. {title(hit)}" for n, hit in enumerate(decision.choices, start=1)]
        return "\n".join([SUGGEST_INTRO, *lines, SUGGEST_OUTRO])
    best = decision.best
    if best is None and decision.declined:
        return declined(decision.declined, who(decision.declined) if who else DEFAULT_DEPARTMENT)
    if best is None and decision.gap is not None:
        return gap_reply(decision.gap, asked)
    if best is None:
        return NOT_FOUND_TEXT
    if asked is not None and (light := judged(asked.text, asked.items)):  # the light its numbers decide
        return "\n".join([light, citation(best, titled=False)])  # a title naming another colour would contradict it
    answered = [best, *decision.parts]  # a question asking several facets: one source per facet
    texts = [
        for_subject(h.entry.text, asked.subjects, asked.table, asked.text) if asked else h.entry.text for h in answered
    ]
    if shown is not None and asked is not None:
        texts = [shown(text, asked.text) for text in texts]
    return "\n".join([*(shorten(text) for text in texts), *(citation(hit) for hit in answered)])
