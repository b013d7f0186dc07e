"""The cue words and patterns of the labelled extractor (:mod:`actions.application.form_labels`): what marks each field.

A value is taken only after its cue (我叫, 项目叫, 行业, 地址 …) or in a form that is plainly that field (…店, …业,
an address with place markers): nothing is guessed from position.
"""

import re

import opencc

from contract.phones import BARE_MOBILE

# How a project's or shop's name ends (…店, …工作室, …合作社).
PROJECT_SUFFIX_WORDS = (
    r"店|馆|厂|坊|铺|行|吧|屋|园|场|中心|工作室|超市|农场|基地|工坊|餐厅|小吃|作坊|门市|商行|公司|合作社|小卖部|卖部"
)
SEPARATORS = re.compile(r"[，,。；;！!\n、\s]+")
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
    r"|店|铺面|门面|档口|摊位"  # "我叫李明店面在…": the premises start
    rf"|地址|[啊呀嗯哈哦呢吧啦呃]|{SPELLINGS}|$)"
)  # voice fillers (啊, 嗯) and the spelling of a character (古月胡) end a name too
# Words for a shop or business just before "名字叫…": the name that follows is the project's, not the person's.
SHOP_BEFORE = re.compile(r"(?:店|馆|厂|坊|铺|吧|屋|园|场|超市|公司|工作室|合作社|项目|网店|门面)[，,\s]*(?:的)?$")
# Who leads a cooperative or a firm ("负责人叫刘大山"): the applicant, never the business's name.
LEADERS = r"负责人|法人代表|法定代表人|法人|带头人|理事长|社长|牵头人"
NAME_CUES = (
    r"我叫|我的名字叫|我的名字是|全名叫|全名是|全名[:：]?|大名叫|大名是|大名|名字全称是|名字叫|名字是|姓名是|姓名[:：]?"
    r"|本人叫|本人|申请人叫|申请人是|申请人[:：]?|我喊|我名字喊|名字喊"  # "我喊王铁柱" (dialect: 喊 for 叫)
    rf"|叫做|我是|名叫|名字[:：]?|(?:^|(?<=[，,。\s]))叫|(?:{LEADERS})(?:名叫|叫|是)?"  # "我是牵头人彭玉华"
    r"|(?:高校毕业生|大学毕业生|毕业生|大学生|退役军人|返乡创业农民工|返乡农民工|农民工|登记失业人员|失业人员|就业困难人员)"
    r"(?:\s*[，,]?\s*(?:名叫|叫做|叫)|\s*)"  # "退役军人叫张建国", "失业人员 叫王小红"; not "退役军人，经营的是…"
)
# Details of a person right after a name ("…，叫张伟，身份证…"): the name is the person's, not the shop's.
PERSON_DETAILS_AFTER = re.compile(
    r"^[，,。\s]*(?:的)?(?:身份证|手机|电话|联系|\d{6,}|今年\d|\d{2}岁|退役|返乡|失业|下岗|毕业|大学|高校|农民工|就业困难)"
)
# Cues naming someone else: in a hotline call the staff member types for the caller, so 他/她/来电人 is the
# applicant; in a user's own chat "他叫…" is somebody else (a son, a partner) and never the applicant's name.
THIRD_PERSON_CUES = (
    r"来电人叫|来电人是|来电人[:：]?|他叫|她叫|[他她]的?名字(?:叫|是)|对方叫|客户叫"
    r"|(?:这位|那位)?(?:先生|女士|阿姨|大姐|大哥|大爷|大妈|老人家|师傅|市民|客户|对方)的?(?:名字|姓名)?(?:叫|是|[:：])"
)
NAME = re.compile(rf"(?:{NAME_CUES})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}}?){STOP_BEFORE}")
TRADITIONAL = opencc.OpenCC("t2s")
NAME_THIRD_PERSON = re.compile(rf"(?:{THIRD_PERSON_CUES})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}}?){STOP_BEFORE}")
THIRD_PERSON = re.compile(rf"{THIRD_PERSON_CUES}|[他她](?:的)?(?:身份证|手机|电话)")
# "我姓王，叫王建国": the full name after 叫, when it starts with the surname just said.
SURNAME_THEN_NAME = re.compile(
    r"姓(?P<surname>[\u4e00-\u9fff])[，,\s]*(?:我)?叫(?P<name>(?P=surname)[\u4e00-\u9fff]{1,3}?)" + STOP_BEFORE
)
SURNAME_GIVEN = re.compile(
    r"姓(?P<surname>[\u4e00-\u9fff])[，,\s]*(?:名|名字叫|叫)(?P<given>[\u4e00-\u9fff]{1,2})(?![\u4e00-\u9fff])"
)
LEADING_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,4}?)" + STOP_BEFORE)
# "三样一起办！我贺文静，4301…": 我 right before a name followed by the person's details (a bare 我 is no cue alone).
I_THEN_NAME = re.compile(r"(?:^|(?<=[，,。；;！!？?\s]))我(?P<name>[\u4e00-\u9fff·]{2,4}?)" + STOP_BEFORE)
# Digits dictated one by one (voice input writes them as characters): 幺 is how 1 is said in phone numbers.
SPOKEN_DIGITS = str.maketrans("零〇一幺二三四五六七八九叉", "001123456789X")
SPOKEN_NUMBER = re.compile(r"[零〇一幺二三四五六七八九\d]{17}[Xx叉]|[零〇一幺二三四五六七八九\d]{7,}")
# Numbers plain from their form: a mobile number, an ID number (lower-case x too).
BARE_PHONE = BARE_MOBILE
BARE_ID = re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])")
PROJECT_LABELLED = re.compile(
    r"(?:项目(?:名称|名字|名)?|店名字?|店铺名字?|门店名字?|名称|字号|招牌|店招|商号|(?:网店|店铺|小店|店子|门店|店|馆|厂|坊|铺|吧|屋|园|场|超市|农场|餐厅|公司|工作室|作坊|合作社)"
    r"(?:的)?(?:名字|名称)?(?=叫))"
    r"(?:就)?(?:叫做|叫|是|为)?[:：]?\s*[“\"「『]?"
    r"(?P<value>[^，,。；;:：“”\"」』\s]{2,30}?)[”\"」』]?"
    r"(?=[，,。；;\s]|$|行业|属于|地址|经营|开在|位于|个体|企业|合作社|身份|手机|电话|贷款|想|要|申请|就是|就|然后|那个|主要|做|卖(?!部|场))"
)
# "开了家面馆，名字叫秀英面馆": the name after a shop word and 名字叫 (a comma between them).
SHOP_NAMED = re.compile(
    r"(?:店|馆|厂|坊|铺|吧|屋|园|场|超市|公司|工作室|合作社|网店)[，,\s]*(?:的)?"
    # "…店，名字叫X", and "名字X" without 叫 ("五金店，名字志刚五金") unless a remark follows (名字还没想好)
    r"(?:(?:名字|名称|店名|名)(?:叫做|叫|是)|(?:名字|店名)[:：]?(?!还|没|不|想|准备|待|暂|就|用|随便|也|先|再|我))"
    r"[“\"]?(?P<value>[^，,。；;“”\"\s]{2,30}?)[”\"]?(?=[，,。；;\s]|$|行业|地址|经营|身份|手机|电话|想|要|申请)"
)
# "修车铺，名字定为铁牛修车", "小作坊就叫甜甜坊", "店名用我女儿的名字吧，叫朵朵童装": the proper name after its cue,
# read only after words of a business (BUSINESS_BEFORE) and never after a person (我叫, 他的名字是).
PROJECT_CALLED = re.compile(
    r"(?:名字|店名|名称|招牌|字号)?(?:就|准备|打算)?(?:定为|定成|定的是|叫做|叫|取名为?|起名为?|起名叫|定名为)[“\"「]?"
    r"(?P<value>[\u4e00-\u9fffA-Za-z0-9]{2,20}?)[”\"」]?"
    r"(?=[，,。；;！!\s]|$|行业|属于|地址|经营|开在|位于|个体|企业|合作社|身份|手机|电话|贷款|想|要|申请|做|卖(?!部|场)|是|就|然后|那个|主要)"
)
BUSINESS_BEFORE = re.compile(
    r"店|馆|坊|铺|摊|厂|作坊|公司|合作社|工作室|农场|超市|项目|生意|品牌|个体|民宿|农家乐|农庄|山庄|庄园|车行|商行|门市"
    r"|档口|养殖场|基地|招牌|字号|开(?:个|一家|家|间|了家|了个|了间)"
)
# Cues that name only a business ("招牌就叫…", "取名…", "字号…"): no business word needs to come before them.
BUSINESS_CUE = re.compile(r"招牌|字号|店名|商号|取名|起名|定名")
# A kind of business said where its name should be ("注册一家有限公司"): no proper name.
GENERIC_BUSINESS = re.compile(
    r"^(?:一家|一个)?(?:农民专业合作社|专业合作社|合作社|有限责任公司|股份有限公司|有限公司|公司|个体户|个体工商户|工作室|店|小店)$"
)
# A name that is plainly a shop's by its ending ("刘记面馆", "晓川快修"): a business's after 叫 whatever came before.
SHOP_NAME = re.compile(rf".+(?:{PROJECT_SUFFIX_WORDS}|记|之家|人家|快修|优选|小铺|工坊|鲜|坊)$")
# A shop's name said bare between other fields ("本人钱晓川，做汽修个体户，晓川快修，…"): by its ending, with no verb.
BARE_SHOP_NAME = re.compile(
    r"^(?![^，,]*(?:开|做|想|要|办|搞|卖(?!部)|是|在|的|我|你|他|她|个体|项目|地址|行业))"
    r"[\u4e00-\u9fffA-Za-z0-9]{2,10}(?:记|之家|人家|快修|优选|小铺|工坊|商行|餐厅|超市|工作室|小卖部|店|馆|坊|铺|部)$"
)
# Cues that name the person themself: without them, "名字叫…" at the project's step is the project's name.
SELF_CUE = re.compile(r"我|本人|申请人|姓名|姓|来电人|[他她]")
PERSON_BEFORE = re.compile(rf"(?:我|他|她|本人|来电人|申请人|对方|客户|{LEADERS})(?:的)?(?:名字|姓名)?(?:就)?$")
NOT_A_PROPER_NAME = re.compile(
    r"我|你|他|她|的名|名字|自己|女儿|儿子|(?<![书酒网茶氧陶水琴画球冰])吧|呢|啊|什么|啥|还没|没想好|不知道|改成|改为|换成|不是|应该是"
)
# A registered name on its own between commas: "湘楚文化传媒有限公司，文化传媒，企业".
COMPANY_NAME = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9]{2,20}(?:有限责任公司|股份有限公司|有限公司|专业合作社|合作社|工作室)"
)
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
# The rest of a registered name the project's cue stopped before ("项目叫青山竹编合作社").
NAME_ENDING = re.compile(r"^(?:农民专业合作社|专业合作社|合作社|有限责任公司|股份有限公司|有限公司|公司)")
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
PROJECT_SUFFIX = rf"(?:{PROJECT_SUFFIX_WORDS})"
# Kinds of business a plan opens that are no shop's name ending elsewhere ("开个快递驿站", "开个水果摊").
OPENED_KINDS = r"驿站|摊|摊位|档口|会所|农家乐|民宿|山庄|庄园|楼|阁|轩|堂|苑|院|网店"
PROJECT_OPENED = re.compile(
    rf"(?:开|做|办|搞|弄|经营)(?:了|一)?(?:个|家|间|一个|一家|一间)(?:叫)?[“\"]?"
    rf"(?P<value>[\u4e00-\u9fffA-Za-z0-9]{{1,14}}?(?:{PROJECT_SUFFIX}|{OPENED_KINDS}))(?![\u4e00-\u9fff])"
    # "她打算开秀秀酸菜鱼馆，餐饮，…": a name of four characters or more with a shop's ending, without 个/家
    rf"|(?:^|(?<=[，,。\s想要准备打算计划我她他们再就去]))开(?:了)?[“\"]?"
    rf"(?P<bare>[\u4e00-\u9fffA-Za-z0-9]{{3,13}}(?:店|馆|坊|铺|屋|工作室|超市|小卖部|作坊|餐厅|小吃))(?![\u4e00-\u9fff])"
    rf"|(?:开|做|办|搞|弄|经营)(?:了|一)?(?:个|家|间|一个|一家|一间)(?:叫)?[“\"]?"
    rf"(?P<described>[\u4e00-\u9fffA-Za-z0-9]{{1,14}}?{PROJECT_SUFFIX})(?=卖|做|主要|专门|就是|然后|行业|地址)"
)
# What the person runs, said as "经营的是X" / "开的是一家X" ("我经营的是老王烧烤"): the project, unless an industry.
PROJECT_RUN = re.compile(
    r"(?:经营|开|做|干|搞)(?:的|着)(?:是|就是)?(?:一家|一个|个|家|间)?[“\"]?"
    r"(?P<value>[\u4e00-\u9fffA-Za-z0-9]{2,14}?)[”\"]?(?=[，,。；;！!\s]|$|想|要|申请|在|开在)"
)
# "名字湘里人家" said between other values: a shop's name by its ending (SHOP_NAME), never a person's.
NAME_OF_SHOP = re.compile(
    r"(?:^|[，,。；;\s])(?:名字|名称)(?:就)?(?:叫做|叫|是|[:：])?[“\"]?(?P<value>[\u4e00-\u9fffA-Za-z0-9]{2,14}?)[”\"]?"
    r"(?=[，,。；;！!\s]|$)"
)
# "准备成立湘乡小禾陶艺有限公司", "注册一个青山竹编合作社": the registered name itself.
PROJECT_FOUNDED = re.compile(
    r"(?:成立|注册|创办|开办)(?![成为])(?:了)?(?:一个|一家|个|家)?[“\"]?"  # not "注册成有限公司" (a type)
    r"(?P<value>[\u4e00-\u9fffA-Za-z0-9]{2,20}?(?:有限责任公司|有限公司|公司|专业合作社|合作社|工作室))(?![\u4e00-\u9fff])"
)
INDUSTRY_WORDS = (
    "餐饮|零售|批发|电商|电子商务|农业|种植|农业种植|养殖|畜牧|渔业|物流|运输|教育|培训|美容|美发|美容美发|家政|维修|"
    "制造|加工|食品加工|服装|旅游|民宿|文化|传媒|科技|软件|信息技术|互联网|手工|建筑|装修|餐饮服务|服务|汽车维修|茶叶|"
    "交通运输|运输|木材加工|设计|兽医|宠物|手工艺|工艺品|居民服务|五金|陶瓷|印刷|摄影|健身|养老|托育|洗车|快递|"
    "理发|烘焙|茶饮|生鲜|水果|家电|家具|建材|保洁|咨询|广告|直播|农产品|水产|蔬菜|花卉|苗木|中药材|竹编|文创"
)
INDUSTRY_LABELLED = re.compile(
    r"(?:所属行业|行业类别|行业)(?:是|为|属于|填|写|选|算|就是|算是|[:：])*\s*(?P<value>[\u4e00-\u9fff]{2,10}?)(?:行业|业)?"
    r"(?=[，,。；;\s]|$|个体|公司|企业|合作社|地址|经营|开在|位于|项目|身份|手机|电话|贷款|想|要|申请|店?在)"
)
# "做餐饮的", "搞养殖这块", "做软件开发 公司名叫…" (dictated: a pause ends it); not a job ("以前做服务员").
INDUSTRY_DOING = re.compile(
    rf"(?<!以前)(?<!之前)(?<!原来)(?:是|就是|主要)?(?:做|搞|干)(?P<value>(?:{INDUSTRY_WORDS})[\u4e00-\u9fff]{{0,3}}?)"
    r"(?:的|生意|这块|这一块|行业|(?<![员工师])(?=[，,。；;\s]|$))"
)
INDUSTRY_SEGMENT = re.compile(
    rf"^(?:属于|做|搞|干)?(?P<value>(?:{INDUSTRY_WORDS}){{1,2}}(?:行业|业)?|[\u4e00-\u9fff]{{1,6}}(?:行业|业))$"
)
# Words ending in 业 that are not an industry (创业, 毕业, 企业 …).
NOT_INDUSTRY = re.compile(r"(?:创|就|毕|失|开|营|企|专|作|事|学|结|停|歇|复|产)业$|想|要|我|了")
# An individual business named in a wish ("办个体户登记"), not negated ("不是个体户").
INDIVIDUAL_BUSINESS = re.compile(r"(?<!不是)(?<!不办)(?<!不做)(?<!不要)(?<!不想)(?:个体工商户|个体户)(?!还是)")
# A start-up by several people ("我们三个人合伙", "和战友一起搞"): the loan's borrower is a partnership (合伙或组织
# 起来创业); not a partnership enterprise (合伙企业, a kind of enterprise) nor one negated ("不是合伙").
PARTNERSHIP = re.compile(
    r"(?<!不是)(?<!没有)(?<!不)(?:合伙(?!企业)|搭伙|合资|组织起来创业|[两俩二三四五六七八九十\d]+个?人(?:一起|共同)(?:开|办|干|做|搞|创业)"
    r"|和(?:朋友|同学|战友|老乡|亲戚|兄弟|同事|几个)[^，,。；;]{0,6}(?:一起|合开|合办)(?:开|办|干|做|搞|创业))"
)
# How many partners ("三个人合伙", "合伙人一共4个", "我们俩合伙"), the person included.
PARTNERS = re.compile(
    r"(?P<n>[两俩二三四五六七八九十\d]{1,2})\s*个?人(?:一起|共同|合伙|合资|搭伙)"
    r"|合伙人(?:有|是|共|一共|总共)?\s*(?P<n2>[两俩二三四五六七八九十\d]{1,2})\s*(?:个|人|位)"
    r"|(?:我们|咱们)(?P<n3>俩|两个|三个|四个|五个|[\d]{1,2}个)"
)
# Borrowing alone ("不是合伙，就我一个人", "个人贷"): the borrower is the person.
BORROWS_ALONE = re.compile(r"不是合伙|没有合伙|没合伙|就我一个人|我一个人|我自己一个|个人名义|个人贷|以个人")
# A kind of business named inside a plan the NLU reads as an item ("准备注册个体户", "成立一家有限公司"), not negated.
ENTERPRISE_PLANNED = re.compile(
    r"(?<!不是)(?<!不办)(?<!不做)(?<!不要)(?<!不想)(?:有限责任公司|有限公司|(?:注册|成立|开|办)(?:个|一个|一家|家)?公司)(?!还是)"
)
COOPERATIVE_PLANNED = re.compile(
    r"(?<!不是)(?<!不办)(?<!不做)(?<!不要)(?<!不想)(?:农民专业合作社|专业合作社|合作社)(?!还是)"
)
BUSINESS_TYPE_WORDS = re.compile(r"(?:个体户|个体工商户|个体|企业|公司|农民专业合作社|合作社)")
# A bare industry between other fields: a few Chinese characters, none of the words of other fields.
INDUSTRY_LIKE = re.compile(
    r"(?![在到去想要我俺咱你他她])(?!.*(?:毕业|农民工|军人|失业|困难|执照|贷款|补贴|创业培训|(?<![\u4e00-\u9fff])培训|身份|手机|电话|申请"
    r"|办理|项目|地址|个体|企业|公司"  # "文化培训" after the project is the industry; "创业培训" is the item
    r"|合作社|性质|类型))"
    r"[\u4e00-\u9fff]{2,10}"
)
ADDRESS_MARKERS = re.compile(r"省|(?<!超)市(?!场)|州|区|县|镇|乡|街道|村")
ADDRESS_DETAIL = re.compile(r"路|街|巷|号|组|村|栋|楼|弄|小区|大道|广场|大厦|市场|社区|门面|商铺")
ADDRESS_LABELLED = re.compile(
    r"(?:经营场所|经营地址|店铺地址|场所地址|详细地址|地址)(?:是|在|为|[:：])?\s*(?P<value>[\u4e00-\u9fff0-9\-]{5,60}?)"
    r"(?=[，,。；;\s]|$|想|要|申请|贷款|身份|手机|电话|项目|行业)"
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
    r"我|想|要|准备|打算|计划|申请|贷|借|身份|手机|电话|然后|还有|另外|对了|麻烦|谢谢|帮我|请问|能不能|可以|一共|大概"
    r"|主要|经营|营业|项目|行业|名字|叫|开|摆|搞|弄|干|做|卖|是|的店|的个体|刚|已经|今年|去年|明年"
)
CLAUSE_ANYWHERE = re.compile(r"我|想|打算|准备|申请|贷款|身份证|手机|电话")
# A graduation from a university or college said in words ("我去年大学毕业", "本科毕业三年了"): the category 高校毕业生.
UNIVERSITY_GRADUATE = re.compile(
    r"(?:大学|本科|大专|专科|研究生|硕士|博士|高校|高职)[^，,。；;！!？?]{0,4}毕(?:的)?业(?!生)"
)
# Words that say who the person is ("我是…脱贫人口", "我家是脱贫户"): a rarer group said with them is the category.
IDENTITY = re.compile(r"我是|本人是|我属于|属于|身份是|我家是|我们家是|我们是")
GRADUATION = re.compile(r"毕业|毕的业")
# A business's start: 成立/开业…, or its licence got ("营业执照是去年三月拿的", "执照前年批下来的", "前年领的照").
STARTED = re.compile(
    r"成立|开业|注册|开了|开的|开张|营业了"
    r"|(?:领|拿|办|批|发)(?:到|下|好|下来)?(?:的|了)(?:营业)?执照|(?:领|拿|办)到(?:营业)?执照"
    r"|执照.{0,8}?(?:领|拿|办|批|发|下来)(?:到|下|好|下来)?(?:的|了)"
)
ID_CUED = re.compile(r"身份证(?:号码|号)?(?:是|为|[:：])?\s*(?P<value>[0-9XxＸｘ][0-9XxＸｘ\s-]{4,24})")
BANK_CUED = re.compile(
    r"(?:银行账户|银行账号|银行卡号?|收款账户|账户|账号|卡号)(?:是|为|[:：])?\s*(?P<value>\d[\d\s-]{10,30}\d)"
)
# Whose a mobile number is, from the words just before it, when a message gives two ("我老公电话是…，不过留我自己的…"):
# somebody else's is never the applicant's phone; one said as the person's own (or as the change) is.
SOMEONE_ELSES_BEFORE = re.compile(
    r"(?:老公|老婆|爱人|丈夫|妻子|媳妇|对象|儿子|女儿|孩子|爸爸?|妈妈?|父亲|母亲|家里人?|朋友|亲戚|表[哥姐弟妹]|堂[哥姐弟妹]"
    r"|哥哥?|姐姐?|弟弟?|妹妹?|同事|合伙人|师傅|邻居)的?(?:手机|电话|号码|联系方式)?(?:号码|号)?(?:是|为|[:：])?\s*$"
)
OWN_BEFORE = re.compile(r"(?:我自己|我本人|本人|自己|留我|用我|填我|不过|还是|改成|换成|应该是)[^，,。；;\d]{0,6}$")
PHONE_CUED = re.compile(r"(?:手机|电话|联系方式)(?:号码|号)?(?:是|为|[:：])?\s*(?P<value>\d[\d\s-]{4,18}\d)")
# "手机号填错了，是13912345678" / "项目名称改成湘味小厨" (the value ends at the next punctuation)
# The labels a correction names its field by (CORRECTION_SLOTS maps them), one list for both patterns below.
CORRECTION_LABEL_WORDS = (
    r"店的名字|店铺的?名字|店名|项目的名字|项目名字|姓名|名字|项目名称|项目名|项目|行业|经营场所地址|经营地址|地址"
    r"|银行账户|银行账号|银行卡号|卡号|账户|账号|毕业年份|毕业时间|成立日期|成立时间|开业时间|县市区|区县|县区|市州"
)
CORRECTION = re.compile(
    rf"(?P<label>{CORRECTION_LABEL_WORDS})"
    r"(?:填错了|写错了|搞错了|打错了|弄错了|错了|不对)?(?:一个字|一个|个字|两个字|一点)?[，,。\s]*"
    r"(?:应该是|应为|改成|改为|换成|更正为|是|为|叫)[:：\s]*(?P<value>[^，,。；;！!\n]+)"
)
# A change said with its label further back ("行业不对哈，不算美容，改成美甲服务", "店的名字换成青松修车行"): the value
# after the change cue, the field the nearest label before it names (CORRECTION_LABELS).
CHANGE_CUE = re.compile(r"(?:应该是|应为|改成|改为|换成|换为|更正为|写成|改叫)[:：\s]*(?P<value>[^，,。；;！!\n]+)")
CORRECTION_LABELS = re.compile(CORRECTION_LABEL_WORDS)
# Words saying one value of a choice field is wrong or given up ("刚才说的失业不对", "个体户不弄了").
GIVEN_UP_AFTER = re.compile(r"^[^，,。；;]{0,3}?(?:不对|错了|不是|不弄了|不搞了|不要了|不办了|不做了|不干了|算了)")
CORRECTION_SLOTS = {
    "店的名字": "project_name",
    "店铺的名字": "project_name",
    "店铺名字": "project_name",
    "店名": "project_name",
    "项目的名字": "project_name",
    "项目名字": "project_name",
    "姓名": "applicant_name",
    "名字": "applicant_name",
    "项目名称": "project_name",
    "项目名": "project_name",
    "项目": "project_name",
    "行业": "industry",
    "经营场所地址": "premises_address",
    "经营地址": "premises_address",
    "地址": "premises_address",
    "银行账户": "bank_account",
    "银行账号": "bank_account",
    "账户": "bank_account",
    "账号": "bank_account",
    "毕业年份": "graduation_year",
    "毕业时间": "graduation_year",
    "成立日期": "business_started_on",
    "成立时间": "business_started_on",
    "开业时间": "business_started_on",
    "银行卡号": "bank_account",
    "卡号": "bank_account",
    "县市区": "county",
    "区县": "county",
    "县区": "county",
    "市州": "city",
}
ENTITY_SLOTS = ("id_number", "phone", "person_category", "business_type")


# "俺叫…", "咱是…", "额叫…": the dialects' words for 我 (额 only before a name's cue; elsewhere it is 额度's).
DIALECT_I = re.compile(r"俺|咱(?=们|叫|是|的|名|姓|想|要|家|今年)|(?:^|(?<=[，,。\s]))额(?=叫|名字|姓|是)")


def plain_pronouns(text: str) -> str:
    """The dialects' 我 written as 我 ("俺叫张大牛" → "我叫张大牛"), so every cue with 我 reads it; same length."""
    return DIALECT_I.sub("我", text)


def segments(text: str) -> list[str]:
    """The message cut at punctuation, each part stripped."""
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]
