"""Shared fixtures: build Rasa graph components the way the recipe does."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer

from contract.labels import CHOICE_LABELS, ITEM_NAMES
from nlu_components.gazetteer import Gazetteer, load_gazetteer

ROOT = Path(__file__).resolve().parents[2]

# The contract's normalised values (shared/spec/nlu_contract.md), from their one source, contract/labels.json.
CONTRACT_VALUES = {
    "item": set(ITEM_NAMES),
    "person_category": set(CHOICE_LABELS["person_category"]),
    "business_type": set(CHOICE_LABELS["business_type"]),
}

MakeComponent = Callable[..., GraphComponent]


@pytest.fixture
def make_component(tmp_path: Path) -> MakeComponent:
    """Creates a component from its default config updated with the given one."""

    def make(cls: type[GraphComponent], config: dict[str, Any] | None = None) -> GraphComponent:
        return cls.create(
            {**cls.get_default_config(), **(config or {})},
            LocalModelStorage(tmp_path),
            Resource(cls.__name__),
            ExecutionContext(GraphSchema({}), "test"),
        )

    return make


@pytest.fixture
def jieba_tokenizer(make_component: MakeComponent) -> JiebaTokenizer:
    """A JiebaTokenizer with the project's dictionary, as config.yml uses it."""
    return make_component(JiebaTokenizer, {"dictionary_path": str(ROOT / "nlu_data" / "jieba")})


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The project's gazetteer."""
    return load_gazetteer()
