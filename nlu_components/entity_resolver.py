"""EntityResolver: makes every contract entity's value a contract value."""

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu_components.domain_entity_extractor import DomainEntityExtractor
from nlu_components.gazetteer import Gazetteer, load_gazetteer
from nlu_components.patterns import PATTERN_ENTITIES, normalise_pattern
from nlu_components.spans import overlaps

Entity = dict[str, Any]

_RULE_EXTRACTOR = DomainEntityExtractor.__name__
# `amount` is the loan amount (nlu_contract.md): a sum next to other items only
# ("创业补贴的5000元") is about them, not a loan request.
_LOAN_ITEM = "guaranteed_loan"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class EntityResolver(GraphComponent, EntityExtractorMixin):
    """Normalises, de-duplicates and orders the entities of a message.

    Place it last, after DIETClassifier, EntitySynonymMapper and
    DomainEntityExtractor. For an entity of a contract type found by any other
    extractor, the value is normalised from the value or the tagged text, and
    the entity is dropped when that fails or when it overlaps an entity of
    DomainEntityExtractor, which is kept instead. Entities of other types pass
    unchanged.
    """

    @staticmethod
    def required_packages() -> list[str]:
        """Packages needed by the component."""
        return ["cn2an", "yaml"]

    def __init__(self, gazetteer: Gazetteer) -> None:
        """Creates the component.

        Args:
            gazetteer: The alias index used to normalise values.
        """
        self._gazetteer = gazetteer
        self._contract_types: frozenset[str] = PATTERN_ENTITIES.union(source.entity for source in gazetteer.sources)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "EntityResolver":
        """Creates the component (see parent class for full docstring)."""
        return cls(load_gazetteer())

    def process(self, messages: list[Message]) -> list[Message]:
        """Resolves the entities of each message.

        Args:
            messages: Messages whose entities were extracted.

        Returns:
            The same messages with resolved entities, sorted by start.
        """
        for message in messages:
            resolved = self.resolve(message.get(ENTITIES, []), message.get(TEXT) or "")
            message.set(ENTITIES, resolved, add_to_output=True)
        return messages

    def resolve(self, entities: list[Entity], text: str) -> list[Entity]:
        """Resolves a message's entities.

        Args:
            entities: The entities as extracted.
            text: The message text the offsets refer to.

        Returns:
            The resolved entities, sorted by start: one per (type, value), and
            no amount when the message names items but not the loan.
        """
        rule_based = [e for e in entities if e.get(EXTRACTOR) == _RULE_EXTRACTOR]
        resolved = list(rule_based)
        for entity in entities:
            if entity.get(EXTRACTOR) != _RULE_EXTRACTOR:
                kept = self._resolve_model_entity(entity, text, rule_based)
                if kept is not None:
                    resolved.append(kept)
        resolved.sort(key=lambda e: e[ENTITY_ATTRIBUTE_START])
        unique: dict[tuple[Any, ...], Entity] = {}
        for entity in resolved:  # the first mention of a value stands for all of them
            unique.setdefault((entity[ENTITY_ATTRIBUTE_TYPE], entity[ENTITY_ATTRIBUTE_VALUE]), entity)
        return _loan_amounts_only(list(unique.values()))

    def _resolve_model_entity(self, entity: Entity, text: str, rule_based: list[Entity]) -> Entity | None:
        if entity[ENTITY_ATTRIBUTE_TYPE] not in self._contract_types:
            return entity
        if any(_overlap(entity, rule) for rule in rule_based):
            return None
        value = self._normalise(entity, text)
        if value is None:
            return None
        if value == entity[ENTITY_ATTRIBUTE_VALUE]:
            return entity
        return self.add_processor_name({**entity, ENTITY_ATTRIBUTE_VALUE: value})

    def _normalise(self, entity: Entity, text: str) -> str | None:
        entity_type = entity[ENTITY_ATTRIBUTE_TYPE]
        tagged_text = text[entity[ENTITY_ATTRIBUTE_START] : entity[ENTITY_ATTRIBUTE_END]]
        for raw in (str(entity[ENTITY_ATTRIBUTE_VALUE]), tagged_text):
            if entity_type in PATTERN_ENTITIES:
                value = normalise_pattern(entity_type, raw)
            else:
                value = self._gazetteer.normalise(entity_type, raw)
            if value is not None:
                return value
        return None


def _overlap(a: Entity, b: Entity) -> bool:
    return overlaps(
        a[ENTITY_ATTRIBUTE_START],
        a[ENTITY_ATTRIBUTE_END],
        b[ENTITY_ATTRIBUTE_START],
        b[ENTITY_ATTRIBUTE_END],
    )


def _loan_amounts_only(entities: list[Entity]) -> list[Entity]:
    items = {e[ENTITY_ATTRIBUTE_VALUE] for e in entities if e[ENTITY_ATTRIBUTE_TYPE] == "item"}
    if not items or _LOAN_ITEM in items:
        return entities
    return [e for e in entities if e[ENTITY_ATTRIBUTE_TYPE] != "amount"]
