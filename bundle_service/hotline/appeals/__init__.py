"""诉求 (complaints and requests): created by the bot, handled by staff in the console, closed with a result.

Owns the categories and their classification rule (data: ``data/appeal_categories.yml``), tracking numbers, the
working-day clock and light of a 诉求, the owner's verification, and the staff workflow (take, reply, close).
Called by the routes in ``api/routes/appeals.py`` and by the ratings of ``feedback/`` (a bad rating opens a
follow-up 诉求). Contract: ``docs/closed_loop_api.md``.
"""
