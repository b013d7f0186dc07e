"""OpenMP is told its thread count before spaCy's import loads torch (bundle_service/core/openmp.py)."""

import os
import subprocess
import sys

from bundle_service.core.config import ROOT_DIR
from bundle_service.core.openmp import fix_openmp_threads


def test_the_embedding_thread_count_becomes_openmps() -> None:
    environ = {"BUNDLE_EMBEDDING_THREADS": "2"}
    fix_openmp_threads(environ)
    assert environ["OMP_NUM_THREADS"] == "2"
    assert environ["OMP_WAIT_POLICY"] == "PASSIVE"


def test_one_thread_by_default_and_an_operators_setting_is_kept() -> None:
    default: dict[str, str] = {}
    fix_openmp_threads(default)
    assert default["OMP_NUM_THREADS"] == "1"
    operator = {"OMP_NUM_THREADS": "4", "OMP_WAIT_POLICY": "ACTIVE"}
    fix_openmp_threads(operator)
    assert operator == {"OMP_NUM_THREADS": "4", "OMP_WAIT_POLICY": "ACTIVE"}


def test_the_knowledge_package_loads_torch_with_one_thread() -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "BUNDLE_EMBEDDING"))}
    code = "import bundle_service.knowledge.chunking, torch; print(torch.get_num_threads())"
    shown = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT_DIR, env=environ, capture_output=True, text=True, check=True
    )
    assert shown.stdout.split()[-1] == "1"  # unset, torch takes every core and the embedding pays 4× its CPU
