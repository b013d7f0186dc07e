"""Words that ask for a person, read by the handoff and by the forms that leave a person to the rules.

A leaf module (it imports nothing of the bot), so the eligibility check can read it without importing the handoff.
"""

import re

# Words that ask for a person. Inside a form a message without them is the user's data the NLU took for a handoff
# (a hotline relay "来电人说他叫石磊": staff type for the caller), and the form goes on with it.
ASKS_FOR_PERSON = re.compile(
    r"人工|真人|客服|工作人员|转接|接线|坐席|专员|专人|业务员|领导|负责人|找人|找个人|换个人|换人|有人吗|(?<!个)人呢|(?<!个)人来|活人|机器|"
    r"转一下|转过去|转给|转到|打电话|来电话|回电|"
    # someone to help: "有没有人能帮我弄", "来个人帮我"
    r"有没有(?:个)?人(?:能|可以|会)?(?:帮|教|弄|办)|有人(?:能|可以|会)?(?:帮|教)|(?:来|派|叫)(?:一)?个人"
)
