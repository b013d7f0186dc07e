"""Service environment (`.venv`; stdlib only): chat with the running assistant in a terminal (`make chat`).

Thin entry point of :mod:`devtools.chat`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from devtools.chat import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except (EOFError, KeyboardInterrupt):
        print()
