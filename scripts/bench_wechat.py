"""Rasa environment (`.venv-rasa`): WeChat push acknowledgement while the bot is busy (`make bench`).

Thin entry point of :mod:`bench.wechat_push`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from bench.wechat_push import main

if __name__ == "__main__":
    sys.exit(main())
