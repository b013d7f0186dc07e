"""Read-only access to the bundle's item catalogue."""

from fastapi import APIRouter, HTTPException

from bundle_service.catalog import Item, load_items

router = APIRouter(prefix="/api/v1/items", tags=["items"])


@router.get("")
def list_items() -> list[Item]:
    """List the 8 items of the bundle in their official order."""
    return list(load_items().values())


@router.get("/{code}")
def get_item(code: str) -> Item:
    """Return one item by its contract code.

    Raises:
        HTTPException: 404 with the known codes when ``code`` is not one of them.
    """
    items = load_items()
    if code not in items:
        known = ", ".join(items)
        raise HTTPException(status_code=404, detail=f"unknown item code '{code}'; known codes: {known}")
    return items[code]
