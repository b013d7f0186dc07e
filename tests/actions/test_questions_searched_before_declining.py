"""Context and routing (issue 12, the eighth sets' B1/B4/C2/C6): questions are answered before anything is declined.

The out-of-scope and fallback replies search the knowledge base first when the message asks something, and decline
only what it does not hold; a question where to go in person is told the window; "how do I check my progress" is
explained, not the progress form; a follow-up switching the kind of business keeps the question, one switching to
another item drops an aspect only the loan has; after a progress result the statutory limit of an item is the
knowledge base's, not the line's due date; a where-question with a subject of its own is not the entry points.
"""

from typing import Any

from actions.conversation import context
from actions.conversation.fallback import ASK_TO_REPHRASE, ActionHandleLowConfidence
from actions.conversation.replies import OUT_OF_SCOPE
from actions.conversation.routing import ActionOutOfScope, ActionRouteEligibility, ActionRouteProgress
from actions.knowledge.query_text import query_text
from actions.progress import progress_followups
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_context_followups import after_progress
from tests.actions.test_followups import after, entity, followup, run


async def test_a_question_of_ours_read_as_out_of_scope_or_unsure_is_answered(knowledge_service: str) -> None:
    for said in ("对方说手机弄不来，打算当面去办理，具体地点在哪", "我不太会用小程序，能到哪里现场办"):
        for action, intent in ((ActionOutOfScope(), "out_of_scope"), (ActionHandleLowConfidence(), "nlu_fallback")):
            text, _ = await run(action, make_tracker([user_event(said, intent)]))
            assert "政务服务大厅" in text and not text.startswith(OUT_OF_SCOPE[0][:20]), (said, intent, text)
    said = "灵活就业的养老保险，是交职工那种还是居民那种"
    for action, intent in ((ActionOutOfScope(), "out_of_scope"), (ActionHandleLowConfidence(), "nlu_fallback")):
        text, _ = await run(action, make_tracker([user_event(said, intent)]))
        assert "企业职工基本养老保险" in text, (intent, text)


async def test_a_real_off_topic_question_is_still_declined(knowledge_service: str) -> None:
    for said in ("明天长沙会不会下雨", "红烧鱼要怎么做才好吃", "炒股票怎么开户"):
        text, _ = await run(ActionOutOfScope(), make_tracker([user_event(said, "out_of_scope")]))
        assert text.startswith(OUT_OF_SCOPE[0][:20]), (said, text)
        text, _ = await run(ActionHandleLowConfidence(), make_tracker([user_event(said, "nlu_fallback")]))
        assert text.startswith(ASK_TO_REPHRASE[:10]), (said, text)


async def test_how_to_check_progress_is_explained_not_the_form(knowledge_service: str) -> None:
    for said in ("我的办理进度要怎么查询", "我那份申请的进度在哪里看"):
        text, events = await run(ActionRouteProgress(), make_tracker([user_event(said, "check_progress")]))
        assert followup(events) != "progress_form" and "后6位" in text, (said, text)
    _, events = await run(ActionRouteProgress(), make_tracker([user_event("帮我查一下申请进度", "check_progress")]))
    assert followup(events) == "progress_form"


def _loan_then(said: str, earlier: str = "担保贷款最长能贷几年", entities: Any = None) -> str:
    loan = [entity("item", "guaranteed_loan", earlier, "贷款")]
    events = after("action_answer_question", earlier, "ask_question", said, "ask_question", earlier_entities=loan)
    events[-1] = user_event(said, "ask_question", entities)
    return query_text(make_tracker(events))


def test_a_follow_up_switching_the_kind_of_business_keeps_the_question() -> None:
    assert _loan_then("换成有限公司呢") == "小微企业担保贷款最长能贷几年"  # the loan's own word for a company
    assert _loan_then("那公司的呢", "担保贷款个人最多能借多少") == "担保贷款小微企业最多能借多少"
    assert _loan_then("小微企业的呢") == "小微企业担保贷款最长能贷几年"
    assert _loan_then("要是办合作社呢", "个体户担保贷款最长能贷几年") == "合作社担保贷款最长能贷几年"
    assert _loan_then("合作社呢", "个体户担保贷款最长能贷几年") == "合作社担保贷款最长能贷几年"


def test_a_follow_up_naming_the_start_of_an_items_name_switches_to_that_item() -> None:
    earlier = "办个营业执照要多少天"
    licence = [entity("item", "business_registration", earlier, "营业执照")]
    events = after(
        "action_answer_question", earlier, "ask_question", "那纳税人的那个呢", "inform", earlier_entities=licence
    )
    asked = query_text(make_tracker(events))
    assert "纳税人信息确认" in asked and "营业执照" not in asked and "多少天" in asked, asked


def test_an_aspect_only_the_loan_has_is_not_carried_to_another_item() -> None:
    said = "那补贴呢"
    subsidy = [entity("item", "startup_subsidy", said, "补贴")]
    assert _loan_then(said, "担保贷款的利息咋算", subsidy) == "补贴多少钱"
    assert _loan_then(said, "担保贷款多久能批下来", subsidy) == "补贴多久能批下来"


async def test_the_statutory_limit_after_a_progress_result_is_no_line_of_it(knowledge_service: str) -> None:
    for said in ("执照那项法定要几天", "税务那个按规定要多久"):
        assert progress_followups.reply(after_progress(said, "ask_question")) is None, said
    assert "纳税人信息确认" in str(progress_followups.reply(after_progress("税务那个还要几天", "ask_question")))
    assert context.fixed_reply(after_progress("执照那项按规定几天办完", "ask_question"), True) is None
    assert context.fixed_reply(after_progress("那几天能全部办完", "ask_question"), False) is not None


def test_a_where_question_with_a_subject_of_its_own_is_not_the_entry_points() -> None:
    for said, bare in (("那去哪儿办呢", True), ("要在哪里申请", True), ("在哪里办理入住", False)):
        tracker = make_tracker(after("action_answer_question", "接待站能住几天", "ask_question", said, "ask_question"))
        assert (context.fixed_reply(tracker, False) == context.ENTRY_POINTS) is bare, said
    tracker = make_tracker(
        after("action_answer_question", "接待站能住几天", "ask_question", "线下在哪弄", "ask_question")
    )
    assert context.fixed_reply(tracker, False) == context.IN_PERSON
    assert context.asks_where_in_person("来电人说想去窗口当面办，地址在哪")
    assert not context.asks_where_in_person("窗口在哪查进度")


def test_how_long_in_an_application_for_two_items_is_their_limits_not_the_bundles() -> None:
    chosen = {
        "requested_slot": "applicant_name",
        "application_items": ["business_registration", "taxpayer_confirmation"],
    }
    for said, limits in (("那大概得多久", True), ("一般几天能办好", True), ("要准备啥材料", False)):
        tracker = make_form_tracker(said, "ask_question", chosen)
        tracker.active_loop = {"name": "application_form"}
        reply = context.fixed_reply(tracker, False)
        assert (reply is not None and "经营主体登记注册3个" in reply and "纳税人信息确认1个" in reply) is limits, said
    tracker = make_form_tracker("那大概得多久", "ask_question", {**chosen, "application_items": ["guaranteed_loan"]})
    tracker.active_loop = {"name": "application_form"}
    assert context.fixed_reply(tracker, False) is None  # one item: the search with the form's item answers it


async def test_how_a_benefit_is_given_is_a_question_not_the_check(knowledge_service: str) -> None:
    for said in ("有没有哪种补助是不用去申请就自动发的", "哪些扶持可以直接到账，不申请也行吗"):
        _, events = await run(ActionRouteEligibility(), make_tracker([user_event(said, "check_eligibility")]))
        assert followup(events) != "eligibility_form", said
    _, events = await run(ActionRouteEligibility(), make_tracker([user_event("国家有啥扶持", "check_eligibility")]))
    assert followup(events) == "eligibility_form"


def test_what_a_category_means_asked_in_the_check_is_no_reply_about_the_check() -> None:
    from actions.eligibility.check_questions import CHECK_DECIDES, bundle_wide

    for said in ("对方问退役军人包括哪些人", "登记失业人员怎么认定，下岗的算不算"):
        assert bundle_wide(said) is None, said  # the knowledge base answers it; the step is asked again
    assert bundle_wide("那要什么条件才行") == CHECK_DECIDES
