"""ChineseTextNormalizer: rewrites message text before tokenisation.

Traditional characters become simplified (OpenCC t2s), full-width digits,
letters and punctuation become half-width, homophone typos of the domain's key
words are corrected (营业直照 → 营业执照, :mod:`nlu_components.homophones`), Hunan
dialect words that ask or deny become the standard ones (能拿好多 → 能拿多少, 冇得 → 没有,
:mod:`contract.dialect`), the opening of relayed speech ("来电人问…",
"他想知道…") is blanked (:mod:`nlu_components.relay`) and very long texts are cut;
at parse time punctuation read out in voice input becomes the mark (逗号 → ",", :mod:`nlu_components.spoken_marks`)
and English words mixed in become Chinese ones (name → 姓名, submit → 提交).
Every other replacement keeps the text's length, so entity offsets in training data
stay valid. Rasa passes the normalised text on, so the actions read it too.
"""

from collections.abc import Callable
from typing import Any

import opencc
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_END, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from contract.dialect import standard_words
from contract.english_words import chinese_words
from contract.query_length import MAX_QUERY_CHARS, fitted
from nlu_components.homophones import HomophoneCorrector, domain_words
from nlu_components.relay import blank_relays
from nlu_components.spoken_marks import written_marks

_FULL_TO_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF_WIDTH[0x3000] = 0x20  # ideographic space


def normalize_text(
    text: str, convert: Callable[[str], str], max_chars: int, correct: Callable[[str], str] = str
) -> str:
    """Cuts a text to ``max_chars`` and normalises its characters.

    Args:
        text: The text as the user wrote it.
        convert: A traditional-to-simplified converter for whole strings.
        max_chars: The most characters kept.
        correct: A length-keeping correction of the simplified, half-width text (homophone typos).

    Returns:
        The normalised text: as long as the input, or ``max_chars`` long.
    """
    text = text[:max_chars]
    converted = convert(text)
    if len(converted) != len(text):
        # A phrase rule changed the length: convert character by character
        # and keep any character whose conversion is not a single character.
        converted = "".join(simple if len(simple := convert(char)) == 1 else char for char in text)
    return correct(converted.translate(_FULL_TO_HALF_WIDTH))


@DefaultV1Recipe.register(
    # Registered as a tokenizer so the recipe also runs it on training data,
    # ahead of the real tokenizer (the recipe runs only tokenizers and
    # featurizers at training time).
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER,
    is_trainable=False,
)
class ChineseTextNormalizer(GraphComponent):
    """Normalises message text; place it before the tokenizer."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            "max_chars": MAX_QUERY_CHARS,
            "homophone_entities": [],
            "homophone_short_words": [],
            "blank_relays": False,
            "dialect_words": True,
            "english_words": True,
            "spoken_marks": True,
        }

    @staticmethod
    def required_packages() -> list[str]:
        """Packages needed by the component."""
        return ["opencc", "jionlp", "jieba"]

    def __init__(self, config: dict[str, Any]) -> None:
        """Creates the component.

        Args:
            config: The component's config, with ``max_chars`` (at least 1); ``homophone_entities`` (gazetteer
                entities whose aliases, with the domain terms, are corrected when misspelt by sound; none: no
                correction), ``homophone_short_words`` (two-character words corrected too) and ``blank_relays``
                (who said it, "来电人问…", becomes spaces: the rest is what is asked) and ``dialect_words``
                (dialect words that ask or deny in standard words, :mod:`contract.dialect`; on by default) and
                ``english_words`` (English words read as Chinese ones at parse time, :meth:`process`; on by default)
                and ``spoken_marks`` (punctuation read out in voice input written as marks at parse time; on by
                default).

        Raises:
            ValueError: ``max_chars`` is not a positive integer.
        """
        max_chars = config["max_chars"]
        if not isinstance(max_chars, int) or max_chars < 1:
            raise ValueError(f"max_chars must be a positive integer, not {max_chars!r}")
        self._max_chars = max_chars
        self._convert = opencc.OpenCC("t2s").convert
        entities = list(config.get("homophone_entities") or [])
        short_words = list(config.get("homophone_short_words") or [])
        self._correct: Callable[[str], str] = (
            HomophoneCorrector(domain_words(entities, short_words)).correct if entities or short_words else str
        )
        self._relays: Callable[[str], str] = blank_relays if config.get("blank_relays") else str
        self._dialect: Callable[[str], str] = standard_words if config.get("dialect_words", True) else str
        self._english = bool(config.get("english_words", True))
        self._marks: Callable[[str], str] = written_marks if config.get("spoken_marks", True) else str

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ChineseTextNormalizer":
        """Creates the component (see parent class for full docstring)."""
        return cls(config)

    def _normalize(self, message: Message) -> str | None:
        text = message.get(TEXT)
        if not isinstance(text, str):
            return None
        normalized = normalize_text(text, self._convert, self._max_chars, self._correct)
        normalized = self._relays(self._dialect(normalized))
        message.set(TEXT, normalized)
        return normalized

    def process(self, messages: list[Message]) -> list[Message]:
        """Normalises the text of messages to be parsed.

        Punctuation read out in voice input is written as the mark ("我叫周大山逗号手机…句号" → "我叫周大山,手机…。",
        :func:`nlu_components.spoken_marks.written_marks`), and English words mixed in are read as their Chinese
        counterparts ("name：王明，phone：139…" → "姓名：王明，手机号：139…", "OK submit吧" → "好的 提交吧",
        :func:`contract.english_words.chinese_words`, the mapping the application form reads too). Both change the
        length, so it is done here only: a message's entities are found afterwards, on the text as
        changed, while training data keeps its offsets. A message longer than ``max_chars`` keeps each clause once
        and its last question, not its head (:func:`contract.query_length.fitted`, what the search keeps too).

        Args:
            messages: Incoming user messages.

        Returns:
            The same messages with normalised text.
        """
        for message in messages:
            if isinstance(text := message.get(TEXT), str):
                message.set(TEXT, fitted(text, limit=self._max_chars))
            if (normalized := self._normalize(message)) is None:
                continue
            normalized = self._marks(normalized)
            message.set(TEXT, chinese_words(normalized) if self._english else normalized)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Normalises the text of training examples.

        Entities that end beyond a cut text are dropped; all others keep their
        offsets, which stay valid because normalising keeps the length.

        Args:
            training_data: The NLU training data.

        Returns:
            The same training data with normalised texts.
        """
        for example in training_data.training_examples:
            normalized = self._normalize(example)
            entities = example.get(ENTITIES)
            if normalized is not None and entities:
                example.set(
                    ENTITIES,
                    [e for e in entities if e[ENTITY_ATTRIBUTE_END] <= len(normalized)],
                )
        return training_data
