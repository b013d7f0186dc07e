"""What a message right after an answer about the loan asks: the borrower's share of the interest, or the credit rule.

After "财政贴息，借款人只承担LPR减150个基点及以下的部分", "那他本人要承担多少" or "自己要出好多" asks about the
interest still (the borrower's share), not about the loan's amount. After any answer about the loan, a statement about
one's own credit or debts ("我征信不太好，以前网贷逾期过", "我还有房贷在还") asks whether that rules the loan out: the
loan's conditions on credit (../shared/spec/bundle.md: a good credit record; no other outstanding business loans
except housing, car and student loans) answer it, said for the case stated.
"""

import re

from rasa_sdk import Tracker

from actions.conversation.last_answer import last_turn
from actions.eligibility import loans_owed

# The bot's previous turn was about the loan's interest ("贴息", "利率", "LPR减150个基点").
INTEREST_ANSWERED = re.compile(r"利息|贴息|利率|LPR|基点")
# ... or about the loan at all.
LOAN_ANSWERED = re.compile(r"贷款|贴息|借款人|经办银行")
# "本人要承担多少", "自己出好多", "他付多少", "我得掏哪部分": the borrower's share, asked without naming the interest.
SHARE_ASKED = re.compile(
    r"(?:承担|负担|出|付|掏|给|交|自付|自己出)(?:的|得)?(?:多少|几多|好多|多大|几成|哪部分|哪一部分|哪些|啥|什么)"
)
# What the share question asks beside (a question of its own: "贷多少", "能贷好多" is the amount's).
OWN_SUBJECT = re.compile(r"额度|贷多少|借多少|能贷|能借|期限|几年|材料|多久|几天|补贴|培训|执照")
SHORT = 16  # a follow-up this short leans on the answer before it
SHARE_QUESTION = "创业担保贷款财政贴息后，借款人自己承担多少利息"

# One's own credit record, said in any words (debts still owed are read by the situation's loan reading).
CREDIT = re.compile(
    r"征信|信用|逾期|黑名单|失信|老赖|不良记录|网贷|借呗|花呗|白条|负债|还不上|晚还|拖欠|断供|别的贷款|其他贷款|其它贷款|贷过款"
)
BAD_RECORD = re.compile(
    r"逾期|黑名单|失信|老赖|不良|污点|还不上|晚还|拖欠|断供|征信(?:不|有问题|花|差)|信用(?:不|有问题|差)"
)
CREDIT_RULE = (
    "创业担保贷款对信用的要求：借款人信用良好；除房贷、车贷、助学贷款外，没有其他未还清的经营性贷款。"
    "信用情况由经办银行审核。"
)
BAD_RECORD_SAYS = "有逾期等不良信用记录的，一般不符合条件，以经办银行审核为准。"
OTHER_DEBTS_SAYS = "还有其他未还清的经营性贷款的，不符合条件；是不是经营性贷款由经办银行认定。"
EXEMPT_DEBTS_SAYS = "房贷、车贷、助学贷款不影响申请。"
ASK_FURTHER = "具体情况可以向经办银行或政务服务大厅创业服务窗口咨询；想看看其他条件您符不符合，说“帮我匹配政策”。"


def _previous_turn(tracker: Tracker) -> str:
    return "\n".join(last_turn(tracker))


def share_question(tracker: Tracker, text: str) -> str | None:
    """The whole question "那他本人要承担多少" stands for right after an answer about the interest, else ``None``."""
    if len(text) > SHORT or not SHARE_ASKED.search(text) or OWN_SUBJECT.search(text):
        return None
    return SHARE_QUESTION if INTEREST_ANSWERED.search(_previous_turn(tracker)) else None


def credit_reply(tracker: Tracker, text: str) -> str | None:
    """The loan's credit conditions, for the case stated, right after an answer about the loan; else ``None``.

    Args:
        tracker: The conversation (the bot's previous turn is read).
        text: The user's message ("我征信不太好，以前网贷逾期过").
    """
    owes = loans_owed.business_loans(text)  # True: a business loan still owed; False: none, or an exempt one only
    exempt = bool(loans_owed.EXEMPT_LOANS.search(text))
    if not (CREDIT.search(text) or owes is not None or exempt) or not LOAN_ANSWERED.search(_previous_turn(tracker)):
        return None
    said = [CREDIT_RULE]
    if BAD_RECORD.search(text):
        said.append(BAD_RECORD_SAYS)
    if owes:
        said.append(OTHER_DEBTS_SAYS)
    if exempt and len(said) == 1:
        said.append(EXEMPT_DEBTS_SAYS)  # only a mortgage, a car or a student loan: no bar
    return "".join(said) + ASK_FURTHER
