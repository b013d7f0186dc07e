"""A question about what the system does by itself is a question about the policy (免申即享), never a verdict.

"我在失业人员库里，系统会不会把能领的推给我" asks how a benefit reaches a person the shared data already proves
eligible: the knowledge base answers it (免申即享: offered for one-click confirmation). Read as the user's own case it
drew "能不能申请要看您的情况". Such a question is searched before the rules' verdict is tried.
"""

import re

# The system acting by itself ("系统会不会", "自动推送给我", "主动通知"), or a benefit confirmed with one click.
SYSTEM_ASKED = re.compile(
    r"系统(?:会|能|可以|是不是|是否|自己)|(?:会不会|能不能|是不是)(?:自动|主动)|自动(?:推送|推给|推荐|提醒|通知|告诉|匹配|弹出)"
    r"|主动(?:推送|推给|告诉|通知|提醒|联系)|(?:推送|推|发|弹)(?:给|到)我"
    r"|(?:一键|点一下|点个|直接)(?:确认|申领|领取|领|享受)"
)


def about_the_system(text: str) -> bool:
    """Whether ``text`` asks what the system does by itself or whether a benefit is confirmed with one click."""
    return bool(SYSTEM_ASKED.search(text))
