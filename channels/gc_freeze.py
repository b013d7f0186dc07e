"""The loaded model's objects moved out of the garbage collector's way once the model is loaded.

A loaded Rasa model holds a great many long-lived Python objects (TensorFlow's graph, the rule policy's lookup,
the domain, featurizer vocabularies). Python's cyclic collector walks all of them in every full (oldest
generation) collection, and a turn allocates enough short-lived objects (events, slots, trackers rebuilt from the
store) to trigger one every so often: 2.4 ms per turn of the Rasa process's CPU, on average, went to those walks
(``docs/benchmarks.md``, "Issue 16, round 2"). :func:`install` (called by ``channels/server.py`` before Rasa
starts) makes every model load end with ``gc.collect()`` and ``gc.freeze()``: what exists then is kept out of
later collections, which walk only what turns created. It then collects the youngest generation after 20,000 net
allocations instead of Python's 700: a turn's objects are freed by their reference counts when the turn ends, but
at 700 a collection ran about every second turn in the middle of one, walked its live objects and moved them to
the next generation, whose collections then walked them again: 0.43 ms per turn of the Rasa process at 16 users,
0.03 ms at 20,000 (``docs/benchmarks.md``, "Issue 16, round 6"). Only garbage in reference cycles waits longer to
be freed. Objects of a model replaced by a later load (``PUT
/model``) that only a reference cycle kept alive are then not freed: one model's worth per replacement, which
``rasa run`` does not do by itself.
"""

from __future__ import annotations

import functools
import gc
from typing import Any

from rasa.core.agent import Agent

ORIGINAL = Agent.load_model
YOUNG_THRESHOLD = 20_000  # net allocations between collections of the youngest generation (Python: 700)


@functools.wraps(ORIGINAL)
def load_model(self: Agent, *args: Any, **kwargs: Any) -> None:
    """``Agent.load_model``, then the loaded objects frozen out of later garbage collections, collected less often."""
    ORIGINAL(self, *args, **kwargs)
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def install() -> None:
    """Make ``Agent.load_model`` (every model load of ``rasa run``) freeze what it loaded."""
    Agent.load_model = load_model
