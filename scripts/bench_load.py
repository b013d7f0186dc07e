"""Service environment (`.venv`): load tests with Locust on the default and the scaled topology (`make bench`).

Thin entry point of :mod:`bench.load`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from bench.load import main

if __name__ == "__main__":
    sys.exit(main())
