"""IntentEnsembleClassifier: blends the previous ranking with its regression, survives empty text."""

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import hstack

from nlu_components.intent_ensemble import IntentEnsembleClassifier
from tests.components.conftest import MakeComponent

EXAMPLES = {
    "greet": ["你好", "您好啊", "早上好", "哈喽你好", "你好呀朋友"],
    "goodbye": ["再见", "拜拜", "回头见", "先走了再见", "拜拜啦"],
}


@pytest.fixture
def trained(make_component: MakeComponent, jieba_tokenizer: JiebaTokenizer, tmp_path: Path):
    featurizer = make_component(CountVectorsFeaturizer, {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 2})
    data = TrainingData([Message({TEXT: t, INTENT: intent}) for intent, texts in EXAMPLES.items() for t in texts])
    jieba_tokenizer.process_training_data(data)
    featurizer.train(data)
    featurizer.process_training_data(data)
    (tmp_path / "ensemble").mkdir()
    storage, resource = LocalModelStorage(tmp_path / "ensemble"), Resource("ensemble")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**IntentEnsembleClassifier.get_default_config(), "previous_weight": 0.5}
    IntentEnsembleClassifier.create(config, storage, resource, context).train(data)
    loaded = IntentEnsembleClassifier.load(config, storage, resource, context)

    def parse(text: str, previous: dict[str, float]) -> Message:
        message = Message({TEXT: text})
        jieba_tokenizer.process([message])
        featurizer.process([message])
        ranking = [{"name": name, "confidence": value} for name, value in previous.items()]
        message.set(INTENT, ranking[0] if ranking else None)
        message.set(INTENT_RANKING_KEY, ranking)
        loaded.process([message])
        return message

    return parse


def test_the_persisted_regression_overrules_a_weak_previous_guess(trained) -> None:
    message = trained("拜拜了", {"greet": 0.55, "goodbye": 0.45})
    assert message.get(INTENT)["name"] == "goodbye"
    ranking = message.get(INTENT_RANKING_KEY)
    assert [entry["name"] for entry in ranking] == ["goodbye", "greet"]
    assert sum(entry["confidence"] for entry in ranking) == pytest.approx(1.0)


def test_empty_text_keeps_the_previous_answer(trained) -> None:
    message = trained("", {"greet": 0.6, "goodbye": 0.4})
    assert message.get(INTENT) == {"name": "greet", "confidence": 0.6}


def featured(
    make_component: MakeComponent, jieba_tokenizer: JiebaTokenizer, intents: dict[str, list[str]], max_ngram: int
) -> tuple[CountVectorsFeaturizer, CountVectorsFeaturizer, TrainingData]:
    """Word and character count featurizers trained on ``intents``' examples, and those examples featurized."""
    words = make_component(CountVectorsFeaturizer, {})
    chars = make_component(CountVectorsFeaturizer, {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": max_ngram})
    data = TrainingData([Message({TEXT: t, INTENT: intent}) for intent, texts in intents.items() for t in texts])
    jieba_tokenizer.process_training_data(data)
    for featurizer in (words, chars):
        featurizer.train(data)
        featurizer.process_training_data(data)
    return words, chars, data


def test_the_regression_reads_every_featurizers_sentence_features_as_rasa_combines_them(
    make_component: MakeComponent, jieba_tokenizer: JiebaTokenizer
) -> None:
    words, chars, _ = featured(make_component, jieba_tokenizer, EXAMPLES, max_ngram=2)
    message = Message({TEXT: "你好再见朋友"})
    jieba_tokenizer.process([message])
    words.process([message])
    chars.process([message])
    expected = message.get_sparse_features(TEXT)[1].features.toarray()
    assert (IntentEnsembleClassifier._sentence_features(message).toarray() == expected).all()
    assert expected.sum() > 0


THREE = {**EXAMPLES, "thank": ["谢谢", "多谢你", "谢谢啦朋友", "太感谢了", "感谢帮忙"]}


@pytest.mark.parametrize("intents", [EXAMPLES, THREE], ids=["one-vs-rest", "multinomial"])
def test_the_blend_is_scikit_learns_predict_proba_to_the_last_bit(
    make_component: MakeComponent, jieba_tokenizer: JiebaTokenizer, tmp_path: Path, intents: dict[str, list[str]]
) -> None:
    words, chars, data = featured(make_component, jieba_tokenizer, intents, max_ngram=3)
    (tmp_path / "ensemble").mkdir()
    storage, resource = LocalModelStorage(tmp_path / "ensemble"), Resource("ensemble")
    context = ExecutionContext(GraphSchema({}), "test")
    config = IntentEnsembleClassifier.get_default_config()
    IntentEnsembleClassifier.create(config, storage, resource, context).train(data)
    loaded = IntentEnsembleClassifier.load(config, storage, resource, context)
    assert (loaded._weights is None) == (len(intents) == 2)  # a softmax of its own only for a multinomial one
    previous = {name: 1 / len(intents) for name in intents}
    for text in ["你好再见朋友", "谢谢你拜拜", "早上好啊", "多谢", "完全无关的话"]:
        message = Message({TEXT: text})
        jieba_tokenizer.process([message])
        for featurizer in (words, chars):
            featurizer.process([message])
        stacked = hstack([f.features for f in message.features if f.type == "sentence"], format="csr")
        features = IntentEnsembleClassifier._sentence_features(message)
        for name in ("data", "indices", "indptr"):
            assert getattr(features, name).tolist() == getattr(stacked, name).tolist()
            assert getattr(features, name).dtype == getattr(stacked, name).dtype
        probabilities = loaded.classifier.predict_proba(stacked)[0]
        expected = sorted(
            (
                (str(n), 0.5 * previous[n] + 0.5 * float(p))
                for n, p in zip(loaded.classifier.classes_, probabilities, strict=False)
            ),
            key=lambda kv: -kv[1],
        )
        message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in previous.items()])
        loaded.process([message])
        assert [(e["name"], e["confidence"]) for e in message.get(INTENT_RANKING_KEY)] == expected
