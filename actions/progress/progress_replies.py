"""What the progress check says when the number or the ID digits are missing, or verification keeps failing.

Each reply says where the value is and offers the ways out (a person, the hotline's caller verification, the
logged-in mini program); the still-missing replies alternate so none is said three times in a row.
"""

GIVE_UP = (
    "还是没有查到匹配的申请。为保护申请人信息，我这边先不再重试了：请说“转人工”由工作人员协助，或拨打12345热线，"
    "工作人员核实来电人身份后帮您查询；也可以在湘易办“我的办件”里直接查看。"
)
# How an application number looks, for prompts: no sample number, which a user could take for their own.
NUMBER_SHAPE = "CY开头加14位数字（前8位是提交日期）"
WHERE_NUMBER = (
    f"申请编号是{NUMBER_SHAPE}，在这些地方能找到：\n1. 提交申请时我回复给您的那条消息（“申请已提交，编号CY…”）；\n"
    "2. 湘易办App或小程序的“我的办件”/“我的申请”；\n3. 用微信登录后的小程序“我的申请”，不用编号也能看到自己的申请。\n"
    "实在找不到，可以说“转人工”，或拨打12345热线，工作人员核实来电人身份后帮您查询。"
)
WHERE_DIGITS = (
    "身份证后6位就是申请人身份证号码的最后6位（最后一位可能是X），看一下身份证就能找到。暂时拿不到的话：\n"
    "1. 说“转人工”，工作人员在这里帮您查；\n2. 拨打12345热线，工作人员核实来电人身份后帮您查询；\n"
    "3. 用申请时的微信登录湘易办小程序，“我的申请”里不用验证也能看到自己的申请。"
)
STILL_NO_NUMBER = (
    "编号实在找不到也没关系，您可以选一种方式：\n1. 说“转人工”，工作人员在这里帮您查；\n"
    "2. 拨打12345政务服务便民热线，工作人员核实来电人身份后帮您查询；\n"
    "3. 用申请时的微信登录湘易办小程序，在“我的申请”里不用编号也能看到自己的申请。"
)
# The next reply when the number is still missing: the same offer in other words (never a third identical reply).
STILL_NO_NUMBER_AGAIN = (
    "明白，编号确实找不到。没有编号我这边没法核对申请人，最快的办法是回复“转人工”，工作人员核实您的身份后直接帮您查；"
    "不方便打字的话，拨打12345热线也可以。"
)
NO_NUMBER_REPLIES = (STILL_NO_NUMBER, STILL_NO_NUMBER_AGAIN)
PERSON_BUTTON = {"title": "转人工", "payload": "/request_human"}
# "以后我自己在哪能查", "往后上哪看进度": where the user follows an application later, by themselves.
LOOK_LATER = (
    "以后想自己查进度，有这几个地方：\n1. 湘易办App或小程序的“我的办件”，每个部门办到哪一步、红黄绿灯都能看到；\n"
    "2. 在这里发申请编号（CY开头）和申请人身份证后6位，我帮您查；\n"
    "3. 用申请时的微信登录小程序，“我的申请”里不用编号也能看到自己的申请。\n"
    "部门受理、需要补正或办结时，也会通过微信或短信通知您。"
)
# Someone else's application asked about as a request ("帮我看看我表哥的补贴批了没"): who may look, and how to check it
# with the applicant's number and ID digits; never a bare prompt for "your" number.
SOMEONE_ELSES = (
    "申请进度只有申请人本人能查：需要申请编号（CY开头）加申请人本人身份证号后6位，或者申请人用自己的微信登录小程序，"
    "在“我的申请”里查看。\n如果申请人已经把申请编号和身份证后6位告诉您，直接发给我，我帮您查；"
    "没有的话，请申请人本人来查，或拨打12345热线，工作人员核实申请人身份后帮忙查询。"
)
