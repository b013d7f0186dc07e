"""The bundle service: applications, department tasks, knowledge and admin (FastAPI)."""
