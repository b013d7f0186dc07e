"""Security tests: attacks replayed against the real stack started the way `make run` starts it."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Register ``last``: tests that read what the whole run left behind (the logs)."""
    config.addinivalue_line("markers", "last: run after every other security test")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the tests marked ``last`` to the end, keeping the order of the rest."""
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)
