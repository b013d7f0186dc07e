"""The gazetteer: aliases, regions and matching in text."""

import time
from pathlib import Path

import pytest

from nlu_components.gazetteer import Gazetteer, GazetteerError, load_gazetteer, read_entity_file
from tests.components.conftest import CONTRACT_VALUES

PREFECTURES = {
    "长沙市": "长沙",
    "株洲市": "株洲",
    "湘潭市": "湘潭",
    "衡阳市": "衡阳",
    "邵阳市": "邵阳",
    "岳阳市": "岳阳",
    "常德市": "常德",
    "张家界市": "张家界",
    "益阳市": "益阳",
    "郴州市": "郴州",
    "永州市": "永州",
    "怀化市": "怀化",
    "娄底市": "娄底",
    "湘西土家族苗族自治州": "湘西",
}

ITEM_ALIASES = {
    "guaranteed_loan": "创业担保贷款 创业担保贷 担保贷款 创业贷款 创业贷 贴息贷款 贴息贷 创业贷款贴息",
    "business_registration": "营业执照 注册公司 公司注册 个体户登记 工商登记 " "经营主体登记 市场主体登记",
    "taxpayer_confirmation": "税务登记 新办纳税人 纳税人信息确认 领发票 申领发票 税务报到",
    "training": "SYB GYB IYB 创业培训 网创培训 创业培训班 syb",
    "incubator": "孵化基地 孵化园 众创空间",
    "pension_registration": "养老保险登记 灵活就业社保 个体户养老保险 灵活就业养老保险 交社保",
    "employment_cert": "就业创业证 就业失业登记证 创业证 失业证",
    "startup_subsidy": "一次性创业补贴 创业补贴 创业补助 开业补贴",
}


@pytest.mark.parametrize(
    ("phrase", "value", "span"),
    [
        ("办执照", "business_registration", "执照"),
        ("办营业执照", "business_registration", "营业执照"),
        ("入驻孵化基地", "incubator", "孵化基地"),
    ],
)
def test_verb_phrases_normalise_through_the_noun_they_hold(
    gazetteer: Gazetteer, phrase: str, value: str, span: str
) -> None:
    # The span stays on the noun, aligned with Jieba's tokens and the annotations.
    assert gazetteer.normalise("item", phrase) == value
    assert found(gazetteer, f"我想{phrase}") == [("item", value, span)]


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(s.entity, s.value, text[s.start : s.end]) for s in gazetteer.find(text)]


@pytest.mark.parametrize(
    ("value", "alias"),
    [(value, alias) for value, aliases in ITEM_ALIASES.items() for alias in aliases.split()],
)
def test_item_aliases(gazetteer: Gazetteer, value: str, alias: str) -> None:
    assert gazetteer.normalise("item", alias) == value
    assert found(gazetteer, f"我想问{alias}的事") == [("item", value, alias)]


@pytest.mark.parametrize("entity", sorted(CONTRACT_VALUES))
def test_values_are_the_contract_values(gazetteer: Gazetteer, entity: str) -> None:
    (source,) = [s for s in gazetteer.sources if s.entity == entity]
    assert set(source.values) == CONTRACT_VALUES[entity]
    for value in CONTRACT_VALUES[entity]:
        assert gazetteer.normalise(entity, value) == value


def test_all_prefectures_with_short_forms(gazetteer: Gazetteer) -> None:
    assert set(gazetteer.parents.values()) == set(PREFECTURES)
    for name, short in PREFECTURES.items():
        assert gazetteer.normalise("region", name) == name
        assert gazetteer.normalise("region", short) == name
    for alias in ("湘西州", "湘西自治州"):
        assert gazetteer.normalise("region", alias) == "湘西土家族苗族自治州"


def test_county_level_divisions(gazetteer: Gazetteer) -> None:
    counties = gazetteer.parents
    assert 115 <= len(counties) <= 130
    assert len(counties) == 122
    suffixes = {name[-1] for name in counties}
    assert suffixes == {"区", "市", "县"}
    assert sum(name.endswith("区") for name in counties) == 36
    assert sum(name.endswith("自治县") for name in counties) == 7
    for name in counties:
        assert gazetteer.normalise("region", name) == name
        assert found(gazetteer, f"我在{name}") == [("region", name, name)]


def test_counties_of_changsha(gazetteer: Gazetteer) -> None:
    assert {c for c, p in gazetteer.parents.items() if p == "长沙市"} == set(
        "芙蓉区 天心区 岳麓区 开福区 雨花区 望城区 长沙县 浏阳市 宁乡市".split()
    )
    assert gazetteer.parents["吉首市"] == "湘西土家族苗族自治州"
    assert gazetteer.parents["渌口区"] == "株洲市"


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("浏阳", "浏阳市"),
        ("宁乡", "宁乡市"),
        ("醴陵", "醴陵市"),
        ("津市", "津市市"),
        ("冷水江", "冷水江市"),
        ("城步县", "城步苗族自治县"),
        ("城步", "城步苗族自治县"),
        ("江华", "江华瑶族自治县"),
        ("靖州", "靖州苗族侗族自治县"),
        ("通道县", "通道侗族自治县"),
        ("凤凰县", "凤凰县"),
        ("株洲县", "渌口区"),  # the former name
        ("邵东县", "邵东市"),
        ("株州", "株洲市"),  # a common miswriting
        ("茶陵", "茶陵县"),
    ],
)
def test_short_forms(gazetteer: Gazetteer, short: str, full: str) -> None:
    assert gazetteer.normalise("region", short) == full
    assert found(gazetteer, f"我在{short}") == [("region", full, short)]


@pytest.mark.parametrize("text", ["通道", "凤凰古城", "桃源", "石门", "洞口", "中方", "会同财政部门", "岳麓"])
def test_excluded_short_forms_and_districts_are_not_matched(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find(text) == []


def test_excluded_short_forms_are_context_aliases(gazetteer: Gazetteer) -> None:
    assert gazetteer.normalise("region", "通道") == "通道侗族自治县"
    assert gazetteer.normalise("region", "凤凰") == "凤凰县"


def test_prefecture_short_form_is_not_the_county(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "长沙") == [("region", "长沙市", "长沙")]
    assert found(gazetteer, "长沙县") == [("region", "长沙县", "长沙县")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("长沙市岳麓区", [("region", "长沙市", "长沙市"), ("region", "岳麓区", "岳麓区")]),
        ("湘西州吉首", [("region", "湘西土家族苗族自治州", "湘西州"), ("region", "吉首市", "吉首")]),
        ("湖南县城都能办吗", []),  # 南县 across 湖南|县城
        ("湖南南县", [("region", "南县", "南县")]),
        ("天津市", []),  # not 津市
        ("湘西南地区", []),
        ("个体户养老保险", [("item", "pension_registration", "个体户养老保险")]),
        ("个体户", [("business_type", "individual_business", "个体户")]),
        ("我有住房贷款", []),
        ("培训补贴", [("item", "training", "培训补贴")]),
        (
            "我是退役军人，想办营业执照",
            [
                ("person_category", "veteran", "退役军人"),
                ("item", "business_registration", "营业执照"),
            ],
        ),
        ("贷款和培训", [("item", "guaranteed_loan", "贷款"), ("item", "training", "培训")]),
        ("长沙雨花区韶山中路", [("region", "长沙市", "长沙"), ("region", "雨花区", "雨花区")]),  # a street
        ("长沙南站有服务站吗", []),
        ("孵化基地孵化期满了", [("item", "incubator", "孵化基地")]),
        ("有哪些定点培训机构", []),
        ("社保局在哪", []),
        ("除了房贷,其他贷款有影响吗", []),
        ("IYB培训", [("item", "training", "IYB培训")]),
        ("大学生创业孵化基地", [("item", "incubator", "大学生创业孵化基地")]),
        ("SYBX课程", []),  # a Latin alias must not continue a longer word
        ("报名syb", [("item", "training", "syb")]),
        ("", []),
        ("😀😀😀", []),
    ],
)
def test_find(gazetteer: Gazetteer, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(gazetteer, text) == expected


def test_normalise(gazetteer: Gazetteer) -> None:
    assert gazetteer.normalise("item", " 创业贷 ") == "guaranteed_loan"
    assert gazetteer.normalise("item", "创业贷款吧") == "guaranteed_loan"  # one alias inside
    assert gazetteer.normalise("person_category", "其他") == "other"  # context aliases
    assert gazetteer.normalise("item", "贴息") == "guaranteed_loan"
    assert gazetteer.normalise("region", "长沙市岳麓区") is None  # two values
    assert gazetteer.normalise("region", "北京") is None
    assert gazetteer.normalise("item", "浏阳") is None  # an alias of another entity
    assert gazetteer.normalise("unknown", "浏阳") is None


@pytest.mark.parametrize(
    ("entity", "typo", "value"),
    [
        ("item", "创业代款", "guaranteed_loan"),
        ("item", "营业只照", "business_registration"),
        ("item", "就业创业正", "employment_cert"),
        ("person_category", "退役君人", "veteran"),
        ("person_category", "返乡农名工", "returning_migrant_worker"),
        ("business_type", "个休户", "individual_business"),
        ("item", "创业赛", None),  # one character off aliases of several items
        ("item", "贷歀", None),  # too short to guess
        ("region", "长春市", None),  # regions are not typo-tolerant: 长春市 is not 长沙市
        ("region", "张家口市", None),
    ],
)
def test_one_character_typos_of_tagged_spans(gazetteer: Gazetteer, entity: str, typo: str, value: str) -> None:
    assert gazetteer.normalise(entity, typo) == value
    assert gazetteer.find(typo) == []  # free text is never matched fuzzily


def test_long_text_is_fast(gazetteer: Gazetteer) -> None:
    start = time.perf_counter()
    spans = gazetteer.find("我想在浏阳申请创业贷款" * 1000)
    assert len(spans) == 2000
    assert time.perf_counter() - start < 2


def test_load_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


def _write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


def test_an_alias_of_two_values_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path, "item.yml", "values:\n  training: [培训]\n")
    _write(tmp_path, "business_type.yml", "values:\n  enterprise: [培训]\n")
    with pytest.raises(GazetteerError, match="培训"):
        load_gazetteer(tmp_path)


def test_an_excluded_short_form_is_rejected(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "region.yml",
        "prefectures:\n  - name: 怀化市\n    counties:\n"
        "      - {name: 通道侗族自治县, aliases: [通道]}\n"
        "excluded_short_forms:\n  通道: everyday word\n",
    )
    with pytest.raises(GazetteerError, match="通道"):
        read_entity_file(tmp_path / "region.yml")


def test_a_guard_word_that_is_an_alias_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path, "item.yml", "values:\n  training: [培训]\nguard_words: [培训]\n")
    with pytest.raises(GazetteerError, match="guard word"):
        load_gazetteer(tmp_path)


def test_white_space_in_an_alias_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path, "item.yml", "values:\n  training: [创业 培训]\n")
    with pytest.raises(GazetteerError, match="white space"):
        load_gazetteer(tmp_path)


def test_a_context_alias_of_an_unknown_value_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path, "item.yml", "values:\n  training: [培训]\ncontext_aliases:\n  trainig: [课]\n")
    with pytest.raises(GazetteerError, match="trainig"):
        load_gazetteer(tmp_path)
