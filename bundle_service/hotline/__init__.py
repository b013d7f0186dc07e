"""Hotline: the people behind the assistant (12345 staff) and the work they do.

Owns handoffs to a person (``handoffs``: queue a paused conversation, take it, reply on the user's channel, hand
it back; "staff take over a conversation" lives here), staff accounts seeded at start-up (``staff_accounts``) and
the throttle of the staff login (``staff_login_throttle``). The closed-loop work of issue 13 (诉求/complaints,
office hours, delivery of staff replies) lives here as well.

Called by the API routes ``handoffs``, ``staff`` and ``hotline``, and at start-up by ``main.py`` (seeding). It
reaches Rasa and WeChat only through ``adapters/``.
"""
