"""Service environment (`.venv`; stdlib only): a local fake of WeChat's code2Session (H5 dev login).

Thin entry point of :mod:`devtools.fake_code2session`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from devtools.fake_code2session import main

if __name__ == "__main__":
    main()
