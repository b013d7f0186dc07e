r"""Regular expressions of the pattern entities: the one place they are written.

Digits are written ``[0-9]``, never ``\d``: Python's ``\d`` also matches
full-width and other Unicode digits, which would leak into entity values.
``scripts/gen_nlu_resources.py`` copies the first three into Rasa's regexes.yml.
"""

import re

ID_NUMBER = r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])"
# 13812345678, 138 1234 5678, 138-1234-5678, also right after +86.
PHONE = r"(?:(?<=\+86)|(?<=\+86[ -])|(?<![0-9]))1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])"
APPLICATION_ID = r"(?<![0-9A-Za-z])[Cc][Yy][0-9]{14}(?![0-9])"

CHINESE_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "十拾百佰千仟万亿"
# Starts with a digit or 十 so that 万一 and 千万 (everyday words) are no numbers.
_CHINESE_NUMBER = rf"[{CHINESE_DIGITS}十拾][{_CHINESE_NUMERAL_CHARS}]*"
_ARABIC_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
# 15万, 1万5, 1万5千, 20w, 5k (not 5kg).
_ARABIC_MAGNITUDE = rf"(?:[万千](?:[0-9{CHINESE_DIGITS}]千?)?|[wWkK](?![A-Za-z]))"
_SYMBOL = r"(?P<symbol>[¥￥])?"
_NUMBER = rf"(?P<number>{_ARABIC_NUMBER}{_ARABIC_MAGNITUDE}?|{_CHINESE_NUMBER})"
_CURRENCY = r"(?P<currency>块钱|元|块|圆)?"
AMOUNT_EXPRESSION = _SYMBOL + _NUMBER + _CURRENCY
# Units after which a number counts time, age, people or things, not money.
_NON_MONEY_UNITS = (
    "年|岁|周岁|个|人|次|天|日|号|月|周|小时|分钟|秒|倍|家|名|位|期|届|级|页"
    "|户|条|张|份|项|件|间|层|楼|栋|室|米|平|斤|克|吨|亩|热线|%|％|‰"
)
# The number is not glued to another number or word on either side, so that a
# backtracking match never stops inside a longer number (2023年 must not give 202).
# A sum in 万 said right before the term ("贷十五万三年", "借10万5年"): the digit after 万 starts the term, so
# the sum ends at 万 (1万5 with nothing after it is still 15000).
_TERM_AFTER = rf"(?<=[万wW])(?=[0-9{CHINESE_DIGITS}十]{{1,2}}(?:年|个月))"
AMOUNT = (
    rf"(?<![0-9.A-Za-z{_CHINESE_NUMERAL_CHARS}])"
    + _SYMBOL
    + _NUMBER
    + rf"(?:(?![0-9A-Za-z{_CHINESE_NUMERAL_CHARS}])|{_TERM_AFTER})"
    + _CURRENCY
    + rf"(?![多余来]?(?:{_NON_MONEY_UNITS}))"
)

# Words after which a bare number is a code or a number to call, not money:
# 身份证后六位340129, 打12345, 尾号是5678. Searched in the text just before it.
NOT_MONEY_CUE = r"(?:位|号|码|打|拨|热线|身份证|手机|电话|编号|尾号|账号|卡号|QQ|微信)[是为:]?\s*$"

ID_NUMBER_RE = re.compile(ID_NUMBER)
PHONE_RE = re.compile(PHONE)
APPLICATION_ID_RE = re.compile(APPLICATION_ID)
AMOUNT_EXPRESSION_RE = re.compile(AMOUNT_EXPRESSION)
AMOUNT_RE = re.compile(AMOUNT)
NOT_MONEY_CUE_RE = re.compile(NOT_MONEY_CUE)
