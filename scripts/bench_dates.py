"""Rasa environment (`.venv-rasa`): Chinese date parsers on the date case table.

Thin entry point of :mod:`bench.dates`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from bench.dates import main

if __name__ == "__main__":
    main()
