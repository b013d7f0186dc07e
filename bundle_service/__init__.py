"""The bundle service: applications, department tasks, knowledge and admin (FastAPI)."""

from bundle_service.core.openmp import fix_openmp_threads

fix_openmp_threads()  # before anything imports torch (through spaCy): OpenMP reads it only once
