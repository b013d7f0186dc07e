"""The items' everyday names, read from the item gazetteer (``nlu_data/gazetteer/item.yml``), the one source."""

from functools import cache
from pathlib import Path

from actions.conversation.odd_input import CJK
from nlu_components.gazetteer import EntityAliases, read_entity_file

ITEM_GAZETTEER = Path(__file__).resolve().parents[2] / "nlu_data" / "gazetteer" / "item.yml"


@cache
def item_aliases() -> EntityAliases:
    """The item gazetteer (every way users write each item, and the words accepted only in context), read once."""
    return read_entity_file(ITEM_GAZETTEER)


@cache
def _item_words() -> dict[str, str]:
    return {code: next((a for a in aliases if CJK.search(a)), code) for code, aliases in item_aliases().values.items()}


def item_word(code: str) -> str:
    """The everyday name of an item (the first way users write it in the item gazetteer), e.g. 营业执照."""
    return _item_words().get(code, code)
