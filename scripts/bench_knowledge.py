"""Service environment (`.venv`): knowledge-base retrieval, models and hybrids (`make bench`).

Thin entry point of :mod:`bench.knowledge`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from bench.knowledge import main

if __name__ == "__main__":
    main()
