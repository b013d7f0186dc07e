"""Benchmarks and evaluations: what ``make bench`` measures and what the quality tests assert.

- :mod:`bench.nlu_eval` (Rasa environment): a trained model's NLU on the held-out split; ``tests/nlu`` asserts its
  floors.
- :mod:`bench.knowledge_eval` (service environment): knowledge retrieval on the dev sets; ``tests/knowledge``
  asserts its floor.
- :mod:`bench.assistant` (Rasa): the Chinese pipeline against stock Rasa (``stock_config.yml``).
- :mod:`bench.wechat_push` (Rasa): WeChat push acknowledgement while the bot is busy.
- :mod:`bench.submit` (service): submit throughput on SQLite and PostgreSQL.
- :mod:`bench.knowledge` (service): embedding models, BM25 and hybrids side by side.
- :mod:`bench.dates` (Rasa): Chinese date parsers on ``tests/actions/date_cases.yml``.

The thin entry points in ``scripts/`` run them; figures are in ``docs/benchmarks.md``.
"""
