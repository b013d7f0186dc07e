"""Questions about another province's or city's policy: named, so they are refused with a redirect.

The knowledge base states Hunan's policy. Asked "深圳的创业补贴有多少", the nearest answer is Hunan's 5000 yuan: a
confident wrong fact. So a question that names a place outside Hunan (``knowledge_base/other_regions.yml``) is
answered with a redirect instead, unless it also names Hunan or one of its places (``nlu_data/gazetteer``), or
names the place as where the person comes from ("我是广东人", "从深圳回来", "外省户口"). A Hunan name said only as the
person's household registration ("户籍湖南", "老家是衡阳的", "湖南户口") is an origin too: "我户籍湖南，人在苏州开店，
苏州那边补贴给多少" asks about Suzhou, the place the figure is asked of. 全省/省级 name no place:
with another province named they are that province's ("江西省有几个省级孵化基地"). A place followed by
返乡/回乡 names that place's scheme ("湖北返乡创业补贴"), not the person's origin, unless the person is named
before it ("从湖北返乡", "我是湖北返乡的").
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

FILE_NAME = "other_regions.yml"
# Names of Hunan that name no place: "江西省有几个省级孵化基地" asks about Jiangxi's provincial bases, so these say the
# question is about Hunan only when no other province or city is named.
GENERIC_HOME = frozenset({"全省", "省级", "本省"})
REDIRECT = (
    "抱歉，我只能解答湖南省个人创业“一件事”的政策，{place}的政策不在我的服务范围内，"
    "请咨询当地的人社部门或政务服务窗口。想了解湖南的规定，可以直接问我。"
)


@dataclass(frozen=True)
class OtherRegions:
    """Places outside Hunan and the words that make a mention the person's origin, not the policy's place."""

    places: tuple[str, ...] = ()
    origin_after: tuple[str, ...] = ()
    origin_before: tuple[str, ...] = ()
    policy_after: tuple[str, ...] = ()  # after a place: that place's scheme ("湖北返乡创业补贴"), not an origin
    home_origin_before: tuple[str, ...] = ()  # before a Hunan name: the person's registration ("户籍", "老家是")
    home_origin_after: tuple[str, ...] = ()  # after a Hunan name: the same ("人", "户口", "籍")

    @classmethod
    def load(cls, path: Path) -> "OtherRegions":
        """Read the lists (a missing file: no place is refused).

        Raises:
            ValueError: The file is not a mapping of lists.
        """
        if not path.is_file():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected places, origin_after, origin_before and policy_after lists")

        def words(key: str) -> tuple[str, ...]:
            values = data.get(key) or []
            return tuple(sorted({str(v).strip() for v in values if str(v).strip()}, key=len, reverse=True))

        return cls(
            words("places"),
            words("origin_after"),
            words("origin_before"),
            words("policy_after"),
            words("home_origin_before"),
            words("home_origin_after"),
        )

    def _is_origin(self, text: str, start: int, end: int) -> bool:
        before, after = text[:start], text[end:]
        if any(before.endswith(w) for w in self.origin_before):
            return True
        if any(after.startswith(w) for w in self.policy_after):
            return False
        return any(after.startswith(w) for w in self.origin_after)

    def _only_origin(self, text: str, name: str) -> bool:
        """Whether every mention of the Hunan name ``name`` in ``text`` is the person's registration, not the place."""
        start = text.find(name)
        while start >= 0:
            before, after = text[:start], text[start + len(name) :]
            if not (
                any(before.endswith(w) for w in self.home_origin_before)
                or any(after.startswith(w) for w in self.home_origin_after)
            ):
                return False
            start = text.find(name, start + 1)
        return True

    def _home(self, text: str, home: Iterable[str]) -> bool:
        """Whether ``text`` names a place of Hunan as the place asked about (not only as the person's origin)."""
        named = [name for name in home if name not in GENERIC_HOME and name in text]
        # a shorter name inside a longer one said ("湖南" in "湖南省") is the same mention
        return any(
            not self._only_origin(text, name) for name in named if not any(name in o and name != o for o in named)
        )

    def named(self, text: str, home: Iterable[str]) -> str | None:
        """The first place outside Hunan that ``text`` asks about, or None.

        Args:
            text: The normalised question.
            home: Names of Hunan and its places: a question naming one of them is about Hunan.

        Returns:
            The place as written, or None when the question is (or may be) about Hunan.
        """
        if not self.places or self._home(text, home):
            return None
        for place in self.places:
            start = text.find(place)
            while start >= 0:
                if not self._is_origin(text, start, start + len(place)):
                    return place
                start = text.find(place, start + 1)
        return None


def redirect(place: str) -> str:
    """The reply to a question about ``place``'s policy."""
    return REDIRECT.format(place=place)
