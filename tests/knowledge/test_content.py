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
