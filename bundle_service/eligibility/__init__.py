"""Eligibility: which items and benefits of the bundle a person may get, with the reason in Chinese.

Owns the rules per item and benefit (``rules``: ``Profile``, ``RULES``, ``facts_from_records``), read from the
policy data (``bundle_service/data/policy.yml``). It decides and explains; it stores nothing.

Called by the whole-form check and one-click filing (``applications/form.py``, ``applications/one_click.py``)
and by the API route ``eligibility``. A wing of its own because three callers share one set of rules and the
rules change with policy, not with the form.
"""
