"""Which items a message chooses for the one form: named, added, removed, all eight, and the partners filed together.

"贷15万" chooses the loan though the item is not named; registration and the taxpayer confirmation go together.
"""

import re
from typing import Any

from actions.application.form_guard import is_question
from actions.application.form_money import LOAN_WORDS
from contract.labels import ITEM_NAMES, ITEMS_FILED_TOGETHER

ADD_ITEMS = re.compile(
    r"加上|再加|还要|增加|也要|也申请|一起办|一起(?:弄|搞|申请)|一并|一块儿?(?:办|弄|申请)|另外"
    r"|再(?:上|报|办|申请|弄|要)个?|顺便(?:把|办|申请|报|弄)?|也想|还想|还得"
    r"|加(?:一个|个|一项|一下|进去|进来)|添(?:一个|个|一项|上|加)|[帮给]我加"
)
# A wish to apply said with items at a later step ("要申请执照跟创业证"): items not chosen yet are added.
APPLY_VERB = re.compile(r"要申请|想申请|申请一下|我要办|想办|要办理|帮我办|顺带办|一块办|一起申请")
# A clause opening with the verb, as in a list said again after "全部重来" ("…，办营业执照和入驻孵化基地").
CLAUSE_APPLY = re.compile(r"(?:^|[，,。；;\s])(?:办|申请|办理)(?=[\u4e00-\u9fff])")
REMOVE_ITEMS = re.compile(
    r"不要|去掉|删掉|删了|删除|不办|不申请|取消|不参加|不用|不需要|不弄|不搞|拿掉|划掉|减掉|撤掉|去了|先不|算了|免了"
)
ALL_ITEMS = re.compile(r"全部|都要|都办|全都|8个|八个|所有")
# "都办/都要" with items named means those items ("执照、培训都办"); these words mean every item whatever is named.
EVERY_ITEM = re.compile(r"全部|所有|8个|八个|8项|八项|8样|八样")
# "只要Y和Z", "就办Y": the items kept are exactly these; "换成Y", "改成Y": Y instead of what was removed.
ONLY_ITEMS = re.compile(r"只要|只办|只申请|只报|就办|就要|只留|留下")
# "就这两样", "就这些", "没别的了": the items chosen are all, said at a later step (nothing to store, no answer).
THESE_ONLY = re.compile(
    r"^(?:对[，,]?|嗯[，,]?|是的?[，,]?)?(?:就|只)(?:要|办|申请)?(?:这|那)(?:两|俩|三|几|些|么多)(?:样|个|项|种|件)?(?:事项)?"
    r"(?:吧|了|就行|就够了?|就可以了?|够了)?[。!！.]*$|^(?:没有?|没)(?:别的|其他|其它)(?:的)?(?:事项)?了?[。!！.]*$"
)
SWAP_ITEMS = re.compile(r"换成|改成|改为|换为|改办|换个")
# After a removal in the same message, a clause that only wants an item ("不要培训了 要营业执照"): that item instead.
INSTEAD = re.compile(r"^(?:我|那|那就|就|还是)?(?:要|办|申请|弄)(?!不)")
# Where one change of the items ends and the next starts ("X先不要了，只要Y和Z", "X不要了换成Y").
CHANGE_CLAUSES = re.compile(r"[，,。；;！!\s]+|(?=换成|改成|改为|只要|只办|只申请|就办|再加|加上|还要)")


# A clause that asks without a question word: "…税务那边要另外登记不", "…还用跑银行没".
ASKED_AT_END = re.compile(r"(?:不|没|没有|不用|么)[？?。！!]*$")
# A wish in a question clause ("能帮我把执照也加上吗"): the items in it are chosen. "还要/也要" followed by what one
# must do ("还要上传执照吗", "也要带身份证吗") is a question about the need, no wish.
NEEDED = r"(?!上传|交|带|提供|去|跑|填|准备|拿|开|刻|另外|再去|自己|单独|本人|原件|复印|等|多久|几天|钱|花)"
WISH = re.compile(rf"我要|我想|帮我|给我|也办|(?:也|还)要{NEEDED}|再办|再报|也报|加上|也申请|顺便|一起办|一块办|添上")
CLAUSE = re.compile(r"[^，,。；;！!？?\s]+[？?]?")


# An item left for later ("补贴以后再说", "等开了店再领补贴", "贷款回头再办"): not filed now.
LATER_AFTER = re.compile(
    r"^(?:的事|这块|那个)?(?:就|先)?(?:(?:以后|之后|回头|过段时间|过阵子|下次)(?:再)?(?:说|办|弄|申请|领)|再说|暂时不|先不)"
    r"|^(?:之前|以前|前)[，,\s]*(?:我)?(?:要|得|想)?先"  # "申请补贴前先办个创业证": the subsidy comes later
)
LATER_BEFORE = re.compile(
    r"等.{1,10}(?:再|才)(?:去|来)?(?:领|办|申请|弄|报)?$|(?:以后|之后|回头|过段时间)(?:再)?(?:领|办|申请|弄|报)?$"
)


# An item refused in its clause: after it, ending the clause ("补贴就不要了", "贷款和补贴都不用"; not "培训不要钱吧"),
# or right before it, other items joined on between ("不要贷款", "不需要补贴和贷款"; not "不用抵押的贷款").
REFUSAL = r"(?:不要|不办|不用|不需要|不申请|不想要|不想办|不弄|不搞|不考虑|算了|免了)"
REFUSED_AFTER = re.compile(rf"^[^要办请加]{{0,12}}?{REFUSAL}(?:了|啦|咯|吧|啊|哈|哦|的)*[。！!]*$")
REFUSED_BEFORE = re.compile(
    rf"{REFUSAL}(?:了|再|去)?(?:办|申请|弄|搞)?(?:这个|那个)?(?:[\u4e00-\u9fff]{{1,6}}(?:和|跟|、|与|以及|还有))?$"
)
# "执照我还没有呢", "营业执照还没办呢": a state, not a question, when a later clause asks to add it ("顺便办了").
NOT_YET_HELD = re.compile(r"(?:还)?没(?:有|办|领|拿|弄|注册|登记)?(?:下来|到)?(?:呢|哦|啊|嘛|的)?[？?。！!]*$")


def _clause_at(text: str, start: int) -> re.Match[str] | None:
    return next((m for m in CLAUSE.finditer(text) if m.start() <= start < m.end()), None)


def refused(text: str, start: int, end: int) -> bool:
    """Whether the item at ``start``–``end`` is refused in its clause ("补贴就不要了", "不要贷款"), not asked about."""
    clause = _clause_at(text, start)
    if clause is None or is_question(clause.group(0)):
        return False  # "不用抵押能贷款吗": a question, not a refusal
    return bool(REFUSED_AFTER.match(text[end : clause.end()]) or REFUSED_BEFORE.search(text[clause.start() : start]))


def later(text: str, start: int, end: int) -> bool:
    """Whether the item at ``start``–``end`` is not filed now: left for later ("补贴以后再说") or refused."""
    clause = _clause_at(text, start)
    if clause is None:
        return False
    after, before = text[end : clause.end()], text[clause.start() : start]
    return bool(LATER_AFTER.match(after) or LATER_BEFORE.search(before)) or refused(text, start, end)


def asked_about(text: str, start: int) -> bool:
    """Whether the item found at ``start`` is said inside a question clause without a wish to add it.

    "拿到执照后公章要我自己去刻吗", "贷款批了还得跑银行吗" ask about an item; they choose nothing. "执照我还没有呢，
    顺便办了" says what is missing and asks, in a later clause, to add it: that item is chosen.
    """
    found = _clause_at(text, start)
    clause = found.group(0) if found else ""
    if not clause or WISH.search(clause):
        return False
    if NOT_YET_HELD.search(clause) and found is not None and added_later(text[found.end() :]):
        return False
    return is_question(clause) or bool(ASKED_AT_END.search(clause))


def added_later(rest: str) -> bool:
    """Whether a clause after an item's asks to add it without naming its own ("顺便办了", "也一起弄吧")."""
    return any((ADD_ITEMS.search(c) or WISH.search(c)) and not is_question(c) for c in CLAUSE.findall(rest))


# Registration asked for in everyday words the NLU tags no item for ("工商和税那两样", "把公司注册和贷款一起弄").
REGISTRATION_WORDS = re.compile(
    r"(?<!个体)工商(?!户)|办照|(?:公司|个体户?|合作社|营业)(?:的)?(?:登记|注册)"
    # "打算注册个养蜂合作社", "登记一个有限公司", "成立家庭农场合作社": a business registered, whatever its name
    r"|(?:注册|登记|成立|办)(?![了过好完])(?:个|一个|一家|家)?[\u4e00-\u9fffA-Za-z]{0,10}?"
    r"(?:有限责任公司|有限公司|公司|个体工商户|个体户|合作社)(?![\u4e00-\u9fff]{0,2}(?:养老|社保|保险|贷款|补贴))"
    # "想register一个business" read "想注册一个生意": a business registered, its type not said
    r"|(?:注册|登记)(?![了过好完])(?:个|一个|一家|家|一门)?(?:生意|买卖)"
    r"|报税|税务|税那"  # not 工商 inside 个体工商户, the business type
)
# Registration by its bare word ("那先办个登记吧", "去登记一下", "注册一下"), for a business whose type is known or
# said: the type names what is registered. Never another item's registration (养老/参保/失业 登记).
BARE_REGISTRATION = re.compile(
    r"(?<!养老)(?<!保险)(?<!参保)(?<!失业)(?<!就业)(?<!社保)"
    r"(?:(?:办|去|做|搞|弄|先|把|要|想)(?:个|一个|一下|下)?(?:登记|注册)(?![了过好完])(?!.{0,4}(?:养老|社保|保险|失业))"
    r"|(?:登记|注册)(?:一下|下)(?!.{0,4}(?:养老|社保|保险|失业)))"
)
# The incubator by where it is ("进园区", "入驻个创业园区", "搬进众创空间"): the item, though the NLU may tag none.
INCUBATOR_WORDS = re.compile(r"(?:进|入|入驻|搬进|进驻)(?:个|一个|到)?(?:创业|产业)?园区|众创空间|孵化器|孵化基地")
WANTED_BEFORE = re.compile(r"(?:想|要|先|得)把?$|把$")
ALREADY_BEFORE = re.compile(r"(?:已经|早就|早已|已|刚)[^，,。]{0,4}$")
DONE_AFTER = re.compile(
    r"^(?:已经|早就)?(?:办|弄|搞)?(?:好|完|过)?了|^(?:有)?[\d一二两三四五六七八九十半]+(?:年|个月|月)"
)


def items_in_words(text: str, named: list[str], business_type: str | None = None) -> list[str]:
    """Items a request names in words the NLU tags no item for.

    A loan by its sum ("还想借个12万", "想贷个二三十万"), the incubator by its place ("进园区"), registration by
    工商/公司注册/税务 ("工商和税那两样都要办"), or by its bare word when the business's type is known
    (``business_type``: "那先办个登记吧" for a 合作社); never inside a question about them, refused ("贷款就不要了")
    or for a business already registered.
    """
    found: list[str] = []
    patterns = (REGISTRATION_WORDS, BARE_REGISTRATION) if business_type else (REGISTRATION_WORDS,)
    registrations = [match for pattern in patterns for match in pattern.finditer(text)]
    # "我们几个村民想成立合作社…，需要办登记和税务": a later wish counts when the first mention reads as a question
    registration = next((m for m in registrations if not asked_about(text, m.start())), None)
    wished = (
        ("guaranteed_loan", LOAN_WORDS.search(text)),
        ("business_registration", registration),
        ("incubator", INCUBATOR_WORDS.search(text)),
    )
    for code, said in wished:
        if code in named or said is None or asked_about(text, said.start()) or later(text, said.start(), said.end()):
            continue
        done = bool(ALREADY_BEFORE.search(text[: said.start()]) or DONE_AFTER.match(text[said.end() :]))
        wanted = any(WANTED_BEFORE.search(text[:end]) for end in (said.start(), said.start() + 1))
        done = done and not wanted  # "想先把登记办了", "要把公司注册了": a wish, not done
        if code == "business_registration" and done:
            continue  # "公司早就注册了", "个体户登记好了": nothing to register
        found.append(code)
    return found


def items_named(
    text: str,
    entities: list[str],
    current: list[str] | None,
    requested: str | None,
    spans: list[tuple[int, int, str]] | None = None,
    business_type: str | None = None,
) -> list[str] | None:
    """The items the message chooses: named (or "贷15万" for the loan), added to, removed from or "全部".

    A message may change several things, each in its own clause: "X先不要了，只要Y和Z" keeps Y and Z; "X不要了，
    换成Y" removes X and adds Y; only the items in a clause saying 不要/不办 are removed.

    Args:
        text: The message.
        entities: The item codes the NLU found in it.
        current: The items chosen so far.
        requested: The step asked.
        spans: Where each item was found in ``text`` (start, end, code), to tell the clauses apart.
        business_type: The business's type, known or said in the message: "办个登记" then chooses registration.

    Returns:
        The new list of items (empty when the only items chosen are removed), or ``None`` when the message
        changes nothing.
    """
    named = list(dict.fromkeys(entities))
    if not current:  # "办执照、培训，补贴就不要了": the item refused is never chosen
        named = [code for code in named if not any(later(text, s, e) for s, e, c in spans or [] if c == code)]
    if not current and requested in ("application_items", None):
        named += items_in_words(text, named, business_type)  # "贷15万": the loan, though the item is not named
    if requested == "application_items" and (EVERY_ITEM.search(text) or (ALL_ITEMS.search(text) and not entities)):
        return list(ITEM_NAMES)
    if not named:
        return None
    if current and (changed := _changed(text, current, spans or [])) is not None:
        return changed
    if current and REMOVE_ITEMS.search(text) and not is_question(text):  # not "贷款不用抵押吗"
        return [code for code in current if code not in named]  # "贷款不要了": that item, not the application
    applying = APPLY_VERB.search(text) or (CLAUSE_APPLY.search(text) and not is_question(text))
    if current and (ADD_ITEMS.search(text) or (applying and set(named) - set(current))):
        added = list(dict.fromkeys([*current, *named]))  # "…还要申请执照跟创业证" at any step: the new ones added
        # an item already chosen, named again in passing ("还要另外去刻章吗" about the licence), changes nothing
        return added if added != list(current) or requested == "application_items" else None
    return named if requested in ("application_items", None) or not current else None


def _changed(text: str, current: list[str], spans: list[tuple[int, int, str]]) -> list[str] | None:
    """The items after a message that removes some and keeps or adds others, clause by clause; ``None`` if not one."""
    clauses: list[tuple[str, list[str]]] = []
    start = 0
    for end in [m.start() for m in CHANGE_CLAUSES.finditer(text)] + [len(text)]:
        if end > start:
            codes = [code for s, e, code in spans if start <= s and e <= end]
            clauses.append((text[start:end], list(dict.fromkeys(codes))))
        start = max(start, end)
        while start < len(text) and re.match(r"[，,。；;！!\s]", text[start]):
            start += 1
    removed = [
        c for clause, codes in clauses if REMOVE_ITEMS.search(clause) and not ONLY_ITEMS.search(clause) for c in codes
    ]
    only = [c for clause, codes in clauses if ONLY_ITEMS.search(clause) for c in codes]
    added = [
        c
        for clause, codes in clauses
        if SWAP_ITEMS.search(clause) or ADD_ITEMS.search(clause) or INSTEAD.match(clause)
        for c in codes
    ]
    if not removed or is_question(text) or len(clauses) < 2 or not (only or added):
        return None  # one change only: read as before
    if only:
        return list(dict.fromkeys(only))
    return list(dict.fromkeys([*(c for c in current if c not in removed), *added]))


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


def without_refused(items: list[str], errors: list[dict[str, Any]]) -> tuple[list[str], str] | None:
    """The items left when the service refuses some chosen ones for now (``not_eligible`` with the item), and why.

    "营业执照和创业补贴" for a business registered only now: the subsidy needs a year of business, so it is dropped
    with the reason and the registration goes on, instead of the whole choice being asked again. ``None`` when no
    chosen item is refused.
    """
    refused = {str(e["item"]): str(e["message"]) for e in errors if e.get("field") == "items" and e.get("item")}
    if not refused:
        return None
    kept = [code for code in items if code not in refused]
    # the verdict in plain words first (decision D1 of the thirteenth analysis), then the service's reasons
    verdict = f"{'、'.join(ITEM_NAMES[code] for code in refused)}暂不符合："
    reasons = verdict + "；".join(message.rstrip("。") for message in refused.values())
    if kept:
        names = "、".join(ITEM_NAMES[code] for code in kept)
        return kept, f"{reasons}。这一次先不办{'、'.join(ITEM_NAMES[c] for c in refused)}，其余事项照常办理：{names}。"
    return kept, f"{reasons}。选的事项这次都还办不了，请换成其他要办的事项（例如“就业创业证”），或说“转人工”。"
