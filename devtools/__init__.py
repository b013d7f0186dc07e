"""Tools for developing and testing the assistant on one machine; not part of what is deployed.

- :mod:`devtools.run_stack` starts Rasa, the action server and the bundle service (``make run``, the tests that
  need a live stack); :mod:`devtools.stack_profile` decides what a run generates and what it refuses to start with.
- :mod:`devtools.fake_code2session` stands in for WeChat's login API (the H5 dev login, the login tests).
- :mod:`devtools.chat` is the terminal chat (``make chat``).
- :mod:`devtools.nlu_resources` generates Rasa's resources from the gazetteer (``make nlu-resources``).
- :mod:`devtools.finetune_embedding` is the embedding fine-tuning experiment.
- :mod:`devtools.scratch_postgres` makes throwaway PostgreSQL databases (the service tests, ``bench/submit.py``).

Each module's docstring names the environment that runs it; the thin entry points in ``scripts/`` run them.
``run_stack``, ``stack_profile``, ``fake_code2session`` and ``chat`` are standard library only.
"""
