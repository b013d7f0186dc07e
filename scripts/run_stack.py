"""Service environment (`.venv`; stdlib only, `.venv-rasa` works too): start the stack (`make run`).

Starts Rasa, the action server and the bundle service, waits until each is healthy and stops them cleanly.
Thin entry point of :mod:`devtools.run_stack`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from devtools.run_stack import main

if __name__ == "__main__":
    sys.exit(main())
