"""Two borrowers asked about in one question: one question per borrower, each answered with its own figure.

"高校毕业生和小微企业分别能贷多少" asks a person's limit (20万) and a small enterprise's (300万); searched whole it
drew the enterprise's answer, whose person clause the answer rule leaves out for a question naming one subject.
Split at the conjunction, each borrower gets its own question ("高校毕业生能贷多少", "小微企业能贷多少").
"""

import re

from actions.knowledge.subject_switch import WHO

# "<A>和<B>(分别/各)<question>": two borrowers joined, then what is asked of each.
JOINED = re.compile(
    r"^(?:请问|那么|那)?(?P<first>[^，,。？?和跟与及]{1,10}?)(?:和|跟|与|以及|还有)(?P<second>[^，,。？?和跟与及]{1,10}?)"
    r"(?:分别|各自|各|每个|都)?(?P<asked>(?:能|可以|可|最多|最高|一般|的)*(?:贷|借|额度|期限|贷款|最长).*)$"
)
# A borrower said in a party's words (高校毕业生, 我个人, 小微企业, 公司): a kind of person or business.
ENTERPRISE = re.compile(r"企业|公司|单位")  # 企业 inside 小微企业 too
LOAN = "guaranteed_loan"


def per_party(text: str) -> list[str]:
    """One question per borrower of "A和B(分别)能贷多少", one a person and the other an enterprise (else ``[]``)."""
    joined = JOINED.match(text.strip())
    if joined is None:
        return []
    first, second, asked = joined.group("first"), joined.group("second"), joined.group("asked")
    if not (WHO.search(first) and WHO.search(second)):
        return []
    if bool(ENTERPRISE.search(first)) == bool(ENTERPRISE.search(second)):
        return []  # two kinds of people or two of businesses: one figure answers both
    asked = re.sub(r"^的|分别|各自", "", asked)
    return [f"{first}{asked}", f"{second}{asked}"]
