"""A number that is no date never breaks a turn: a loan's sum and term said together is not a duration."""

from datetime import date

from actions.steps import dates

TODAY = date(2026, 12, 6)


def test_a_loan_sum_and_term_is_no_business_start_or_graduation() -> None:
    assert dates.business_start("办营业执照和创业担保贷款15万3年", TODAY) is None
    assert dates.graduation_year("贷款15万3年", TODAY) is None


def test_a_real_duration_is_still_read() -> None:
    answer = dates.business_start("店开了两年了", TODAY)
    assert answer is not None and answer.started_on == date(2024, 12, 1)
