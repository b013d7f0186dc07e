"""Which items a message chooses for the one form: named, added, removed, all eight, and the partners filed together.

"贷15万" chooses the loan though the item is not named; registration and the taxpayer confirmation go together.
"""

import re

from actions.form_guard import is_question
from actions.form_labels import loan_named
from contract.labels import ITEM_NAMES, ITEMS_FILED_TOGETHER

ADD_ITEMS = re.compile(
    r"加上|再加|还要|增加|也要|也申请|一起办|另外|再(?:上|报|办|申请|弄|要)个?|顺便(?:把|办|申请|报|弄)?|也想|还想|还得"
)
REMOVE_ITEMS = re.compile(
    r"不要|去掉|删掉|删了|删除|不办|不申请|取消|不参加|不用|不需要|不弄|不搞|拿掉|划掉|减掉|撤掉|去了|先不|算了|免了"
)
ALL_ITEMS = re.compile(r"全部|都要|都办|全都|8个|八个|所有")


def items_named(text: str, entities: list[str], current: list[str] | None, requested: str | None) -> list[str] | None:
    """The items the message chooses: named (or "贷15万" for the loan), added to, removed from or "全部".

    Args:
        text: The message.
        entities: The item codes the NLU found in it.
        current: The items chosen so far.
        requested: The step asked.

    Returns:
        The new list of items (empty when the only items chosen are removed), or ``None`` when the message
        changes nothing.
    """
    named = list(dict.fromkeys(entities))
    if not named and not current and requested in ("application_items", None) and loan_named(text):
        named = ["guaranteed_loan"]  # "贷15万": the loan, though the item is not named
    if ALL_ITEMS.search(text) and requested == "application_items":
        return list(ITEM_NAMES)
    if not named:
        return None
    if current and REMOVE_ITEMS.search(text) and not is_question(text):  # not "贷款不用抵押吗"
        return [code for code in current if code not in named]  # "贷款不要了": that item, not the application
    if current and ADD_ITEMS.search(text):
        return list(dict.fromkeys([*current, *named]))
    return named if requested in ("application_items", None) or not current else None


def complete_items(items: list[str]) -> tuple[list[str], str | None]:
    """Add the partners of an item that must go with others (registration ↔ taxpayer confirmation)."""
    added: list[str] = []
    notes: list[str] = []
    for group in ITEMS_FILED_TOGETHER:
        missing = [code for code in group if code not in items]
        if missing and len(missing) < len(group):
            added += missing
            names = "和".join(ITEM_NAMES[code] for code in group)
            notes.append(f"{names}须一并办理，已为您加上“{'、'.join(ITEM_NAMES[code] for code in missing)}”。")
    return ([*items, *added], "".join(notes)) if added else (items, None)
