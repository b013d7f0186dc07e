"""Start the Rasa server with no secret on its command line: ``python -m channels.server --model … --port …``.

``rasa run --auth-token <token>`` shows the token to everyone on the machine (``ps -ef``). This launcher takes the
arguments of ``rasa run`` except the sensitive and network ones, reads those from the environment and runs Rasa's
own command-line entry point in this process, so they never reach the process's arguments:

- ``BUNDLE_RASA_TOKEN``: ``--auth-token`` of Rasa's HTTP API (trackers, events, model); required with
  ``--enable-api``. The hotline channel checks the console relay's signature with the same secret.
- ``RASA_HOST``: the interface (default 127.0.0.1: loopback only).
- ``RASA_CORS_ORIGINS``: comma-separated origins browsers may call from (the H5 chat page's, i.e. the service's
  URL); unset or empty: no cross-origin access at all. ``*`` is refused.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

TOKEN_VARIABLE = "BUNDLE_RASA_TOKEN"
HOST_VARIABLE = "RASA_HOST"
CORS_VARIABLE = "RASA_CORS_ORIGINS"
DEFAULT_HOST = "127.0.0.1"
FORBIDDEN = ("-t", "--auth-token", "--jwt-secret", "--cors", "-i", "--interface")


class LaunchError(Exception):
    """The arguments or the environment would start Rasa insecurely."""


def cors_origins(value: str | None) -> list[str]:
    """The configured origins (comma- or space-separated).

    Raises:
        LaunchError: ``*`` is among them (any site could call the channels with the user's browser).
    """
    origins = [origin.strip().rstrip("/") for origin in (value or "").replace(",", " ").split() if origin.strip()]
    if "*" in origins:
        raise LaunchError(f"{CORS_VARIABLE} may not contain '*': name the H5 chat page's origin")
    return origins


def rasa_arguments(argv: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """The argument vector for Rasa's own entry point (``rasa run …``), secrets and network from ``environ``.

    Raises:
        LaunchError: ``argv`` names a secret, the interface or CORS itself, or the API is enabled without a token.
    """
    named = [arg for arg in argv if arg.split("=", 1)[0] in FORBIDDEN]
    if named:
        raise LaunchError(f"{', '.join(named)}: set {TOKEN_VARIABLE}, {HOST_VARIABLE} and {CORS_VARIABLE} instead")
    token = environ.get(TOKEN_VARIABLE, "")
    if "--enable-api" in argv and not token:
        raise LaunchError(f"--enable-api without {TOKEN_VARIABLE}: Rasa's HTTP API would answer anyone")
    arguments = ["rasa", "run", "--interface", environ.get(HOST_VARIABLE) or DEFAULT_HOST]
    if token:
        arguments.append(f"--auth-token={token}")  # one word: a token may begin with "-" (token_urlsafe)
    origins = cors_origins(environ.get(CORS_VARIABLE))
    if origins:
        arguments += ["--cors", *origins]
    return [*arguments, *argv]


def prepare_rasa() -> None:
    """Remove Rasa's repeated work per turn before it starts (``docs/benchmarks.md``, "Issue 16")."""
    from channels import (
        applied_events,
        debug_copies,
        domain_digest,
        event_types,
        gc_freeze,
        graph_runner,
        json_validation,
        kept_predict_step,
        kept_session,
        local_prompts,
        prior_states,
        rule_index,
        slot_copy,
        sparse_features,
    )

    json_validation.install()  # Rasa checks every action response against a schema: build its validator once
    event_types.install()  # Rasa finds each stored event's class by walking all event classes: remember them
    gc_freeze.install()  # the loaded model's objects out of the collector's full walks
    graph_runner.install()  # the model's graph run node after node, without a dask graph per parse and prediction
    slot_copy.install()  # every tracker Rasa builds copies all slots: copy their attributes, not via pickling
    prior_states.install()  # the policies' states of a conversation from one kept replay, not one replay each
    rule_index.install()  # RulePolicy checks only the rules whose last state can match the conversation's
    kept_session.install()  # one kept HTTP session to the action server, not a new one and a connection per call
    debug_copies.install()  # the policies' debug lines take the states as they are, not a deep copy each
    domain_digest.install()  # action calls name the domain by digest once the action server keeps it
    sparse_features.install()  # a message's sparse features of one kind stacked in one step, not one hstack each
    kept_predict_step.install()  # DIET's traced graph called directly, without tf.function's dispatch per call
    applied_events.install()  # a tracker's applied events folded on from its last answer, not walked from the start
    local_prompts.install()  # a form step's question asked in this process, not by a second action server call


def main() -> int:
    """Run ``rasa run`` in this process with the arguments of :func:`rasa_arguments`."""
    try:
        arguments = rasa_arguments(sys.argv[1:], os.environ)
    except LaunchError as error:
        print(f"channels.server: {error}", file=sys.stderr)
        return 2
    from rasa.__main__ import main as rasa_main

    prepare_rasa()
    # Rasa's CLI reads sys.argv; changing it here never changes the command line other processes see.
    sys.argv = arguments
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
