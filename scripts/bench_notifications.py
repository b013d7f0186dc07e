"""Service environment (`.venv`): how fast one worker drains the notifications outbox (`make bench`).

Thin entry point of :mod:`bench.notifications_drain`; ``--count`` sets how many notifications.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from bench.notifications_drain import main

if __name__ == "__main__":
    sys.exit(main())
