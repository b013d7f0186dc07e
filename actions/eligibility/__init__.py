"""Who qualifies for what (``eligibility_form``).

The person's situation read from their words, and the verdicts of the service's rules with their
reasons.
"""
