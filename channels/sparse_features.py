"""A message's sparse features of one kind stacked side by side in one step, not one ``scipy.sparse.hstack`` each.

DIET reads a message's sequence and sentence features (``Message.get_sparse_features``), and Rasa 3.6 combines
those of the pipeline's featurizers (regex, lexical, two count vectorisers) one after another: a deep copy of the
first, then ``scipy.sparse.hstack`` with each further one, every step converting both blocks to COO again and
building a new matrix with its checks (``Message._combine_features``): about seven stacks per parse, the largest
share of DIET's own work besides TensorFlow (``docs/benchmarks.md``, "Issue 16, round 4"). :func:`install`
(called by ``channels/server.py`` before Rasa starts) stacks all COO blocks at once into the same matrix those
steps build: the same data, row and column arrays in the same order, the same dtypes (``upcast`` of the blocks'
data, the index type for the final shape), a COO matrix as ``hstack`` returns it. Anything else (one feature,
dense or other sparse formats, mismatched rows: Rasa's own error) goes through Rasa's code.
"""

from __future__ import annotations

import numpy as np
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import coo_matrix
from scipy.sparse._sputils import get_index_dtype, upcast

ORIGINAL = Message._combine_features


def stack(matrices: list[coo_matrix]) -> coo_matrix:
    """COO blocks with the same rows side by side: what chained ``scipy.sparse.hstack`` calls return."""
    widths = [matrix.shape[1] for matrix in matrices]
    shape = (matrices[0].shape[0], sum(widths))
    dtype = upcast(*[matrix.dtype for matrix in matrices])
    index = get_index_dtype(maxval=max(shape))
    offsets = np.cumsum([0, *widths[:-1]])
    data = np.concatenate([matrix.data for matrix in matrices]).astype(dtype, copy=False)
    row = np.concatenate([matrix.row for matrix in matrices]).astype(index, copy=False)
    col = np.concatenate(
        [np.add(matrix.col, offset, dtype=index) for matrix, offset in zip(matrices, offsets, strict=True)]
    )
    return coo_matrix((data, (row, col)), shape=shape)


def combine_features(features: list[Features], featurizers: list[str]) -> Features | None:
    """Rasa's ``Message._combine_features``: the features side by side, named after ``featurizers``."""
    if len(features) < 2 or not all(type(feature.features) is coo_matrix for feature in features):
        return ORIGINAL(features, featurizers)
    rows = features[0].features.shape[0]
    if any(feature.features.shape[0] != rows for feature in features):
        return ORIGINAL(features, featurizers)  # Rasa's error
    first = features[0]
    return Features(stack([feature.features for feature in features]), first.type, first.attribute, featurizers)


def install() -> None:
    """Make Rasa combine a message's COO features in one stack."""
    setattr(Message, "_combine_features", staticmethod(combine_features))  # noqa: B010 (a private static method)
