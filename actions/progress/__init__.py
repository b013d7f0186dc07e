"""Progress of a filed application (``progress_form``).

Verification, the per-department result and follow-ups on it.
"""
