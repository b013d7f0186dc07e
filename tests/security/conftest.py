"""Security tests: attacks replayed against the real stack started the way `make run` starts it."""

from tests.live_stack import stack

__all__ = ["stack"]
