"""Rasa environment (`.venv-rasa`): regenerate the NLU resources from the gazetteer (`make nlu-resources`).

Synonyms, lookups, regexes and Jieba's dictionary; ``--check`` (`make validate`) only reports stale files.
Thin entry point of :mod:`devtools.nlu_resources`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from devtools.nlu_resources import main

if __name__ == "__main__":
    sys.exit(main())
