"""What users say about the service: 好差评 ratings (1–5) and 👍/👎 on the assistant's answers.

Owns storing ratings of finished applications (once the route has checked the owner with ``progress/``),
conversations and staff handoffs, and the rule that a 1–2 star rating opens a follow-up 诉求 (整改 + 回访) in the
hotline wing's queue; and storing answer feedback with the question, the answer and its source. Called by
``api/routes/feedback.py`` and ``api/routes/progress.py`` (the application's rating). Contract:
``docs/closed_loop_api.md``.
"""
