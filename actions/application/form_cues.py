"""The cue words and patterns of the labelled extractor (:mod:`actions.application.form_labels`): what marks each field.

A value is taken only after its cue (我叫, 项目叫, 行业, 地址 …) or in a form that is plainly that field (…店, …业,
an address with place markers): nothing is guessed from position. The cues of a person's name are in
:mod:`actions.application.form_name_cues`, those of an address in :mod:`actions.application.form_address_cues`.
"""

import re

import opencc

from actions.application.form_mistake_words import SLIP, WRONG
from contract.phones import BARE_MOBILE

# How a project's or shop's name ends (…店, …工作室, …合作社).
PROJECT_SUFFIX_WORDS = (
    r"店|馆|厂|坊|铺|行|吧|屋|园|场|中心|工作室|超市|农场|基地|工坊|餐厅|小吃|作坊|门市|商行|公司|合作社|小卖部|卖部"
)
SEPARATORS = re.compile(r"[，,。；;！!\n、\s]+")
TRADITIONAL = opencc.OpenCC("t2s")
# Digits dictated one by one (voice input writes them as characters): 幺 is how 1 is said in phone numbers.
SPOKEN_DIGITS = str.maketrans("零〇一幺二三四五六七八九叉", "001123456789X")
SPOKEN_NUMBER = re.compile(r"[零〇一幺二三四五六七八九\d]{17}[Xx叉]|[零〇一幺二三四五六七八九\d]{7,}")
# Numbers plain from their form: a mobile number, an ID number (lower-case x too).
BARE_PHONE = BARE_MOBILE
BARE_ID = re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])")
PROJECT_LABELLED = re.compile(
    r"(?:项目(?:名称|名字|名)?|店名字?|店铺名字?|门店名字?|名称|字号|招牌|店招|商号|(?:公司|企业)(?:名称|名)"
    r"|(?:^|(?<=[，,。\s]))那就(?=叫)|(?:店子|店|店名)(?:就)?(?=喊)"  # "那就叫青禾花艺", dialect "店子就喊春香粉店"
    r"|(?:网店|店铺|小店|店子|门店|店|馆|厂|坊|铺|吧|屋|园|场|超市|农场|餐厅|公司|工作室|作坊|合作社)"
    r"(?:的)?(?:名字|名称)?(?=叫))"
    r"(?:就)?(?:叫做|喊做|叫|喊|是|为)?[:：]?\s*[“\"「『]?"
    r"(?P<value>[^，,。；;:：“”\"」』\s]{2,30}?)[”\"」』]?(?:咯|嘛|啰|哒|噻|撒)?"
    r"(?=[，,。；;\s]|$|行业|属于|地址|经营|开在|位于|个体|企业|合作社|身份|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)|贷款|想|要|申请|就是|就|然后|那个|主要|做|卖(?!部|场))"
)
# "开了家面馆，名字叫秀英面馆": the name after a shop word and 名字叫 (a comma between them).
SHOP_NAMED = re.compile(
    r"(?:店|馆|厂|坊|铺|吧|屋|园|场|超市|公司|工作室|合作社|网店)[，,\s]*(?:的)?"
    # "…店，名字叫X", and "名字X" without 叫 ("五金店，名字志刚五金") unless a remark follows (名字还没想好)
    r"(?:(?:名字|名称|店名|名)(?:叫做|叫|是)|(?:名字|店名)[:：]?(?!还|没|不|想|准备|待|暂|就|用|随便|也|先|再|我))"
    r"[“\"]?(?P<value>[^，,。；;“”\"\s]{2,30}?)[”\"]?(?=[，,。；;\s]|$|行业|地址|经营|身份|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)|想|要|申请)"
)
# "修车铺，名字定为铁牛修车", "小作坊就叫甜甜坊", "店名用我女儿的名字吧，叫朵朵童装": the proper name after its cue,
# read only after words of a business (BUSINESS_BEFORE) and never after a person (我叫, 他的名字是).
PROJECT_CALLED = re.compile(
    r"(?:名字|店名|名称|招牌|字号)?(?:就|准备|打算)?(?:定为|定成|定的是|叫做|叫|取名为?|起名为?|起名叫|定名为)[“\"「]?"
    r"(?P<value>[\u4e00-\u9fffA-Za-z0-9]{2,20}?)[”\"」]?"
    r"(?=[，,。；;！!\s]|$|行业|属于|地址|经营|开在|位于|个体|企业|合作社|身份|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)|贷款|想|要|申请|做|卖(?!部|场)|是|就|然后|那个|主要)"
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
# Trade words a shop's name ends with ("黄敏童装", "陈刚车行", "星河数码", "湘妹花艺"): shaped a shop in a list.
TRADE_ENDINGS = (
    r"服装|服饰|童装|女装|鞋业|奶茶|茶饮|车行|数码|科技|米粉|粉店|土菜|小厨|花艺|摄影|智学|修鞋|烘焙|甜品|家纺"
)
SHOP_NAME = re.compile(rf".+(?:{PROJECT_SUFFIX_WORDS}|记|之家|人家|快修|优选|小铺|工坊|鲜|坊|{TRADE_ENDINGS})$")
# A shop's name said bare between other fields ("本人钱晓川，做汽修个体户，晓川快修，…"): by its ending, with no verb.
BARE_SHOP_NAME = re.compile(
    r"^(?![^，,]*(?:开|做|想|要|办|搞|卖(?!部)|是|在|的|我|你|他|她|个体|项目|地址|行业))"
    r"[\u4e00-\u9fffA-Za-z0-9]{2,10}"
    r"(?:记|之家|人家|快修|优选|小铺|工坊|商行|餐厅|超市|工作室|小卖部|店|馆|坊|铺|部"
    rf"|{TRADE_ENDINGS})$"
)
NOT_A_PROPER_NAME = re.compile(
    r"我|你|他|她|的名|名字|自己|女儿|儿子|(?<![书酒网茶氧陶水琴画球冰])吧|呢|啊|什么|啥|还没|没想好|不知道|改成|改为|换成|不是|应该是"
)
# A registered name on its own between commas: "湘楚文化传媒有限公司，文化传媒，企业".
COMPANY_NAME = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9]{2,20}(?:有限责任公司|股份有限公司|有限公司|专业合作社|合作社|工作室)"
)
# The rest of a registered name the project's cue stopped before ("项目叫青山竹编合作社").
NAME_ENDING = re.compile(r"^(?:农民专业合作社|专业合作社|合作社|有限责任公司|股份有限公司|有限公司|公司)")
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
    r"(?=[，,。；;\s]|$|个体|公司|企业|合作社|地址|经营|开在|位于|项目|身份|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)|贷款|想|要|申请|店?在)"
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
INDIVIDUAL_BUSINESS = re.compile(r"(?<!不是)(?<!不办)(?<!不做)(?<!不要)(?<!不想)(?:个体工商户|个体户)(?!还是|改|换)")
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
    r"(?<!不是)(?<!不办)(?<!不做)(?<!不要)(?<!不想)(?:有限责任公司|有限公司|(?:注册|成立|开|办)(?:个|一个|一家|家)?公司"
    r"|(?<!不)(?:改|换|办|注册|弄|搞)(?:成|为)(?:个|一个|一家)?公司)(?!还是|改|换)"  # "改成公司吧", "还是办成公司吧"
)
COOPERATIVE_PLANNED = re.compile(
    r"(?<!不是)(?<!不办)(?<!不做)(?<!不要)(?<!不想)(?:农民专业合作社|专业合作社|合作社)(?!还是|改|换)"
)
BUSINESS_TYPE_WORDS = re.compile(r"(?:个体户|个体工商户|个体|企业|公司|农民专业合作社|合作社)")
# A bare industry between other fields: a few Chinese characters, none of the words of other fields.
INDUSTRY_LIKE = re.compile(
    r"(?![在到去想要我俺咱你他她])(?!.*(?:毕业|农民工|军人|失业|困难|执照|贷款|补贴|创业培训|(?<![\u4e00-\u9fff])培训|身份|手机(?=号|[:：是为\s]*\d)|电话(?=号|[:：是为\s]*\d)|申请"
    # "文化培训" is an industry, "创业培训" the item; "最好还能进众创空间" a wish
    r"|办理|项目|地址|个体|企业|公司|最好|还能|希望|能不能|众创|孵化|园区"
    r"|合作社|性质|类型))"
    r"[\u4e00-\u9fff]{2,10}"
)
# A graduation from a university or college said in words ("我去年大学毕业", "本科毕业三年了"): the category 高校毕业生.
UNIVERSITY_GRADUATE = re.compile(
    r"(?:大学|本科|大专|专科|研究生|硕士|博士|高校|高职)[^，,。；;！!？?]{0,4}毕(?:的)?业(?!生)"
)
# Words of another field inside a free-text value ("期限三年" read as an industry, "尽量长的期限" as a project): such a
# value is never the project or the industry; those words go to their own fields.
OTHER_FIELD_WORDS = re.compile(
    r"期限|年限|贷款|借款|手机号|身份证|电话号|最长|尽量长|越长|(?:\d|[一二两三四五六七八九十])+\s*(?:万元?|万块|年期|个月)"
    r"|^(?:那就|就|贷|借)?(?:\d|[一二两三四五六七八九十])+\s*年(?:吧|的)?$"
)
# A fresh graduate said without the school ("刚毕业", "应届的", "我是毕业生"): 高校毕业生 too, unless the school
# said is none ("高中刚毕业", "中专毕业生").
FRESH_GRADUATE = re.compile(
    r"(?<!高中)(?<!初中)(?<!中专)(?<!技校)(?<!职高)(?:刚(?:刚|才)?毕业|应届(?:生|毕业生|的)?|(?<!高校)(?<!大学)(?<!本科)(?<!大专)毕业生|刚从(?:大学|学校)出来)"
)
# A value said, then taken back at once and said again ("我是高校毕业生 不对 我是退役军人", "…，说错了，是…"): what
# follows the cue is the value meant. A bare 不是 counts only as a clause of its own or before 是/我是 ("…，不是，是…");
# "是A不是B" keeps A (the 不是 there negates what follows it).
SELF_CORRECTION = re.compile(
    rf"(?<!对)(?<!没)(?<!不)(?:{SLIP}了|{WRONG}|口误|更正一下)(?:[，,。.！!~～\s]|(?=我|是|应该))"
    r"|(?:^|(?<=[，,。.！!\s]))(?:不是不是|不是)(?:[，,。.！!~～\s]+|(?=我是|应该是))"
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
    r"店的名字|店铺的?名字|店名|项目的名字|项目名字|姓名|名字|项目名称|项目名|项目|行业|经营场所地址|经营地址|地址|门牌号码?|门牌"
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
    "门牌号码": "premises_address",
    "门牌号": "premises_address",
    "门牌": "premises_address",
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


def segments(text: str) -> list[str]:
    """The message cut at punctuation, each part stripped."""
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]
