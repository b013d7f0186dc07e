"""Fields in a list the bot has no word for, dictated without separators, places before a comma, the hotline's
subject said twice, and a graduation year in the opening message (no service needed except where marked).

Every case names where each value must land; a value in another field fails it.
"""

from typing import Any

import pytest

from actions.application.form_labels import read_labelled
from tests.actions.test_application_form import entity
from tests.actions.test_application_natural_talk import HOTLINE, start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an industry the bot has no word for, right after the business type
            "项目老罗水电，个体户，水电安装，常德市武陵区洞庭大道9号",
            {"project_name": "老罗水电", "industry": "水电安装", "premises_address": "常德市武陵区洞庭大道9号"},
        ),
        (  # the same said with spaces
            "办执照 项目喵星人宠物店 个体户 宠物美容 株洲市芦淞区建设路21号",
            {"project_name": "喵星人宠物店", "industry": "宠物美容", "premises_address": "株洲市芦淞区建设路21号"},
        ),
        (  # a name the bot has no word for, after the type, then the industry
            "个体户，阿秀家政，保洁收纳，湘潭市雨湖区韶山路6号",
            {"project_name": "阿秀家政", "industry": "保洁收纳", "premises_address": "湘潭市雨湖区韶山路6号"},
        ),
        (  # an industry starting with a verb of a plan's ("开锁"), said in the list
            "项目德明修锁，个体户，开锁换锁，湘潭市岳塘区建设南路4号",
            {"project_name": "德明修锁", "industry": "开锁换锁", "premises_address": "湘潭市岳塘区建设南路4号"},
        ),
        (  # the industry said last, after the address
            "晓明文具，个体户，娄底市娄星区青苔巷5号，文具零售批发",
            {"project_name": "晓明文具", "industry": "文具零售批发", "premises_address": "娄底市娄星区青苔巷5号"},
        ),
        (  # a project's name after its label, shaped like a kind of shop, stays the project's
            "项目山里农家乐，个体户，乡村旅游，张家界市慈利县零阳镇8号",
            {"project_name": "山里农家乐", "industry": "乡村旅游", "premises_address": "张家界市慈利县零阳镇8号"},
        ),
        (  # two bare parts: the one shaped like a business is the project
            "想开个农家乐，绿野山庄，个体户，乡村旅游，浏阳市大围山镇楚东村3组",
            {"project_name": "绿野山庄", "industry": "乡村旅游", "premises_address": "浏阳市大围山镇楚东村3组"},
        ),
    ],
)
def test_an_industry_said_bare_in_a_list_lands_in_its_field(text: str, expected: dict[str, Any]) -> None:
    values = read_labelled(text, []).values
    assert {slot: values.get(slot) for slot in expected} == expected, values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "项目阿强农机维修部个体户农机维修衡阳县西渡镇解放路18号还要贷款10万",
            {"project_name": "阿强农机维修部", "industry": "农机维修", "premises_address": "衡阳县西渡镇解放路18号"},
        ),
        (
            "项目老街客栈个体户旅馆业永州市零陵区柳子街2号执照也帮我办",
            {"project_name": "老街客栈", "industry": "旅馆业", "premises_address": "永州市零陵区柳子街2号"},
        ),
    ],
)
def test_a_dictated_run_is_cut_at_its_labels_and_the_address_ends_at_its_number(
    text: str, expected: dict[str, Any]
) -> None:
    values = read_labelled(text, []).values
    assert {slot: values.get(slot) for slot in expected} == expected, values


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("我在邵阳市大祥区，红旗路街道城南路9号开了个烧烤店", "邵阳市大祥区红旗路街道城南路9号"),
        ("店开在郴州市北湖区 人民西路58号", "郴州市北湖区人民西路58号"),
        ("铺面在衡阳市石鼓区，中山北路12号", "衡阳市石鼓区中山北路12号"),
        ("我要办执照，店在岳阳市岳阳楼区，巴陵中路15号", "岳阳市岳阳楼区巴陵中路15号"),  # 楼区 is no building
        ("办执照，地址在益阳市资阳区，五一西路7号", "益阳市资阳区五一西路7号"),  # after its label
        ("地址在衡阳市石鼓区，我想贷款10万", "衡阳市石鼓区"),  # no street after it: the places alone
    ],
)
def test_the_city_and_county_said_before_a_comma_stay_in_the_address(text: str, address: str) -> None:
    assert read_labelled(text, []).values.get("premises_address") == address


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("来电人他叫周强，手机13907311234", "周强"),
        ("客户她姓王，叫王芳", "王芳"),
        ("来电的他叫赵大海，想办执照", "赵大海"),
        ("来电人她名字是李秀英", "李秀英"),
    ],
)
def test_the_callers_name_is_read_when_the_subject_is_said_twice(text: str, name: str) -> None:
    assert read_labelled(text, [], third_person=True).values.get("applicant_name") == name


def test_four_characters_in_a_list_are_no_uncued_name_unless_a_compound_surname_starts_them() -> None:
    types = [entity("business_type", "individual_business"), entity("item", "business_registration")]
    said = "我要办营业执照，项目老罗水电，个体户，水电安装，常德市武陵区洞庭大道9号"
    listed = read_labelled(said, types, third_person=True)
    assert "applicant_name" not in listed.values and listed.values["industry"] == "水电安装"
    assert read_labelled("欧阳晓明，身份证43011119960101771X", []).values["applicant_name"] == "欧阳晓明"


def test_a_graduation_year_implies_the_category_only_where_none_is_said() -> None:
    assert read_labelled("21年毕业的，想办执照", []).implied == {"person_category": "college_graduate"}
    veteran = read_labelled("我是退役军人，19年毕业", [entity("person_category", "veteran")])
    assert veteran.implied == {} and veteran.values["person_category"] == "veteran"


async def test_a_graduation_year_in_the_opening_message_makes_the_person_a_graduate(service_url: str) -> None:
    texts, slots, _ = await start(
        ("21年毕业的，店开了两年，第一次创业，想申请创业补贴", "start_application", [entity("item", "startup_subsidy")])
    )
    assert slots["graduation_year"] == 2021 and slots["person_category"] == "college_graduate", texts
    assert "高校毕业生" in texts[0]


async def test_a_category_said_earlier_is_not_replaced_by_a_later_graduation_year(service_url: str) -> None:
    _, slots, _ = await start(
        ("我是返乡农民工", "inform", [entity("person_category", "returning_migrant_worker")]),
        ("前年毕业的，想申请创业补贴", "start_application", [entity("item", "startup_subsidy")]),
    )
    assert slots["person_category"] == "returning_migrant_worker"


async def test_the_hotline_callers_name_said_with_his_role_and_pronoun_is_seeded(service_url: str) -> None:
    _, slots, _ = await start(
        ("来电人他叫陈大勇，想办营业执照", "start_application", [entity("item", "business_registration")]),
        sender=HOTLINE + "-twice",
        channel="hotline",
    )
    assert slots["applicant_name"] == "陈大勇"
