"""DIET's TensorFlow prediction called through its one traced graph, without ``tf.function``'s dispatch per call.

Rasa 3.6 wraps a model's ``predict_step`` in ``tf.function`` with an input signature (``RasaModel._rasa_predict``):
one graph, traced on the first message. Yet every later call goes through ``tf.function``'s generic dispatch again:
the inputs flattened and matched against the signature, a function type built and looked up in the cache, trace
and statistics bookkeeping, before the same graph runs. That dispatch cost about as much of the event loop's CPU
as the graph itself (``docs/benchmarks.md``, "Issue 16, round 4"). :func:`install` (called by
``channels/server.py`` before Rasa starts) replaces a model's prediction function, once it has been traced, with
:class:`KeptPredictStep`: it converts the inputs to tensors as ``tf.function`` does (``convert_to_tensor`` with
the signature's dtype as hint) and runs the traced graph (its ``ConcreteFunction``) with them, which is the call
``tf.function`` ends in, so the outputs are the same. Inputs that do not fit the signature, and functions set to
run eagerly, go through ``tf.function`` as before (and get its errors).
"""

from __future__ import annotations

from typing import Any

import tensorflow as tf
from rasa.utils.tensorflow.models import RasaModel

ORIGINAL = RasaModel._rasa_predict


class KeptPredictStep:
    """A ``tf.function`` with an input signature, called through its traced graph.

    Args:
        function: The ``tf.function`` (``RasaModel._tf_predict_step``), already traced.
    """

    def __init__(self, function: Any) -> None:
        self.function = function
        self.graph = function.get_concrete_function()  # the signature's one graph, as traced by the first call
        self.specs = tf.nest.flatten(function.input_signature)

    def __call__(self, batch_in: Any) -> Any:
        """The traced graph's outputs for ``batch_in`` (``tf.function``'s call when it does not fit)."""
        values = tf.nest.flatten(batch_in)
        if tf.config.functions_run_eagerly() or len(values) != len(self.specs):
            return self.function(batch_in)
        tensors = []
        for value, spec in zip(values, self.specs, strict=True):
            tensor = value if tf.is_tensor(value) else tf.convert_to_tensor(value, dtype_hint=spec.dtype)
            if tensor.dtype != spec.dtype or not spec.shape.is_compatible_with(tensor.shape):
                return self.function(batch_in)
            tensors.append(tensor)
        return self.graph._call_flat(tensors, self.graph.captured_inputs)


def rasa_predict(model: RasaModel, batch_in: Any) -> Any:
    """Rasa's ``_rasa_predict``, its traced prediction function called through :class:`KeptPredictStep`."""
    step = model._tf_predict_step
    if step is not None and not isinstance(step, KeptPredictStep) and getattr(step, "input_signature", None):
        model._tf_predict_step = KeptPredictStep(step)
    return ORIGINAL(model, batch_in)


def install() -> None:
    """Make Rasa's models call their traced prediction graph directly."""
    RasaModel._rasa_predict = rasa_predict
