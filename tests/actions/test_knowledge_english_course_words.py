"""English words for courses and what they cost, read as Chinese ones (issue 14, kb17).

"SYB class要钱吗", "有free course吗" and "创业培训的training fee多少" reached the NLU and the search with the
English words as they were: "有free course吗" was declined as out of scope. The one mapping of English words
(:mod:`contract.english_words`, read by the NLU normaliser) says them in Chinese.
"""

import pytest

from contract.english_words import chinese_words


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("SYB class要钱吗", "SYB 课要钱吗"),
        ("有free course吗", "有免费 课程吗"),
        ("创业培训的training fee多少", "创业培训的培训费多少"),
        ("free training怎么报名", "免费 培训怎么报名"),
        ("GYB courses收费吗", "GYB 课程收费吗"),
        ("tuition要交吗", "学费要交吗"),
    ],
)
def test_course_words_are_read_in_chinese(typed: str, read: str) -> None:
    assert chinese_words(typed) == read


def test_words_that_only_hold_them_stay() -> None:
    assert chinese_words("classic freedom coursera") == "classic freedom coursera"
