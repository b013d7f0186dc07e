"""Fixtures every test folder may use: ``stack``, the real stack of ``tests/live_stack.py``.

Defined once here so that the folders run in one pytest call (security, conversations) share one stack.
"""

from tests.live_stack import stack

__all__ = ["stack"]
