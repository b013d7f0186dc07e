"""What is asked in English words inside a Chinese question ("GYB培训free吗", "创业补贴how-much"), said in Chinese.

The embedding and BM25 hear 免费吗 and 多少钱, not free and how-much; the item named in English is put in Chinese by
:func:`actions.knowledge.query_text.in_chinese`, which asks this module for the aspect words.
"""

import re

# "GYB培训free吗", "创业补贴how-much", "执照要几天 how-long": what is asked, in English words.
ASPECT_WORDS = {
    "free": "免费",
    "how-much": "多少钱",
    "how-long": "要多久",
    "how-many-days": "要几天",
    "where": "在哪办",
    "who": "谁能办",
    "when": "什么时候",
    "how": "怎么办",
}
ENGLISH_ASPECT = re.compile(
    r"(?<![A-Za-z])(?:how[- ]many[- ]days|how[- ]much|how[- ]long|free|where|who|when|how)(?![A-Za-z])", re.IGNORECASE
)


def in_chinese_words(query: str) -> str:
    """``query`` with what is asked in English ("free", "how much") said in Chinese (免费, 多少钱)."""
    return ENGLISH_ASPECT.sub(lambda match: ASPECT_WORDS[match.group().lower().replace(" ", "-")], query)
