"""The conversation's topic steers a follow-up that names nothing: not a narrower source about something unsaid.

"要我自己去申请吗" after a question about the new-taxpayer package's confirmation is searched within that item,
but the item holds narrower sources too: the invoice FAQ ("…申领发票") scored first on "申请". The follow-up said
nothing about invoices. When the source that answered a follow-up names a word of an item (the NLU's gazetteer:
aliases and context words) that neither the question nor the item's everyday name says, the question is asked
again with that name in front ("纳税人信息确认要我自己去申请吗"), and a direct answer to that wins. A source naming
only the item's own words ("担保贷款多久能批下来" for "那要多久" after the loan) is not narrower.
"""

from typing import Any

from actions.conversation import context
from actions.knowledge.query_text import item_words

ANSWERED = ("faq", "answer")


def unsaid_subject(answer: dict[str, Any], question: str, item: str) -> str | None:
    """A word naming an item that ``answer``'s source title says and ``question`` does not, else ``None``.

    Words the item's everyday name contains (纳税人 in 纳税人信息确认) count as said: they are the topic; so does a
    title's word the question says in part ("发票" for "申领发票").
    """
    if answer.get("status") not in ANSWERED:
        return None
    title = next((str(s.get("section") or "") for s in answer.get("sources") or []), "")
    topic = f"{question}{context.item_word(item)}"
    words = item_words()
    # said, also by a shorter word of it ("发票" for the title's "申领发票")
    return next((w for w in words if w in title and not any(p in w and p in topic for p in words)), None)


def steered(question: str, item: str) -> str:
    """``question`` asked about the item in context by its everyday name ("纳税人信息确认要我自己去申请吗")."""
    return f"{context.item_word(item)}{question}"
