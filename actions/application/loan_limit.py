"""A loan amount over the limit: the service's reason names the limit; the reply offers to take it.

The service owns the limits (an individual 20万, a partnership 10% more per partner, an enterprise 300万) and says
the one that applies ("个人创业担保贷款最高20万元（200000元），您填写的是50万元…"); the form adds how to apply for the
limit instead, so the user is never left with a refusal alone.
"""

import re

LIMIT = re.compile(r"最高(?P<limit>\d+(?:\.\d+)?万)元")


def with_offer(problem: str) -> str:
    """``problem`` followed by how to take the limit when it is an amount over the limit; else ``problem``.

    Args:
        problem: The service's reason for refusing a loan amount.

    Returns:
        The reason, and for an amount over the limit "按最高额度申请的话回复“20万”…".
    """
    match = LIMIT.search(problem)
    if match is None or "您填写的是" not in problem:
        return problem
    return f"{problem}按最高额度申请的话回复“{match['limit']}”，也可以说一个少一点的金额，例如“15万”。"
