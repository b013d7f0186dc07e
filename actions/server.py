"""The action server, callable only by Rasa: ``python -m actions.server``.

rasa-sdk 3.6 has no authentication and ``rasa run actions`` listens on 0.0.0.0, yet the action server holds the
gateway token's trust (it may assert a WeChat openid to the service): a made-up tracker posted to it would act for
anyone. This launcher builds rasa-sdk's own Sanic app (``rasa_sdk.endpoint.create_app``, no CORS) and adds a
request middleware that answers **401** to every call but ``/health`` unless it carries
``Authorization: Bearer <ACTION_SERVER_TOKEN>`` (compared in constant time, before any action runs). Rasa sends the
header with every action call (``headers:`` of ``action_endpoint`` in ``bot/endpoints*.yml``).

Environment: ``ACTION_SERVER_TOKEN`` (required: without it the server refuses to start), ``ACTION_HOST`` (default
127.0.0.1, loopback only), ``ACTION_PORT`` (default 5055). ``scripts/run_stack.py`` sets all three.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

TOKEN_VARIABLE = "ACTION_SERVER_TOKEN"
HOST_VARIABLE = "ACTION_HOST"
PORT_VARIABLE = "ACTION_PORT"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5055
OPEN_PATHS = frozenset({"/health"})

logger = logging.getLogger(__name__)


def rasa_headers(token: str) -> dict[str, str]:
    """The headers Rasa sends with every action call (what ``bot/endpoints.yml`` writes with ``${...}``)."""
    return {"Authorization": f"Bearer {token}"}


def is_authorized(authorization: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``token`` (constant-time comparison)."""
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode("utf-8", "replace"), token.encode("utf-8"))


def create_app(token: str, package: str = "actions") -> Sanic:
    """rasa-sdk's app for ``package``, refusing (401) every call but ``/health`` without ``token``.

    Raises:
        ValueError: ``token`` is empty.
    """
    if not token:
        raise ValueError(f"{TOKEN_VARIABLE} is empty")
    from rasa_sdk.endpoint import create_app as create_sdk_app  # imports every action module: after the check

    app = create_sdk_app(package, cors_origins=None)

    async def only_rasa(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or is_authorized(request.headers.get("Authorization"), token):
            return None
        logger.warning("action server: %s %s refused without Rasa's token", request.method, request.path)
        return response.json(
            {"error": "unauthorized"}, status=401, headers={"WWW-Authenticate": 'Bearer realm="actions"'}
        )

    async def no_tracker_in_errors(request: Request, answer: HTTPResponse) -> HTTPResponse | None:
        # rasa-sdk answers an action's exception with the whole request (the tracker: names, ID numbers, phones)
        # and Rasa writes that body to its log. The traceback stays in this server's log; Rasa learns only that
        # the action failed.
        if answer.status >= 500:
            return response.json({"error": "the action failed; see the action server's log"}, status=answer.status)
        return None

    app.register_middleware(only_rasa, "request")
    app.register_middleware(no_tracker_in_errors, "response")
    from actions import domain_cache

    domain_cache.register(app)  # Rasa names the domain by digest once this server keeps it (after the token check)
    return app


def main(argv: list[str] | None = None) -> int:
    """Serve the actions until stopped; exit 2 without a token."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", default="actions", help="package of the actions")
    parser.add_argument("--host", default=os.environ.get(HOST_VARIABLE, DEFAULT_HOST))
    parser.add_argument("--port", type=int, default=int(os.environ.get(PORT_VARIABLE, DEFAULT_PORT)))
    args = parser.parse_args(argv)
    token = os.environ.get(TOKEN_VARIABLE, "")
    if not token:
        print(f"actions.server: {TOKEN_VARIABLE} is not set; the action server would act for anyone.", file=sys.stderr)
        return 2

    from rasa_sdk import utils
    from rasa_sdk.plugin import plugin_manager

    utils.configure_colored_logging(None)
    utils.update_sanic_log_level()
    app = create_app(token, args.actions)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    logger.info("Action server on http://%s:%s (calls only with Rasa's token)", args.host, args.port)
    app.run(args.host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
