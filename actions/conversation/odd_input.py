"""A message with no Chinese words: only emoji or punctuation, or English/pinyin, gets a clear Chinese reply."""

import re

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
NO_CHINESE = (
    "抱歉，我目前只能用中文交流。请用中文提问，例如“创业担保贷款最多贷多少”“我要申请营业执照”；"
    "需要帮助也可以说“转人工”，或拨打12345政务服务便民热线。"
)
NO_WORDS = (
    "我只收到了表情或符号，没看懂您想办什么。可以直接打字问我，例如“创业补贴有多少”“我要申请”“查进度”；"
    "需要工作人员的话说“转人工”。"
)


def odd_input_reply(text: str) -> str | None:
    """A clear Chinese reply to a message with no Chinese words: only emoji/punctuation, or English/pinyin."""
    if CJK.search(text) or any(ch.isdigit() for ch in text):
        return None
    return NO_CHINESE if LATIN.search(text) else NO_WORDS
