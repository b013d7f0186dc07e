"""Service environment (`.venv`): fine-tune the embedding model on the FAQ's own pairs (an experiment).

Thin entry point of :mod:`devtools.finetune_embedding`; arguments are passed on (``--help`` lists them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, whose packages it imports

from devtools.finetune_embedding import main

if __name__ == "__main__":
    main()
