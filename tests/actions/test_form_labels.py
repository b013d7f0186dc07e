"""The labelled extractor on field lists as people type or dictate them (no service needed).

Every case names where each value must land; a value in another field, or a field filled that the message does
not name, fails the case.
"""

import pytest

from actions.application.form_business import places_in_address
from actions.application.form_labels import read_labelled

ID = "43010419900101100X"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("名字田小禾，高校毕业生，想办执照", {"applicant_name": "田小禾"}),
        (f"叫田小禾，身份证{ID}", {"applicant_name": "田小禾", "id_number": ID}),
        (f"高校毕业生田小禾，身份证{ID}", {"applicant_name": "田小禾", "id_number": ID}),
        (f"田小禾，田野的田，小小的小，禾苗的禾，身份证{ID}", {"applicant_name": "田小禾", "id_number": ID}),
        ("準備成立湘鄉小禾陶藝有限公司", {"project_name": "湘乡小禾陶艺有限公司"}),
        ("我想开个眼镜店叫石榴眼镜", {"project_name": "石榴眼镜"}),
        ("开了家面馆，名字叫秀英面馆，餐飲", {"project_name": "秀英面馆", "industry": "餐饮"}),
        (
            "项目青山竹编，竹编工艺，个体户，地址攸县城关镇建设路8号",
            {"project_name": "青山竹编", "industry": "竹编工艺", "premises_address": "攸县城关镇建设路8号"},
        ),
        ("行业是五金地址耒阳市蔡子池街道某路8号", {"industry": "五金", "premises_address": "耒阳市蔡子池街道某路8号"}),
        (
            "弄个街口水果铺叫小禾果坊，行业填零售，个体户，地址长沙市岳麓区麓山南路12号",
            {"project_name": "小禾果坊", "industry": "零售", "premises_address": "长沙市岳麓区麓山南路12号"},
        ),
        ("申请创业担保贷款，贷款12万3年", {"loan_amount": "120000", "loan_term_months": 36}),
        (
            "开了个超市叫李记超市，地址在长沙市天心区某某路3号",
            {"project_name": "李记超市", "premises_address": "长沙市天心区某某路3号"},
        ),
        ("叫李记米粉", {"project_name": "李记米粉"}),  # a shop's name (米粉 ends one), never the applicant's
        ("居民服务，个体户", {"industry": "居民服务"}),
        ("在浙江厂里做了好些年，今年回老家，想开个店", {"person_category": "returning_migrant_worker"}),
        ("我退伍两年了，想贷点款", {"person_category": "veteran"}),
        (
            "李秀英身份证43010419900101100X电话13807311234",
            {"applicant_name": "李秀英", "id_number": ID, "phone": "13807311234"},
        ),
        ("肖雪，43010419900101100x，13807311234", {"applicant_name": "肖雪", "id_number": ID, "phone": "13807311234"}),
        # a business described first, then its proper name (issue 12): the name, never the kind or the filler
        ("打算在湘潭开一家洗车行，名字定为净途洗车", {"project_name": "净途洗车"}),
        ("想搞个做米酒的小作坊就叫醉春坊", {"project_name": "醉春坊"}),
        ("店名用我儿子的小名吧，叫豆豆玩具", {"project_name": "豆豆玩具"}),
        ("准备在株洲开个修鞋铺，叫老周鞋匠", {"project_name": "老周鞋匠"}),
        ("项目就叫晨光书屋，文化零售，个体工商户", {"project_name": "晨光书屋", "industry": "文化零售"}),
        ("开了间茶馆，名字叫听雨轩，做茶饮的", {"project_name": "听雨轩", "industry": "茶饮"}),
        # voice input glued together, and unlabelled lists
        (
            "我叫彭丽华项目丽华米粉店餐饮服务个体户地址岳阳市岳阳楼区洞庭路9号",
            {
                "applicant_name": "彭丽华",
                "project_name": "丽华米粉店",
                "industry": "餐饮服务",
                "premises_address": "岳阳市岳阳楼区洞庭路9号",
            },
        ),
        (
            "星辰文化传媒有限公司，文化传媒，企业，长沙市芙蓉区五一大道8号",
            {
                "project_name": "星辰文化传媒有限公司",
                "industry": "文化传媒",
                "premises_address": "长沙市芙蓉区五一大道8号",
            },
        ),
        (
            "小铺叫阿福炒货，食品零售，个体，衡阳蒸湘华新路5号",
            {"project_name": "阿福炒货", "industry": "食品零售", "premises_address": "衡阳蒸湘华新路5号"},
        ),
        ("名字是章立早章的章章明", {"applicant_name": "章明"}),
        ("胡振东，古月胡，振兴的振，东方的东", {"applicant_name": "胡振东"}),
        (
            "我叫向阳，项目叫向阳民宿，贷款12万",
            {"applicant_name": "向阳", "project_name": "向阳民宿", "loan_amount": "120000"},
        ),
        ("我叫唐敏，开了家唐敏小吃", {"applicant_name": "唐敏", "project_name": "唐敏小吃"}),
        ("开了个店，我叫唐敏", {"applicant_name": "唐敏"}),
        ("我想开个奶茶店，想好了名字叫茶小满", {"project_name": "茶小满"}),
        ("呃我叫胡振东嗯", {"applicant_name": "胡振东"}),
        (f"嗯我是邓丽君啊身份证{ID}", {"applicant_name": "邓丽君", "id_number": ID}),
        # a plan with a place is no address; an industry word is never a person
        ("想在长沙市黄兴路步行街开个店", {"premises_address": "长沙市黄兴路步行街"}),
        ("我在株洲市芦淞区建设路12号开店", {"premises_address": "株洲市芦淞区建设路12号"}),
        ("项目叫白沙竹编合作社，竹编", {"project_name": "白沙竹编合作社", "industry": "竹编"}),
        (f"文化零售，个体工商户，身份证{ID}", {"industry": "文化零售", "id_number": ID}),
    ],
)
def test_each_value_lands_in_its_own_field(text: str, expected: dict[str, object]) -> None:
    found = read_labelled(text, [])
    named = {k: v for k, v in found.values.items() if k not in ("graduation_year", "business_started_on")}
    assert named == expected


def test_a_shop_name_after_its_shop_word_is_never_the_applicants_name() -> None:
    found = read_labelled(f"我叫王芳，身份证{ID}，开了家米粉店，名字叫李记米粉", [])
    assert found.values["applicant_name"] == "王芳"
    assert found.values["project_name"] == "李记米粉"


@pytest.mark.parametrize(
    ("address", "places"),
    [
        ("醴陵市来龙门街道瓷城路5号", ["株洲市", "醴陵市"]),
        ("攸县城关镇建设路8号", ["株洲市", "攸县"]),
        ("湘西州吉首市人民路3号", ["湘西土家族苗族自治州", "吉首市"]),
        ("长沙县星沙街道开元路1号", ["长沙市", "长沙县"]),
        ("长沙市岳麓区麓谷大道100号", ["长沙市", "岳麓区"]),
    ],
)
def test_the_prefecture_follows_from_a_county_level_name(address: str, places: list[str]) -> None:
    assert places_in_address(address) == places


def test_an_18_digit_bank_account_is_not_read_as_an_id_number_when_asked_for() -> None:
    assert read_labelled("622202190100123456", [], bare_numbers=False).values == {}
    assert read_labelled("622202190100123456", []).values == {"id_number": "622202190100123456"}


def test_a_remark_about_the_project_name_is_not_stored_as_the_name() -> None:
    from actions.application.form_guard import free_text_problem

    for remark in ("就用我名字吧", "还没想好", "用我孙女的名字"):
        assert free_text_problem("project_name", remark) is not None, remark
    for name in ("湘味米粉店", "我家小厨", "铁牛修车"):
        assert free_text_problem("project_name", name) is None, name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证号码是四三零一零四一九九零零一零一一二三零", {"id_number": "430104199001011230"}),
        ("电话幺三九幺二三四五六七八", {"phone": "13912345678"}),
        ("身份证四三零一零四一九九零零一零一一零零叉", {"id_number": "43010419900101100X"}),
    ],
)
def test_numbers_dictated_digit_by_digit_are_read(text: str, expected: dict[str, str]) -> None:
    assert read_labelled(text, []).values == expected


def test_short_runs_of_number_words_stay_words() -> None:
    assert read_labelled("三五成群，一一说明", []).values == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dictated without punctuation: each value ends where the next field or a filler starts
        (
            "项目王记米粉餐饮业个体户地址长沙市雨花区劳动路8号",
            {"project_name": "王记米粉", "industry": "餐饮业", "premises_address": "长沙市雨花区劳动路8号"},
        ),
        ("项目叫王记米粉就是做餐饮的", {"project_name": "王记米粉", "industry": "餐饮"}),
        (
            "店名就叫阿强烧烤然后地址在湘潭市雨湖区建设路3号",
            {"project_name": "阿强烧烤", "premises_address": "湘潭市雨湖区建设路3号"},
        ),
        ("想开个小禾果坊卖水果", {"project_name": "小禾果坊"}),
        ("行业是农业种蔬菜的", {"industry": "农业种蔬菜"}),
        ("地址长沙市岳麓区麓山南路１２号", {"premises_address": "长沙市岳麓区麓山南路12号"}),
        # a correction of the business type names no project
        ("不是个体户，改成有限公司", {}),
        # the year is in the part that says when, not in the category's name
        ("大学毕业生 2022年毕业", {"graduation_year": 2022}),
        ("银行账户6222021234567890123", {"bank_account": "6222021234567890123"}),
        ("账号是6222 0219 0100 1234 567", {"bank_account": "6222021901001234567"}),
        ("银行卡号622202123456789012", {"bank_account": "622202123456789012"}),  # 18 digits: no ID number
    ],
)
def test_dictated_fields_end_at_the_next_field_or_filler(text: str, expected: dict[str, str]) -> None:
    assert read_labelled(text, []).values == expected
