"""The cues of the applicant's name: who is named (我叫, 他叫, 来电人), how a character is spelled or corrected.

Part of the labelled extractor's cue words (:mod:`actions.application.form_cues`), read by
:mod:`actions.application.form_names`. A name is taken only after its cue; a shop's word before 名字叫 makes the name
the project's.
"""

import re

# How a surname is spelled out by its parts ("耳东陈", "立早章"): the parts and the surname they make.
SPELLED_SURNAMES = {
    "立早": "章", "弓长": "张", "木子": "李", "耳东": "陈", "口天": "吴", "文刀": "刘", "双木": "林", "草头": "黄",
    "古月": "胡", "言午": "许", "禾口": "程", "木易": "杨", "走肖": "赵", "子小": "孙", "人可": "何", "三横": "王",
}  # fmt: skip
SPELLINGS = "|".join(SPELLED_SURNAMES)
# A character described by its radical ("三点水的汪", "汪，三点水那个").
RADICALS = (
    r"三点水|两点水|草字头|草头|木字旁|单人旁|双人旁|提手旁|言字旁|王字旁|女字旁|金字旁|口字旁|日字旁|火字旁|竖心旁"
    r"|宝盖头|土字旁|绞丝旁|月字旁|耳朵旁|耳刀旁|走之底?|反文旁|立刀旁|石字旁|山字旁|禾木旁|米字旁|虫字旁|雨字头"
)
# What may follow a name in a voice-style message without punctuation ("我叫刘洋然后我的电话是…").
STOP_BEFORE = (
    r"(?=[，,。；;！!、\s\d]|身份|手机|电话|号码|联系|今年|来自|住在|家住|想|要|申请|是|的|然后|那个|就是|我|在|项目|行业"
    r"|退伍|退役|当过|以前|原来|打算|准备|办|报名|咨询"  # "我叫谌晓梅退伍了想…", "来电人X办…"
    r"|店|铺面|门面|档口|摊位"  # "我叫李明店面在…": the premises start
    rf"|地址|[啊呀嗯哈哦呢吧啦呃]|{SPELLINGS}|$)"
)  # voice fillers (啊, 嗯) and the spelling of a character (古月胡) end a name too
# Words for a shop or business just before "名字叫…": the name that follows is the project's, not the person's.
SHOP_BEFORE = re.compile(r"(?:店|馆|厂|坊|铺|吧|屋|园|场|超市|公司|工作室|合作社|项目|网店|门面)[，,\s]*(?:的)?$")
# Who leads a cooperative or a firm ("负责人叫刘大山"): the applicant, never the business's name.
LEADERS = r"负责人|法人代表|法定代表人|法人|带头人|理事长|社长|牵头人"
NAME_CUES = (
    r"我叫|我的名字叫|我的名字是|全名叫|全名是|全名[:：]?|大名叫|大名是|大名|名字全称是|名字叫|名字是|姓名是|姓名[:：]?"
    r"|本人叫|本人|申请人叫|申请人是|申请人[:：]?|我喊做|我喊|我名字喊|名字喊做|名字喊"  # dialect: 喊/喊做 for 叫
    rf"|叫做|我是|名叫|名字[:：]?|(?:^|(?<=[，,。\s]))叫|(?:{LEADERS})(?:名叫|叫|是)?"  # "我是牵头人彭玉华"
    r"|(?:高校毕业生|大学毕业生|毕业生|大学生|退役军人|返乡创业农民工|返乡农民工|农民工|登记失业人员|失业人员|就业困难人员)"
    r"(?:\s*[，,]?\s*(?:名叫|叫做|叫)|\s*)"  # "退役军人叫张建国", "失业人员 叫王小红"; not "退役军人，经营的是…"
)
# Details of a person right after a name ("…，叫张伟，身份证…"): the name is the person's, not the shop's.
PERSON_DETAILS_AFTER = re.compile(
    r"^[，,。\s]*(?:的)?(?:身份证|手机|电话|联系|\d{6,}|今年\d|\d{2}岁|退役|返乡|失业|下岗|毕业|大学|高校|农民工|就业困难)"
)
# Words of who a person is, never their name ("我是应届生": 应 is a surname, 应届生 no name).
GROUP_WORDS = re.compile(r"应届|届生|毕业|学生|军人|农民工|失业|困难|脱贫|残疾")
# Cues naming someone else: in a hotline call the staff member types for the caller, so 他/她/来电人 is the
# applicant; in a user's own chat "他叫…" is somebody else (a son, a partner) and never the applicant's name.
THIRD_PERSON_CUES = (
    r"来电人叫|来电人是|来电人[:：]?(?![有要想问说还欠能可会在])|他叫|她叫"  # "来电人有车贷…" names nobody
    r"|[他她]的?名字(?:叫|是)|对方叫|客户叫"
    r"|(?:这位|那位)?(?:先生|女士|阿姨|大姐|大哥|大爷|大妈|老人家|师傅|市民|客户|对方)的?(?:名字|姓名)?(?:叫|是|[:：])"
)
NAME = re.compile(rf"(?:{NAME_CUES})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}}?){STOP_BEFORE}")
NAME_THIRD_PERSON = re.compile(rf"(?:{THIRD_PERSON_CUES})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}}?){STOP_BEFORE}")
THIRD_PERSON = re.compile(rf"{THIRD_PERSON_CUES}|[他她](?:的)?(?:身份证|手机|电话)")
# "我姓王，叫王建国": the full name after 叫, when it starts with the surname just said.
SURNAME_THEN_NAME = re.compile(
    r"姓(?P<surname>[\u4e00-\u9fff])(?:[，,\s]*(?:我)?叫|[，,\s]+)(?P<name>(?P=surname)[\u4e00-\u9fff]{1,3}?)"
    + STOP_BEFORE
)
SURNAME_GIVEN = re.compile(
    r"姓(?P<surname>[\u4e00-\u9fff])[，,\s]*(?:名|名字叫|叫)(?P<given>[\u4e00-\u9fff]{1,2})(?![\u4e00-\u9fff])"
)
# Cues that say outright the words after them are the person's name: the cue is the evidence, no surname list needed.
EXPLICIT_CUES = r"我叫|我的名字(?:叫|是)|名字(?:叫|是)|姓名(?:是|叫)?[:：]?|全名(?:叫|是)|大名(?:叫|是)|我喊做|我喊"
# Voice fillers between such a cue and the name ("我叫那个蓝海", "名字是 嗯 王小明"): dropped before reading.
CUE_FILLERS = re.compile(rf"(?P<cue>{EXPLICIT_CUES})(?:[\s，,]*(?:那个|就是|这个|嗯|呃))+[\s，,]*")
LEADING_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,4}?)" + STOP_BEFORE)
# "三样一起办！我贺文静，4301…": 我 right before a name followed by the person's details (a bare 我 is no cue alone).
I_THEN_NAME = re.compile(r"(?:^|(?<=[，,。；;！!？?\s]))我(?P<name>[\u4e00-\u9fff·]{2,4}?)" + STOP_BEFORE)
# Cues that name the person themself: without them, "名字叫…" at the project's step is the project's name.
SELF_CUE = re.compile(r"我|本人|申请人|姓名|姓|来电人|[他她]")
PERSON_BEFORE = re.compile(rf"(?:我|他|她|本人|来电人|申请人|对方|客户|{LEADERS})(?:的)?(?:名字|姓名)?(?:就)?$")
# The clause right before 叫 says who the speaker is ("我是牵头人，叫雷满仓", "本人是理事长，叫…"): the name after
# 叫 is theirs, whatever business the message spoke of before; not a clause of the business ("我是做餐饮的，叫…").
SELF_CLAUSE_BEFORE = re.compile(
    r"(?:^|[，,。；;！!\s])(?:我|本人)(?:就)?(?:是|当|来当)(?![^，,。；;！!\s]*(?:做|卖|开|搞|干|经营|弄))[^，,。；;！!\s\d]{1,12}[，,\s]+$"
)
# Character-by-character spelling of a name ("立早章的章", "木子李"): the name said after it is the name.
NAME_SPELLED = re.compile(rf"(?P<parts>{SPELLINGS})[\u4e00-\u9fff]?(?:的[\u4e00-\u9fff])?")
# One character of the name corrected: "不是王是汪", "是汪不是王", "王改成汪" (old and new: a character or the name).
CHARACTER_CORRECTED = re.compile(
    r"不是(?P<old>[\u4e00-\u9fff]{1,4}?)(?:字)?[，,\s]*(?:而|应该|应)?是(?P<new>[\u4e00-\u9fff]{1,4}?)"
    rf"(?=[，,。！!\s]|$|字|那个|的|{RADICALS}|{SPELLINGS})"
    r"|(?:^|[，,\s]|把)(?P<old2>[\u4e00-\u9fff]{1,4}?)(?:字)?(?:改成|换成|改为|写成)(?P<new2>[\u4e00-\u9fff]{1,4}?)"
    rf"(?=[，,。！!\s]|$|字|那个|的|{RADICALS}|{SPELLINGS})"
    r"|是(?P<new3>[\u4e00-\u9fff]{1,4}?)(?:字)?[，,\s]*不是(?P<old3>[\u4e00-\u9fff]{1,4}?)(?=[，,。！!\s]|$|字|那个|的)"
    r"|(?:^|[，,\s])(?P<old4>[\u4e00-\u9fff]{1,4}?)(?:字)?(?:写错了|搞错了|错了|不对)[，,\s]*(?:应该|应)?是"
    r"(?P<new4>[\u4e00-\u9fff]{1,4}?)"
    rf"(?=[，,。！!\s]|$|字|那个|的|{RADICALS}|{SPELLINGS})"
)
# One character described ("三点水的汪", "汪，三点水那个", "耳东陈的陈"): which one the user means.
CHARACTER_DESCRIBED = re.compile(
    rf"(?:{RADICALS})(?:的|那个)?(?P<char>[\u4e00-\u9fff])(?![\u4e00-\u9fff])"
    rf"|(?P<char2>[\u4e00-\u9fff])(?<![是的那个就])[，,\s]*(?:是)?(?:{RADICALS})(?:的|那个)"
)
# A character after its radical ("草字头的蔓"), read on its own (CHARACTER_DESCRIBED finds "该是草字头的" first).
RADICAL_THEN_CHAR = re.compile(rf"(?:{RADICALS})(?:的|那个)?(?P<char>[\u4e00-\u9fff])(?![\u4e00-\u9fff])")
# One character explained by a word it is in ("明天的明", "晓得的晓"; "是光明的明"): the character, not a name.
CHARACTER_BY_WORD = re.compile(
    r"(?:是|用|写|为)?(?P<word>[\u4e00-\u9fff]{1,3}?)的(?P<char>[\u4e00-\u9fff])(?:字)?(?=[，,。！!\s]|$|那个|不是)"
)
SHOP_WORDS = re.compile(r"记|店|馆|坊|铺|社|厂|行$")
# "俺叫…", "咱是…", "额叫…": the dialects' words for 我 (额 only before a name's cue; elsewhere it is 额度's).
DIALECT_I = re.compile(r"俺|咱(?=们|叫|是|的|名|姓|想|要|家|今年)|(?:^|(?<=[，,。\s]))额(?=叫|名字|姓|是)")


def without_fillers(text: str) -> str:
    """The message with voice fillers after a name's cue dropped: "我叫 那个 王小明" → "我叫王小明"."""
    return CUE_FILLERS.sub(lambda match: match.group("cue"), text)


def plain_pronouns(text: str) -> str:
    """The dialects' 我 written as 我 ("俺叫张大牛" → "我叫张大牛"), so every cue with 我 reads it; same length."""
    return DIALECT_I.sub("我", text)
