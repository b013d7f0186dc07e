"""A suggestion or an opinion handed in ("我有个建议，…", "建议你们乡镇也设个窗口", "要是县里也能办就好了").

Filed as a 诉求 whose category is 其他与意见建议 (:mod:`actions.appeals.appeals`), whichever router the NLU chose;
"你有什么建议" (asking the bot), "建议在哪提" (a question) and "专家建议先办执照" (advice reported) are not.
"""

import re

from actions.conversation.question_shape import is_question

CLAUSE = re.compile(r"[^，,。；;：:！!？?\s]+")  # "提个意见：…" ends its clause at the colon
# A suggestion or an opinion to hand in ("我有个建议，…", "提个意见", "我们有几条建议"): filed as a 诉求 whose
# category is 其他与意见建议; "你有什么建议" (asking the bot) and "建议在哪提" (a question) are not.
SUGGESTS = re.compile(
    r"^(?:你好|您好|喂)?[，,\s]*(?:我|我们|本人|来电人|群众)?(?:这边|这里)?(?:还|就|想|要)?"
    r"(?:有|提|想提|要提|反映)(?:个|一个|一点|几个|几条|一条|条|点)(?:小)?(?:建议|意见)|^(?:我|我们)(?:对你们)?有意见"
)
# What the service might add, right after the suggestion's words ("提个意见能不能加个夜间窗口", "我有个建议可不可以
# 开个周末班"): the suggestion's content, asked with 能不能 as people do, not a question about the service.
WHAT_TO_ADD = re.compile(
    r"(?:建议|意见)(?:是|就是)?[，,\s]*(?:你们|您们|小程序|湘易办|窗口|大厅)?(?:能不能|可不可以|能否|是不是可以|可以)"
    r"(?:也|再|多)?(?:加|开|设|增加|增设|开通|添|上线|搞|弄)"
)
# Advice to the service in a verb ("建议你们乡镇也设个窗口", "我建议政府多办几期培训", "建议能不能周末也开"): a
# suggestion, even asked with 能不能; not advice reported ("专家建议先办执照", "建议在哪提").
ADVISES = re.compile(
    r"^(?:你好|您好|喂)?[，,\s]*(?:我|我们|本人|来电人|群众)?(?:这边)?(?:就|还|也)?(?:想|要)?(?:建议|提议)(?:一下|下)?[，,：:\s]*"
    r"(?:你们|您们|政府|贵单位|有关部门|相关部门|部门|上面|以后|今后|下次|能不能|可不可以|能否|是不是可以|最好|把|多|增加|"
    r"开通|增设|设|搞|弄|让|窗口|大厅|乡镇|县里|周末|晚上|网上|小程序|湘易办)"
)
# A wish for the service ("希望你们周末也开门", "要是乡镇也能办就好了"), not a question.
WISHES = re.compile(
    r"希望(?:你们|您们|政府|有关部门|相关部门|以后|今后|窗口|大厅)|"
    r"(?:要是|如果|若是|假如)[^。？?！!]{2,30}(?:就好了|就更好了|就方便了|就方便多了|那就好了)"
)
# Urging one's own case along ("希望你们尽快把我的补贴批下来"): a complaint's business, not a suggestion.
URGING = re.compile(r"快点|尽快|赶紧|抓紧|催|我的|批|审核|审批")


def suggests(text: str) -> bool:
    """Whether the message hands in a suggestion or an opinion ("我有个建议，孵化基地晚上也开放").

    "提个意见：小程序能不能加个夜间窗口" (the colon ends the opening) and "我有个建议能不能加个夜间窗口" (能不能 + 加
    right after it: what to add) hand one in too. Also without the word 建议/意见 as a noun: "建议你们乡镇也设个窗口",
    "希望你们周末也开门", "要是县里也能办就好了" (a wish for the service, not a question about it).
    """
    text = text.strip()
    first = (CLAUSE.findall(text) or [""])[0]
    if SUGGESTS.search(text) and (not is_question(first) or WHAT_TO_ADD.search(first)):
        return True
    return bool(ADVISES.search(text)) or bool(WISHES.search(text) and not is_question(text) and not URGING.search(text))
