"""Homophone typos of the domain's key words, corrected before anything reads the message.

People typing by pinyin or by voice pick the wrong character of the right sound: 营业直照 for 营业执照, 创业单保代款
for 创业担保贷款, 返乡农名工 for 返乡农民工. A window of the message that sounds like a key word (toneless pinyin,
every reading of a polyphone, the fuzzy pairs z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing that many Hunan
speakers merge) and shares at least half its characters with it is replaced by the key word. Readings come from
JioNLP's character dictionary (``jionlp``, already used for dates); word boundaries from Jieba's own dictionary: a
window whose differing character belongs to a word running out of the window (就业政|策 is not 就业证) is left
alone. The replacement has the window's length, so entity offsets stay valid.
"""

import logging
import math
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import jieba

from nlu_components.gazetteer import load_gazetteer

FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
MIN_LENGTH = 3  # shorter key words are corrected only when listed explicitly (``short_words``)
TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0304\u030c"))  # grave, acute, macron, caron; ü keeps its dots

DOMAIN_TERMS = Path(__file__).resolve().parent.parent / "nlu_data" / "domain_terms.txt"

Readings = Callable[[str], frozenset[str]]


def fuzzy(syllable: str) -> str:
    """A toneless pinyin syllable with the commonly merged sounds merged (``zhào`` or ``zhao4`` → ``zao``)."""
    syllable = unicodedata.normalize("NFD", syllable).translate(TONE_MARKS).rstrip("012345").lower()
    syllable = unicodedata.normalize("NFC", syllable)
    for long, short in FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    for long, short in FUZZY_FINALS:
        if syllable.endswith(long):
            return syllable[: -len(long)] + short
    return syllable


@cache
def _jionlp_readings() -> dict[str, list[str]]:
    from jionlp.dictionary.dictionary_loader import pinyin_char_loader

    return dict(pinyin_char_loader())


def char_readings(char: str) -> frozenset[str]:
    """Every fuzzy reading of a Chinese character (polyphones have several); empty for anything else."""
    return frozenset(fuzzy(reading) for reading in _jionlp_readings().get(char, ()))


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()  # the default dictionary only: the same boundaries whatever else loaded user words


def word_spans(text: str) -> list[tuple[int, int]]:
    """Jieba's words of the text (default dictionary, no HMM guesses) as (start, end) offsets."""
    return [(start, end) for _, start, end in _tokenizer().tokenize(text, HMM=False)]


class HomophoneCorrector:
    """Replaces homophone misspellings of the given key words in a text."""

    def __init__(self, words: Iterable[str], readings: Readings = char_readings) -> None:
        """Indexes the key words by the reading of their first character.

        Args:
            words: The key words (several spellings of one word are fine; non-Chinese characters never match).
            readings: A character's fuzzy readings (JioNLP's by default).
        """
        self._readings = cache(readings)
        self._words = frozenset(words)
        self._index: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
        for word in sorted(self._words, key=len, reverse=True):
            sounds = tuple(self._readings(char) for char in word)
            if all(sounds):
                for first in sounds[0]:
                    self._index.setdefault(first, []).append((word, sounds))

    def correct(self, text: str) -> str:
        """The text with each homophone misspelling of a key word replaced (same length as the text).

        Args:
            text: The message (simplified characters).

        Returns:
            The corrected text; the text itself when nothing sounded like a key word.
        """
        spans: list[tuple[int, str]] = []
        position = 0
        while position < len(text):
            found = self._word_at(text, position)
            if found is None:
                position += 1
                continue
            if found != text[position : position + len(found)]:
                spans.append((position, found))
            position += len(found)
        if not spans:
            return text
        words = word_spans(text)
        corrected = list(text)
        for start, word in spans:
            if self._within_words(text, start, word, words):
                corrected[start : start + len(word)] = word
        return "".join(corrected)

    def _word_at(self, text: str, start: int) -> str | None:
        """The longest key word the text sounds like at ``start`` (spelled right or sharing half its characters)."""
        for first in self._readings(text[start]):
            for word, sounds in self._index.get(first, ()):
                window = text[start : start + len(word)]
                if len(window) < len(word) or (window != word and window in self._words):
                    continue
                same = sum(a == b for a, b in zip(window, word, strict=True))
                if same < math.ceil(len(word) / 2):
                    continue
                if all(sound & self._readings(char) for sound, char in zip(sounds, window, strict=True)):
                    return word
        return None

    @staticmethod
    def _within_words(text: str, start: int, word: str, words: list[tuple[int, int]]) -> bool:
        """No differing character belongs to a dictionary word that runs out of the window (就业政|策)."""
        end = start + len(word)
        for word_start, word_end in words:
            if word_end <= start or word_start >= end or (word_start >= start and word_end <= end):
                continue
            inside = range(max(word_start, start), min(word_end, end))
            if any(text[i] != word[i - start] for i in inside):
                return False
        return True


def key_words(aliases: Iterable[str], short_words: Iterable[str] = ()) -> set[str]:
    """The words to correct: aliases of at least :data:`MIN_LENGTH` Chinese characters, and the listed short ones.

    Args:
        aliases: Candidate words (gazetteer aliases, domain terms).
        short_words: Shorter words whose homophones are never words of their own (执照, 贷款).
    """
    chinese = {a for a in aliases if len(a) >= MIN_LENGTH and all("\u4e00" <= ch <= "\u9fff" for ch in a)}
    return chinese | set(short_words)


def domain_words(entities: Iterable[str], short_words: Iterable[str] = (), terms: Path = DOMAIN_TERMS) -> set[str]:
    """The key words of the domain: the entities' aliases and guard words, and the hand-written domain terms.

    A guard word or domain term is a real word (孵化期): spelled right, it is kept as it is, never "corrected" into
    an alias that sounds the same (孵化器).

    Args:
        entities: Gazetteer entities whose words count (``item``, ``person_category`` …).
        short_words: Two-character words to correct too (see :func:`key_words`).
        terms: The domain terms file (one per line, ``#`` comments).
    """
    wanted = set(entities)
    words = [
        word
        for source in load_gazetteer().sources
        if source.entity in wanted
        for group in (*source.values.values(), source.guard_words)
        for word in group
    ]
    lines = terms.read_text(encoding="utf-8").splitlines()
    words += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return key_words(words, short_words)
