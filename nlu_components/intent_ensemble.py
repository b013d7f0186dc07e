"""An intent classifier that blends DIET with a logistic regression on the same features.

DIET and a linear model over the pipeline's sparse word and character n-gram
features make different mistakes on short, colloquial Chinese messages; the
weighted mean of their probabilities is measurably better than either
(`make bench` prints the figures). Place it directly after DIETClassifier.
"""

import logging
from typing import Any

import numpy as np
import numpy.typing as npt
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix, csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression
from sklearn.utils.extmath import safe_sparse_dot, softmax

from channels.sparse_features import stack

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class IntentEnsembleClassifier(IntentClassifier, GraphComponent):
    """Blend the previous classifier's intent ranking with a logistic regression."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Weight of the previous classifier (DIET) and the regression's settings."""
        return {"previous_weight": 0.5, "c": 10.0, "max_iter": 1000, "ranking_length": 10}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classifier: LogisticRegression | None = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.classifier = classifier
        self._weights: npt.NDArray[np.float64] | None = None  # the regression's coefficients transposed, kept C-ordered
        self._names: list[str] = []  # its classes as Python strings
        self._keep_weights()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "IntentEnsembleClassifier":
        """Create an untrained classifier."""
        return cls(config, model_storage, resource)

    @staticmethod
    def _sentence_features(message: Message) -> csr_matrix | None:
        """The message's sentence-level sparse features (sum of its n-gram counts), every featurizer's side by side.

        The same matrix as ``message.get_sparse_features(TEXT)[1].features`` (same featurizers, same order), built
        with one ``hstack``: Rasa's getter also combines the sequence features and deep-copies the first of each
        kind, which cost more than the regression itself on every message. COO blocks (every sparse featurizer's)
        are stacked in one step into the matrix ``hstack`` builds (:func:`channels.sparse_features.stack`, then
        the same conversion to CSR). Empty text has no tokens and so no features (None): the previous classifier's
        answer stands.
        """
        parts = [
            feature.features
            for feature in message.features
            if feature.attribute == TEXT and feature.is_sparse() and feature.type == FEATURE_TYPE_SENTENCE
        ]
        if not parts:
            return None
        if all(type(part) is coo_matrix for part in parts) and len({part.shape[0] for part in parts}) == 1:
            return stack(parts).tocsr()
        return hstack(parts, format="csr")

    @classmethod
    def _featured(cls, messages: list[Message]) -> tuple[list[Message], csr_matrix | None]:
        """The messages that have features, and their features one row each."""
        rows = [(message, cls._sentence_features(message)) for message in messages]
        kept = [(message, row) for message, row in rows if row is not None]
        if not kept:
            return [], None
        rows = [row for _, row in kept]
        return [message for message, _ in kept], rows[0] if len(rows) == 1 else vstack(rows).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the regression on the training examples and persist it."""
        examples, features = self._featured([m for m in training_data.intent_examples if m.get(INTENT)])
        if features is None:
            return self._resource
        self.classifier = LogisticRegression(
            C=self.config["c"], max_iter=self.config["max_iter"], class_weight="balanced", random_state=42
        )
        self.classifier.fit(features, [m.get(INTENT) for m in examples])
        self._keep_weights()
        self.persist()
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        """Replace each message's intent and ranking with the blended ones."""
        if self.classifier is None:
            return messages
        featured, features = self._featured(messages)
        if features is None:
            return messages
        probabilities = self._probabilities(features)
        weight = self.config["previous_weight"]
        for message, row in zip(featured, probabilities.tolist(), strict=True):
            previous = {entry["name"]: entry["confidence"] for entry in message.get(INTENT_RANKING_KEY) or []}
            blended = {
                intent: weight * previous.get(intent, 0.0) + (1 - weight) * probability
                for intent, probability in zip(self._names, row, strict=True)
            }
            ordered = sorted(blended.items(), key=lambda kv: -kv[1])
            ranking = [{"name": name, "confidence": score} for name, score in ordered]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[: self.config["ranking_length"]], add_to_output=True)
        return messages

    def _probabilities(self, features: csr_matrix) -> npt.NDArray[np.float64]:
        """``predict_proba`` of the regression: for a multinomial one, its own steps without its checks and copies.

        scikit-learn multiplies the features by ``coef_.T``, a transposed view that scipy copies into a C-ordered
        array on every call (all coefficients, far more work than the product itself); the same product with the
        coefficients kept C-ordered (:meth:`_keep_weights`), plus ``intercept_``, then ``softmax`` is exactly
        ``predict_proba``'s result. One-vs-rest regressions, features of another width (scikit-learn's error)
        and non-finite values go through ``predict_proba``.
        """
        classifier = self.classifier
        assert classifier is not None  # process() answers without it
        weights = self._weights
        if weights is None or features.shape[1] != weights.shape[0] or not np.isfinite(features.data).all():
            return classifier.predict_proba(features)
        return softmax(safe_sparse_dot(features, weights, dense_output=True) + classifier.intercept_, copy=False)

    def _keep_weights(self) -> None:
        """Keep the transposed coefficients C-ordered when ``predict_proba`` is a softmax over them (multinomial)."""
        classifier = self.classifier
        if classifier is None:
            return
        self._names = [str(name) for name in classifier.classes_]
        one_vs_rest = classifier.multi_class in ("ovr", "warn") or (
            classifier.multi_class == "auto" and (classifier.classes_.size <= 2 or classifier.solver == "liblinear")
        )
        self._weights = None if one_vs_rest else np.ascontiguousarray(classifier.coef_.T)

    def persist(self) -> None:
        """Write the fitted regression with skops (no pickle)."""
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(self.classifier, directory / "intent_ensemble.skops")

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "IntentEnsembleClassifier":
        """Load the fitted regression; an untrained one when there is none."""
        import skops.io as sio

        try:
            with model_storage.read_from(resource) as directory:
                path = directory / "intent_ensemble.skops"
                classifier = sio.load(path, trusted=sio.get_untrusted_types(file=path))
        except ValueError:
            logger.debug("No trained intent ensemble in %s; using the previous classifier alone.", resource.name)
            return cls.create(config, model_storage, resource, execution_context)
        return cls(config, model_storage, resource, classifier)
