"""Eligibility per item and benefit (bundle.md), with the reason in Chinese and what is still missing."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bundle_service.adapters.data_sharing import PersonRecords
from bundle_service.applications.catalog import load_items
from bundle_service.applications.vocabulary import load_vocabulary
from bundle_service.eligibility.policy import load_policy
from contract.labels import CHOICE_LABELS, FIELD_LABELS

MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class Profile:
    """What is known about a person for matching; None means unknown.

    Attributes:
        today: Today in the service's time zone.
        person_category: Form category code.
        other_category: Detail of category ``other`` (released prisoner, online merchant …).
        graduation_year: Year of graduation for college graduates.
        business_started_on: Registration date of the business.
        business_age_months: Alternative to the date: how long the business has operated.
        first_time_founder: First business of the person.
        has_licence: Holds a business licence.
        business_type: individual_business, enterprise or cooperative.
        birth_date: From the ID number.
        holds_employment_cert: Already holds the employment and entrepreneurship certificate.
        applying_items: Items applied for together (a business registered in this bundle has not operated yet).
        other_business_loans: Still repaying a business loan (housing, car and student loans do not count).
    """

    today: date
    person_category: str | None = None
    other_category: str | None = None
    graduation_year: int | None = None
    business_started_on: date | None = None
    business_age_months: int | None = None
    first_time_founder: bool | None = None
    has_licence: bool | None = None
    business_type: str | None = None
    birth_date: date | None = None
    holds_employment_cert: bool = False
    applying_items: frozenset[str] = frozenset()
    other_business_loans: bool | None = None

    def operating_months(self) -> int | None:
        """Whole months the business has operated, if known."""
        if self.business_started_on is not None:
            start, today = self.business_started_on, self.today
            return (today.year - start.year) * MONTHS_PER_YEAR + today.month - start.month - (today.day < start.day)
        return self.business_age_months


@dataclass(frozen=True)
class Assessment:
    """Whether a person qualifies for one item or benefit.

    Attributes:
        code: Item or benefit code.
        name: Chinese name.
        qualifies: True only when every condition is known to hold.
        reason: Why, in Chinese.
        missing: Profile fields still needed to decide.
        failed: True when a known fact rules the person out (not merely missing information).
    """

    code: str
    name: str
    qualifies: bool
    reason: str
    missing: tuple[str, ...] = ()
    failed: bool = False


@dataclass
class _Check:
    failures: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    missing_text: list[str] = field(default_factory=list)

    def need(self, field_name: str, text: str | None = None) -> None:
        self.missing.append(field_name)
        self.missing_text.append(text or FIELD_LABELS[field_name])

    def result(self, code: str, success: str) -> Assessment:
        name = load_items()[code].name
        if self.failures:
            return Assessment(code, name, False, "；".join(self.failures) + "。", tuple(self.missing), failed=True)
        if self.missing:
            text = "还需要知道：" + "、".join(self.missing_text) + "，才能判断是否符合条件。"
            return Assessment(code, name, False, text, tuple(self.missing))
        return Assessment(code, name, True, success)


def _category_label(code: str | None) -> str:
    vocabulary = load_vocabulary()
    return vocabulary.person_categories[code].label if code in vocabulary.person_categories else str(code)


def _working_age(profile: Profile, check: _Check) -> None:
    if profile.birth_date is None:
        return
    age = profile.today.year - profile.birth_date.year
    age -= (profile.today.month, profile.today.day) < (profile.birth_date.month, profile.birth_date.day)
    bounds = load_policy().working_age
    if not bounds["min_years"] <= age < bounds["max_years"]:
        check.failures.append(f"须在劳动年龄内（{bounds['min_years']}至{bounds['max_years']}周岁），您现在{age}周岁")


def employment_cert(profile: Profile) -> Assessment:
    """Working-age people willing to work or start a business; not for holders of a certificate."""
    check = _Check()
    if profile.holds_employment_cert:
        check.failures.append("您已持有就业创业证，无需重复申领")
    _working_age(profile, check)
    return check.result(
        "employment_cert", "劳动年龄内有就业创业意愿的人员均可申领就业创业证，它是享受创业补贴、贷款和免费培训的凭证。"
    )


def pension_registration(profile: Profile) -> Assessment:
    """Working-age individual business owners without employees and flexibly employed people."""
    check = _Check()
    _working_age(profile, check)
    return check.result(
        "pension_registration",
        "无雇工的个体工商户和灵活就业人员可以个人身份参加企业职工基本养老保险，缴费基数在上年度全省平均工资的"
        "60%至300%之间自选。",
    )


def startup_subsidy(profile: Profile) -> Assessment:
    """First-time founders in the listed categories whose business has operated for at least a year."""
    rules = load_policy().startup_subsidy
    check = _Check()
    category = profile.person_category
    if category is None:
        check.need("person_category")
    elif category not in rules["categories"]:
        names = "、".join(_category_label(c) for c in rules["categories"])
        check.failures.append(f"创业补贴面向{names}，“{_category_label(category)}”不在其列")
    elif category == "college_graduate":
        if profile.graduation_year is None:
            check.need("graduation_year")
        elif profile.today >= date(
            profile.graduation_year + rules["graduate_within_years"], rules["graduation_month"], 1
        ):
            check.failures.append(
                f"高校毕业生须在毕业{rules['graduate_within_years']}年内，您{profile.graduation_year}年毕业"
                f"（按当年{rules['graduation_month']}月毕业算）已满{rules['graduate_within_years']}年"
            )
    if profile.first_time_founder is None:
        check.need("first_time_founder")
    elif not profile.first_time_founder:
        check.failures.append("创业补贴只发给首次创业的人员")
    if profile.business_type is not None and profile.business_type not in rules["business_types"]:
        check.failures.append("创业补贴只面向小微企业和个体工商户")
    months = profile.operating_months()
    minimum = rules["min_operating_years"] * MONTHS_PER_YEAR
    if "business_registration" in profile.applying_items and profile.business_started_on is None:
        check.failures.append(f"经营主体本次才登记，正常经营满{rules['min_operating_years']}年后才能申领")
    elif profile.has_licence is False:
        check.failures.append("尚未取得营业执照，经营主体正常经营满1年后才能申领")
    elif months is None:
        check.need("business_started_on")
    elif months < minimum:
        check.failures.append(f"经营主体须正常经营满{rules['min_operating_years']}年，目前经营了{max(months, 0)}个月")
    return check.result(
        "startup_subsidy",
        f"符合条件（{_category_label(category)}、首次创业、正常经营满{rules['min_operating_years']}年），"
        f"可申领一次性创业补贴{rules['amount_yuan']}元，发放前公示5个工作日。",
    )


def guaranteed_loan(profile: Profile) -> Assessment:
    """The listed groups, with no other unpaid business loan when the person says so; credit is checked by the bank."""
    rules = load_policy().guaranteed_loan
    vocabulary = load_vocabulary()
    check = _Check()
    category = profile.person_category
    label = _category_label(category)
    if category is None:
        check.need("person_category")
    elif category == "other":
        detail = profile.other_category
        if detail is None:
            check.need("other_category", f"具体属于哪类人员（{'、'.join(CHOICE_LABELS['other_category'].values())}）")
        elif detail not in rules["other_categories"]:
            check.failures.append("创业担保贷款只面向政策列明的人员类别")
        else:
            label = vocabulary.other_categories[detail].label
    elif category not in rules["categories"]:
        check.failures.append(f"“{label}”不在创业担保贷款的支持对象之列")
    elif category in rules.get("category_includes", {}):
        label = f"{label}（{rules['category_includes'][category]}）"
    if profile.other_business_loans:
        check.failures.append(
            "除房贷、车贷、助学贷款外，须没有其他未还清的经营性贷款，您说还有经营性贷款没还清，还清后才能申请"
        )
    return check.result(
        "guaranteed_loan",
        f"{label}属于创业担保贷款支持对象：个人最高20万元、期限最长3年（合伙或组织起来创业的按人数合计，人均还可上浮"
        "不超过10%），小微企业最高300万元、期限最长2年，财政贴息；"
        "还须信用良好，除房贷、车贷、助学贷款外无其他经营性贷款，由人社部门、担保机构和经办银行审核。",
    )


def incubator(_profile: Profile) -> Assessment:
    """Anyone with a business project, with a business plan."""
    return _Check().result("incubator", "有创业项目即可申请入驻创业孵化基地，需提交创业计划书，孵化期一般不超过3年。")


def training(profile: Profile) -> Assessment:
    """Anyone; free with the employment and entrepreneurship certificate."""
    free = profile.holds_employment_cert or "employment_cert" in profile.applying_items
    tail = "持就业创业证可免费参加。" if free else "申领就业创业证后可免费参加。"
    return _Check().result("training", f"有创业意愿的人员均可参加SYB、GYB、IYB或网创培训，{tail}")


def business_registration(_profile: Profile) -> Assessment:
    """Anyone starting a business; with taxpayer confirmation."""
    return _Check().result(
        "business_registration",
        "可登记为个体工商户、企业或农民专业合作社，须与纳税人信息确认一并申请，发放电子营业执照。",
    )


def taxpayer_confirmation(_profile: Profile) -> Assessment:
    """Goes with business registration."""
    return _Check().result(
        "taxpayer_confirmation", "取得营业执照后自动启动新办纳税人套餐，须与经营主体登记注册一并申请。"
    )


RULES = {
    "employment_cert": employment_cert,
    "pension_registration": pension_registration,
    "startup_subsidy": startup_subsidy,
    "guaranteed_loan": guaranteed_loan,
    "incubator": incubator,
    "training": training,
    "business_registration": business_registration,
    "taxpayer_confirmation": taxpayer_confirmation,
}


def assess_items(profile: Profile) -> list[Assessment]:
    """Every item of the catalogue, in its order, assessed for ``profile``."""
    return [RULES[code](profile) for code in load_items()]


def assess_benefits(items: list[Assessment], profile: Profile) -> list[Assessment]:
    """Every benefit of ``policy.yml``, following the assessment of its item."""
    by_code = {a.code: a for a in items}
    results = []
    for benefit in load_policy().benefits:
        item = by_code[benefit.item]
        qualifies, reason = item.qualifies, item.reason
        if qualifies and benefit.requires_employment_cert and not profile.holds_employment_cert:
            cert = by_code["employment_cert"]
            qualifies = cert.qualifies
            reason = "申领就业创业证后可享受。" if qualifies else "需持有就业创业证。"
        results.append(Assessment(benefit.code, benefit.name, qualifies, reason, item.missing, item.failed))
    return results


def facts_from_records(records: PersonRecords) -> dict[str, Any]:
    """Profile facts the shared records prove (they override what a person states)."""
    facts: dict[str, Any] = {"holds_employment_cert": records.employment_cert is not None}
    if records.proven_category:
        facts["person_category"] = records.proven_category
    if records.graduation_year is not None:
        facts["graduation_year"] = records.graduation_year
    licence = records.first_licence
    facts["has_licence"] = licence is not None
    facts["first_time_founder"] = len(records.licences) <= 1
    if licence is not None:
        facts["business_started_on"] = licence.registered_on
        facts["business_type"] = licence.business_type
    return facts
