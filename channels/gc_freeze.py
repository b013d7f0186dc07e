"""The loaded model's objects moved out of the garbage collector's way once the model is loaded.

A loaded Rasa model holds a great many long-lived Python objects (TensorFlow's graph, the rule policy's lookup,
the domain, featurizer vocabularies). Python's cyclic collector walks all of them in every full (oldest
generation) collection, and a turn allocates enough short-lived objects (events, slots, trackers rebuilt from the
store) to trigger one every so often: 2.4 ms per turn of the Rasa process's CPU, on average, went to those walks
(``docs/benchmarks.md``, "Issue 16, round 2"). :func:`install` (called by ``channels/server.py`` before Rasa
starts) makes every model load end with ``gc.collect()`` and ``gc.freeze()``: what exists then is kept out of
later collections, which walk only what turns created. Objects of a model replaced by a later load (``PUT
/model``) that only a reference cycle kept alive are then not freed: one model's worth per replacement, which
``rasa run`` does not do by itself.
"""

from __future__ import annotations

import functools
import gc
from typing import Any

from rasa.core.agent import Agent

ORIGINAL = Agent.load_model


@functools.wraps(ORIGINAL)
def load_model(self: Agent, *args: Any, **kwargs: Any) -> None:
    """``Agent.load_model``, then the loaded objects frozen out of later garbage collections."""
    ORIGINAL(self, *args, **kwargs)
    gc.collect()
    gc.freeze()


def install() -> None:
    """Make ``Agent.load_model`` (every model load of ``rasa run``) freeze what it loaded."""
    Agent.load_model = load_model
