"""The shipped FAQs state only bundle.md's facts, and say who to ask where bundle.md is silent (issue 14)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "spec" / "bundle.md"
FAQS = yaml.safe_load((ROOT / "knowledge_base" / "faq.yml").read_text(encoding="utf-8"))
NOT_IN_THE_POLICY = "待确认"  # tag of the FAQs on what bundle.md does not say (mortgage, banks, rates, 户籍)


def test_every_number_in_a_faq_answer_is_a_number_of_bundle_md() -> None:
    spec = re.sub(r"(?<=\d),(?=\d{3})", "", SPEC.read_text(encoding="utf-8"))  # 200,000 → 200000
    stated = set(re.findall(r"\d+", spec))
    invented = {(f["id"], n) for f in FAQS for n in re.findall(r"\d+", f["answer"]) if n not in stated}
    assert not invented


def test_what_the_policy_does_not_say_is_said_honestly_with_who_to_ask() -> None:
    honest = [f for f in FAQS if NOT_IN_THE_POLICY in f["tags"]]
    assert {"创业担保贷款需要抵押吗？", "户口不在湖南能申请吗？", "创业担保贷款可以自己选银行吗？"} <= {
        f["question"] for f in honest
    }
    for faq in honest:
        assert "政策要点" in faq["answer"] and "没有" in faq["answer"], faq["id"]
        assert "咨询" in faq["answer"], faq["id"]


def test_every_status_bundle_md_names_has_a_faq_saying_what_it_means() -> None:
    """bundle.md's statuses (已受理, 审核中, 需补正 …): a user seeing one can ask what it means (审核中 had none)."""
    bullet = re.search(r"has a status:(.*?)\n- ", SPEC.read_text(encoding="utf-8"), re.DOTALL)
    assert bullet
    statuses = re.findall(r"[\u4e00-\u9fff]{2,}", bullet.group(1))
    assert {"已受理", "审核中", "需补正", "已办结", "不予受理"} <= set(statuses)
    asked = [f["question"] for f in FAQS if f["tags"] and "进度" in f["tags"]]
    assert not [status for status in statuses if not any(status in question for question in asked)]


def test_an_answer_that_counts_the_platforms_scenes_names_them() -> None:
    """Saying "8个服务场景" alone tells a user nothing; bundle.md names the eight (policy guidance … role models)."""
    scenes = ("政策指引", "资金扶持", "孵化载体", "咨询服务", "项目展示", "资源对接", "活动赛事", "典型示范")
    counting = [f for f in FAQS if re.search(r"8个(服务)?场景", f["answer"])]
    assert counting
    assert not [(f["id"], s) for f in counting for s in scenes if s not in f["answer"]]


def test_answers_on_documents_the_system_fetches_say_they_are_exempt() -> None:
    """A FAQ tagged 免提交 that answers whether to hand in or fill in a document says 免提交 (the word users check)."""
    exempt = [f for f in FAQS if "免提交" in f["tags"] and "免提交" not in f["question"]]
    assert len(exempt) >= 8
    assert not [f["id"] for f in exempt if "免提交" not in f["answer"]]
