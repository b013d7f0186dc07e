"""The service's OpenAPI document does not change unnoticed (issue 10: the move into wings changes no behaviour).

``openapi_snapshot.json`` holds the document as it was before the move: every path, method, parameter, request
body, response and schema. Only the free-text ``description`` entries (from docstrings: of routes, models and
fields) are left out of the comparison: they are prose about the code, not the contract, and several people edit
them. A route or schema added or changed on purpose updates the snapshot in the same commit::

    .venv/bin/python -m tests.service.test_openapi_snapshot
"""

import difflib
import json
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).with_name("openapi_snapshot.json")
MAX_DIFF_LINES = 200


def contract_of(document: Any) -> Any:
    """The comparable part of an OpenAPI document: everything but its ``description`` texts.

    Args:
        document: The document as ``FastAPI.openapi()`` returns it (or a part of it).

    Returns:
        A copy without any ``description`` entry whose value is text (a property named ``description`` stays).
    """
    if isinstance(document, dict):
        return {
            key: contract_of(value)
            for key, value in document.items()
            if not (key == "description" and isinstance(value, str))
        }
    if isinstance(document, list):
        return [contract_of(value) for value in document]
    return document


def render(document: dict[str, Any]) -> str:
    """The document as stable, diff-friendly JSON text (sorted keys, one value per line)."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def live_document() -> dict[str, Any]:
    """The comparable OpenAPI document of the application as the code builds it now."""
    from bundle_service.main import app

    document: dict[str, Any] = contract_of(app.openapi())
    return document


def test_openapi_document_matches_the_snapshot() -> None:
    expected = SNAPSHOT.read_text(encoding="utf-8")
    actual = render(live_document())
    if actual == expected:
        return
    diff = list(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "openapi_snapshot.json", "live app", lineterm="", n=2
        )
    )
    shown = "\n".join(diff[:MAX_DIFF_LINES])
    more = f"\n… {len(diff) - MAX_DIFF_LINES} more diff lines" if len(diff) > MAX_DIFF_LINES else ""
    raise AssertionError(
        "The service's OpenAPI document differs from tests/service/openapi_snapshot.json.\n"
        "If the change is intended, regenerate it: .venv/bin/python -m tests.service.test_openapi_snapshot\n"
        f"{shown}{more}"
    )


def test_snapshot_covers_the_api() -> None:
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    paths = snapshot["paths"]
    assert "/api/v1/applications" in paths and "post" in paths["/api/v1/applications"]
    assert "/health" in paths
    assert all(path == "/health" or path.startswith("/api/v1/") for path in paths)
    assert {"ApplicationIn", "ApplicationOut", "ErrorOut"} <= set(snapshot["components"]["schemas"])


if __name__ == "__main__":
    SNAPSHOT.write_text(render(live_document()), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
