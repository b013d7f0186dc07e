"""The cues of the premises' address: place markers, a road or number, the lead-in before it and the words after it.

Part of the labelled extractor's cue words (:mod:`actions.application.form_cues`), read by
:mod:`actions.application.form_address`.
"""

import re

# An address said inside a plan ("想在长沙市黄兴路开个服装店"): the plan words around the place are no address.
# Words for the premises that lead an address ("店在…", "铺面在…", "位置在…").
PREMISES = (
    r"(?:我的|我们的|我家的?|我们|我)?(?:店铺|店面|门店|小店|店子|铺面|铺子|门面|档口|摊位|厂房|厂子|作坊|场地|公司|办公室|工作室"
    r"|营业地点|经营地点|营业场所|经营场地|营业地址|店|位置|地点|地方)"
)
ADDRESS_PLAN_BEFORE = re.compile(
    rf"^(?:我们?|{PREMISES})?(?:就|是)?(?:想|准备|打算|计划|要|就)?(?:在|到|开在|设在|选在|租在|放在|位于)"
)
ADDRESS_PLAN_AFTER = re.compile(r"(?:开|办|做|搞|弄)(?:了)?(?:个|一个|一家|家|间|一间|店|厂|铺|公司|生意|买卖).*$")
ADDRESS_MARKERS = re.compile(r"省|(?<!超)市(?!场)|州|区|县|镇|乡|街道|村")
ADDRESS_DETAIL = re.compile(r"路|街|巷|号|组|村|栋|楼|弄|小区|大道|广场|大厦|市场|社区|门面|商铺")
# A Hunan village place without a house number ("…灰山港镇李家冲", "…网岭镇罗家湾", "…乡枫树坪"): a place ending
# 冲/湾/坪/垸/塘/岭/坡/屋场/片区 after its town (镇/乡/街道) is the address's detail.
RURAL_PLACE = re.compile(r"(?:镇|乡|街道)[\u4e00-\u9fff]{1,4}?(?:屋场|片区|冲|湾|坪|垸|塘|岭|坡)")
# A county-level place, its town and a few characters ("平江县三市镇南江"), said as the whole address.
COUNTY_TOWN_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:县|区|市)[\u4e00-\u9fff]{1,6}?(?:镇|乡)(?P<place>[\u4e00-\u9fff]{2,4})"
)
# Words that make the characters after a town a plan or a remark, not a place ("…镇开个店", "…乡那边").
NOT_A_PLACE = re.compile(r"开|做|办|搞|想|要|准备|打算|那边|这边|附近|一带|的|我|在|了|吧|呢|啊|个")
ADDRESS_LABELLED = re.compile(
    r"(?:经营场所|经营地址|店铺地址|场所地址|详细地址|地址)(?:是|在|为|[:：])?\s*(?P<value>[\u4e00-\u9fff0-9\-]{5,60}?)"
    r"(?=[，,。；;\s]|$|想|要|申请|贷款|身份|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)|项目|行业)"
)
PLACES = re.compile(
    r"^(?:湖南省?)?(?P<city>[\u4e00-\u9fff]{2,9}?(?:市|自治州|州))?(?P<county>[\u4e00-\u9fff]{1,5}?(?:区|县|市))?"
)
HOME = re.compile(r"^(?:我)?(?:家住|住在|家在|户口|户籍|老家)")
ADDRESS_PREFIX = re.compile(
    rf"^(?:经营场所|经营地址|店铺地址|店面地址|场所地址|详细地址|地址|{PREMISES})?(?:就)?"
    r"(?:开在|设在|选在|租在|位于|在|是|为|[:：])?\s*(?:老家|家乡|乡下)?"
)
# Where an address starts inside words said before it without punctuation ("我叫李明店面在长沙市…8号"): after the
# last of these before its first place name.
ADDRESS_LEAD_IN = re.compile(r"(?:开在|设在|选在|租在|位于|地址是|地址为|地址[:：]|在)(?:老家|家乡|乡下)?")
# Where an address said in one breath with something else ends ("…五一大道88号我想贷款十万"): after its first
# numbered part (88号, 3栋, 5组) it goes on only until words that start another clause; some words end it anywhere.
ADDRESS_NUMBERED = re.compile(r"[0-9一二三四五六七八九十百零A-Za-z]+(?:号|栋|幢|楼|层|室|组|单元)")
CLAUSE_AFTER_ADDRESS = re.compile(
    r"我|想|要|准备|打算|计划|申请|贷|借|身份|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)|然后|还有|另外|对了|麻烦|谢谢|帮我|请问|能不能|可以|一共|大概"
    r"|主要|经营|营业|项目|行业|名字|叫|开|摆|搞|弄|干|做|卖|是|的店|的个体|刚|已经|今年|去年|明年"
)
CLAUSE_ANYWHERE = re.compile(r"我|想|打算|准备|申请|贷款|身份证|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)")
