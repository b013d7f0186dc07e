"""Any Rasa command run through the server's preparation: ``python -m channels.prepared_rasa test core …``.

``rasa test core`` on its own runs stock Rasa's per-turn code, not what the server runs: ``channels/server.py``'s
:func:`~channels.server.prepare_rasa` replaces parts of it (applied events folded on, the collector's thresholds, the
rule index, the kept replay, …). ``make test-e2e`` runs its stories through this entry point, so the conversations
it checks take the same code path as a served conversation. The arguments are ``rasa``'s own; nothing is read from
the environment (``rasa run`` goes through ``channels/server.py``, which keeps its secrets off the command line).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from channels.server import prepare_rasa


def rasa_argv(arguments: Sequence[str]) -> list[str]:
    """The argument vector for Rasa's entry point: ``rasa`` and ``arguments`` (``run`` is refused: see the module).

    Raises:
        ValueError: no command given, or ``run`` (the server starts through ``channels/server.py``).
    """
    if not arguments:
        raise ValueError("name a Rasa command: python -m channels.prepared_rasa test core --stories …")
    if arguments[0] == "run":
        raise ValueError("start the server with python -m channels.server (its secrets stay off the command line)")
    return ["rasa", *arguments]


def main() -> int:
    """Prepare Rasa as the server does, then run Rasa's command line with this process's arguments."""
    try:
        argv = rasa_argv(sys.argv[1:])
    except ValueError as error:
        print(f"channels.prepared_rasa: {error}", file=sys.stderr)
        return 2
    from rasa.__main__ import main as rasa_main

    prepare_rasa()
    sys.argv = argv  # Rasa's CLI reads sys.argv
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
