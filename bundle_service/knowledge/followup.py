"""Short elliptical questions with no item in context ("要去哪里办", "要多久") are asked about the bundle.

Alone, "要去哪里办" matches an example of a question that is not ours ("护照去哪里办") as well as the bundle's
entries; but this knowledge base is the bundle's, and a question made only of question words
(``question_types.yml``) and fillers, for the kinds of question the bundle answers as a whole (where, how long,
what materials, how, which departments), is searched with "个人创业一件事" in front. With an item in context the
item filter and its bonus (:mod:`index`) already keep the follow-up on that item: putting the item's name in
front as well was measured and lost a question ("那要多久" after the loan drew the loan's term), so it is not done.
"""

from dataclasses import dataclass

from bundle_service.knowledge.facets import QuestionTypes

BUNDLE = "个人创业一件事"
BUNDLE_WIDE_TYPES = frozenset({"place", "processing_time", "materials", "how", "department"})
# Words that carry no subject: pronouns, particles, modal and generic verbs.
FILLERS = (
    "请问",
    "那么",
    "那个",
    "这个",
    "一般",
    "需要",
    "可以",
    "办理",
    "申请",
    "准备",
    "审核",
    "审批",
    "负责",
    "什么",
    "哪些",
    "我们",
    "我",
    "那",
    "这",
    "要",
    "得",
    "能",
    "还",
    "都",
    "去",
    "办",
    "交",
    "带",
    "是",
    "有",
    "啥",
    "呢",
    "吗",
    "啊",
    "呀",
    "吧",
    "的",
    "了",
    "几",
    "个",
    "些",
)
PUNCTUATION = "？?！!。，,、 ~～…"


@dataclass(frozen=True)
class FollowUps:
    """The question-type table that recognises question words."""

    types: QuestionTypes

    def asked(self, text: str) -> frozenset[str] | None:
        """The question types of ``text`` when it is nothing but question words and fillers, else None."""
        asked = self.types.of(text)
        if not asked:
            return None
        rest = text
        for word in sorted((w for t in asked for w in self.types.cues[t]), key=len, reverse=True):
            rest = rest.replace(word, "")
        for word in FILLERS:
            rest = rest.replace(word, "")
        rest = rest.strip(PUNCTUATION)
        return asked if not rest.strip(PUNCTUATION) else None

    def expand(self, text: str, item: str | None) -> str:
        """``text`` about the bundle when it is elliptical and no item is in context; else ``text`` unchanged."""
        if item:
            return text
        asked = self.asked(text)
        if asked is not None and asked & BUNDLE_WIDE_TYPES:
            return f"{BUNDLE} {text}"
        return text
