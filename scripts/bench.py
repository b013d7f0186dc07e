"""Rasa environment (`.venv-rasa`): the Chinese pipeline against stock Rasa (`make bench`).

Training time, NLU quality, parse latency and REST throughput.
Thin entry point of :mod:`bench.assistant`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from bench.assistant import main

if __name__ == "__main__":
    sys.exit(main())
