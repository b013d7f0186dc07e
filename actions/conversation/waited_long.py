"""A user who says their application is taking too long ("等了半个月还没批下来", "磨磨蹭蹭的，执照还没下来").

Read as progress, a question or an unsure message, it got a policy answer, "没太明白" or the bare request for the
number. The user hears an apology, how to complain if a time limit was missed, and the progress check starts
(their own applications at once for a WeChat login; otherwise the number is asked).
"""

import re

# Waiting too long, in the words people use: slow, dragging, no news.
SLOW = re.compile(
    r"太慢|这么慢|好慢|真慢|慢死|慢吞吞|效率(?:太|好|真|这么)?低|磨蹭|磨磨|拖拖拉拉|拖了|拖这么久|拖到现在|"
    r"没(?:有)?(?:一点)?动静|动静(?:都|也)?没|石沉大海|没个?信儿?"
)
# Not yet approved ("还没批下来"): a grievance only said with how long it has been ("等了半个月", "到现在").
NOT_YET = re.compile(r"(?:还没|都没|一直没|也没)(?:批|下来|办好|办完|消息|结果|回音|通过)")
LONG = re.compile(r"等了|这么久|好久|半个月|一个月|好几天|十几天|几个星期|到现在|一直")
# A question about time limits in general ("一般要等多久", "审批要几天"): the knowledge base's, not a grievance.
IN_GENERAL = re.compile(r"一般|通常|正常|大概|要等多久|要多久|几天能|多久能")
SORRY_TO_WAIT = (
    "很抱歉让您久等了。我先帮您查一下办到哪一步、哪个部门还在办（每个部门都有办理时限，超期会亮红灯）；"
    "如果已经超过时限，说“我要投诉”，我帮您登记，工作人员会跟进处理；也可以说“转人工”。"
)


def waited_long(text: str) -> bool:
    """Whether the user says their own application is taking too long (not a question about time limits)."""
    waited = SLOW.search(text) or (NOT_YET.search(text) and LONG.search(text))
    return bool(waited) and not IN_GENERAL.search(text)
