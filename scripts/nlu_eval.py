"""Rasa environment (`.venv-rasa`): a trained model's NLU on the held-out split.

Thin entry point of :mod:`bench.nlu_eval`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from bench.nlu_eval import main

if __name__ == "__main__":
    sys.exit(main())
