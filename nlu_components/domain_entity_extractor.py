"""DomainEntityExtractor: entities found by the gazetteer and the fixed patterns."""

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import ENTITY_ATTRIBUTE_CONFIDENCE_TYPE
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu_components.gazetteer import Gazetteer, load_gazetteer
from nlu_components.needs import find_needs
from nlu_components.patterns import find_patterns
from nlu_components.spans import Span, select_longest


def find_domain_entities(text: str, gazetteer: Gazetteer) -> list[Span]:
    """Finds aliases, pattern entities and needs said in plain words; where they overlap the longer wins.

    A need ("缺钱周转") gives way to an alias or pattern it overlaps: the item's own name is the surer reading.

    Args:
        text: The message text.
        gazetteer: The alias index.

    Returns:
        Non-overlapping spans sorted by start.
    """
    named = select_longest([*find_patterns(text), *gazetteer.find(text)])
    needs = [n for n in find_needs(text) if not any(n.start < s.end and s.start < n.end for s in named)]
    return sorted([*named, *needs], key=lambda span: span.start)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class DomainEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds the bundle's entities found by rules, with confidence 1.0.

    Needs no tokens: place it anywhere after ChineseTextNormalizer and before
    EntityResolver.
    """

    @staticmethod
    def required_packages() -> list[str]:
        """Packages needed by the component."""
        return ["cn2an", "yaml"]

    def __init__(self, gazetteer: Gazetteer) -> None:
        """Creates the component.

        Args:
            gazetteer: The alias index to match.
        """
        self._gazetteer = gazetteer

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "DomainEntityExtractor":
        """Creates the component (see parent class for full docstring)."""
        return cls(load_gazetteer())

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds the entities found in each message's text.

        Args:
            messages: Messages to parse.

        Returns:
            The same messages with the found entities appended.
        """
        for message in messages:
            found = [
                {
                    ENTITY_ATTRIBUTE_TYPE: span.entity,
                    ENTITY_ATTRIBUTE_VALUE: span.value,
                    ENTITY_ATTRIBUTE_START: span.start,
                    ENTITY_ATTRIBUTE_END: span.end,
                    ENTITY_ATTRIBUTE_CONFIDENCE_TYPE: 1.0,
                }
                for span in find_domain_entities(message.get(TEXT) or "", self._gazetteer)
            ]
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name(found),
                add_to_output=True,
            )
        return messages
