"""Service environment (`.venv`): reply latency of policy questions through the bot, one user (`make bench`).

Thin entry point of :mod:`bench.knowledge_replies`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from bench.knowledge_replies import main

if __name__ == "__main__":
    sys.exit(main())
