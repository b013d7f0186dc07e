"""Read-only access to the bundle's item catalogue."""

from fastapi import APIRouter

from bundle_service.applications.catalog import Item, load_items
from bundle_service.core.errors import NotFound

router = APIRouter(prefix="/items", tags=["items"])


@router.get("")
def list_items() -> list[Item]:
    """List the 8 items of the bundle in their official order."""
    return list(load_items().values())


@router.get("/{code}")
def get_item(code: str) -> Item:
    """Return one item by its contract code.

    Raises:
        NotFound: 404 ``item_unknown``, naming the known codes, when ``code`` is not one of them.
    """
    items = load_items()
    if code not in items:
        known = "、".join(items)
        raise NotFound(f"没有事项代码“{code}”，可用的代码：{known}。", code="item_unknown")
    return items[code]
