"""Applications: the one form of the bundle and everything that turns it into a filed application.

Owns the form 《个人创业"一件事"信息采集表》 and its fields (``form``: the whole-form check; ``fields`` and
``loan_fields``: one validator per field; ``field_checks``: the context and text/choice checks they share;
``field_problem``: the exception a validator raises; ``id_numbers``: resident ID numbers), filing (``filing``:
validate, number, store, dispatch, idempotently), application numbers (``numbering``), the department tasks a
filing creates (``dispatch``), the material checklist (``materials``) and 免申即享 filing by one confirmation
(``one_click``).

Called by the API routes ``applications``, ``hotline`` (filing on a caller's behalf), ``validation``, ``prefill``
and ``eligibility`` (one-click), and by the services container (``api/deps.py``), which builds the one ``Filings``.
Why a wing of its own: a newcomer looking for "file an application" finds it here, next to the form it validates.
"""
