"""DIET's parse through ``channels/sparse_features.py`` and ``channels/kept_predict_step.py``: Rasa's own results.

A small DIET trained as the pipeline trains it (Jieba, lexical features, a word and a character count vectoriser:
several sparse features of each kind to combine) parses the same messages with Rasa's code and with the two
changes: the same intents, confidences to the last bit, rankings and entities; and the combined features are the
matrices Rasa's chained ``hstack`` builds (same arrays, dtypes, format).
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.featurizers.sparse_featurizer.lexical_syntactic_featurizer import LexicalSyntacticFeaturizer
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.models import RasaModel
from scipy.sparse import coo_matrix, random

from channels import kept_predict_step, sparse_features
from tests.components.conftest import MakeComponent

EXAMPLES = {
    "greet": ["你好", "您好啊", "早上好", "哈喽你好", "你好呀朋友"],
    "goodbye": ["再见", "拜拜", "回头见", "先走了再见", "拜拜啦"],
    "loan": ["创业担保贷款能贷多少", "贷款最多多少钱", "担保贷款怎么申请", "我想贷款开店", "贷款利息多少"],
}
ASKED = ["你好", "创业担保贷款最多能贷多少钱", "那要多久", "拜拜", "贷款", "", "好的谢谢再见", "我想开店"]


@pytest.fixture
def installed() -> Iterator[None]:
    combine, predict = Message._combine_features, RasaModel._rasa_predict
    sparse_features.install()
    kept_predict_step.install()
    yield
    Message._combine_features = staticmethod(combine)  # type: ignore[method-assign]
    RasaModel._rasa_predict = predict  # type: ignore[method-assign]


@pytest.fixture
def parse(make_component: MakeComponent, jieba_tokenizer: JiebaTokenizer, tmp_path: Path) -> Callable[[str], Message]:
    featurizers = [
        make_component(LexicalSyntacticFeaturizer),
        make_component(CountVectorsFeaturizer),
        make_component(CountVectorsFeaturizer, {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3}),
    ]
    data = TrainingData([Message({TEXT: t, INTENT: intent}) for intent, texts in EXAMPLES.items() for t in texts])
    jieba_tokenizer.process_training_data(data)
    for featurizer in featurizers:
        featurizer.train(data)  # type: ignore[attr-defined]
        featurizer.process_training_data(data)  # type: ignore[attr-defined]
    (tmp_path / "diet").mkdir()
    storage, resource = LocalModelStorage(tmp_path / "diet"), Resource("diet")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**DIETClassifier.get_default_config(), "epochs": 1, "ranking_length": 0, "random_seed": 42}
    DIETClassifier.create(config, storage, resource, context).train(data)
    diet = DIETClassifier.load(config, storage, resource, context)

    def parsed(text: str) -> Message:
        message = Message({TEXT: text})
        jieba_tokenizer.process([message])
        for featurizer in featurizers:
            featurizer.process([message])  # type: ignore[attr-defined]
        return diet.process([message])[0]

    return parsed


def results(parse: Callable[[str], Message]) -> list[tuple[Any, ...]]:
    return [
        (message.get(INTENT), message.get(INTENT_RANKING_KEY), message.get(ENTITIES))
        for message in (parse(text) for text in ASKED * 2)  # twice: the kept graph serves the later calls
    ]


def test_diets_intents_confidences_and_entities_are_rasas(parse: Callable[[str], Message]) -> None:
    rasas = results(parse)
    sparse_features.install()
    kept_predict_step.install()
    try:
        ours = results(parse)
    finally:
        Message._combine_features = staticmethod(sparse_features.ORIGINAL)  # type: ignore[method-assign]
        RasaModel._rasa_predict = kept_predict_step.ORIGINAL  # type: ignore[method-assign]
    assert ours == rasas
    assert all(intent and len(ranking) == len(EXAMPLES) for intent, ranking, _ in rasas if intent["name"])


def same(a: Features | None, b: Features | None) -> bool:
    assert a is not None and b is not None
    x, y = a.features, b.features
    arrays = [(x.data, y.data), (x.row, y.row), (x.col, y.col)]
    return (
        type(x) is type(y) is coo_matrix
        and (x.shape, x.dtype, x.row.dtype, x.col.dtype) == (y.shape, y.dtype, y.row.dtype, y.col.dtype)
        and all(np.array_equal(p, q) and p.dtype == q.dtype for p, q in arrays)
        and vars(a).keys() == vars(b).keys()
        and (a.type, a.attribute, a.origin) == (b.type, b.attribute, b.origin)
    )


@pytest.mark.parametrize("rows", [1, 2, 7])
def test_combined_features_are_the_matrices_of_rasas_chained_hstack(rows: int) -> None:
    generator = np.random.default_rng(rows)
    widths = [(12, np.float64), (300, np.float32), (4000, np.float64), (9, np.int64)]
    features = [
        Features(random(rows, width, 0.05, "coo", dtype, generator), "sequence", TEXT, f"f{n}")
        for n, (width, dtype) in enumerate(widths)
    ]
    for count in range(2, len(features) + 1):
        assert same(
            sparse_features.combine_features(features[:count], ["a"]), sparse_features.ORIGINAL(features[:count], ["a"])
        )


def test_other_features_and_errors_go_through_rasas_code(installed: None) -> None:
    sparse = Features(random(2, 5, 0.5, "csr", random_state=1), "sequence", TEXT, "a")
    coo = Features(random(2, 3, 0.5, "coo", random_state=2), "sequence", TEXT, "b")
    combined = Message._combine_features([sparse, coo], ["a", "b"])
    assert (
        combined is not None
        and combined.features.format == sparse_features.ORIGINAL([sparse, coo], ["a", "b"]).features.format
    )
    with pytest.raises(ValueError, match="sequence dimensions do not match"):
        Message._combine_features([coo, Features(random(3, 3, 0.5, "coo", random_state=3), "sequence", TEXT, "c")], [])
    single = Message._combine_features([coo], ["b"])
    assert single is not None and single.features is not coo.features
    assert np.array_equal(single.features.toarray(), coo.features.toarray())
