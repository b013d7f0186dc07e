"""The action server keeps Rasa's domain, so Rasa's calls name it by digest instead of carrying 19 kB each.

The other half of :mod:`contract.action_domain` (Rasa's half: ``channels/domain_digest.py``). :func:`register`
adds to rasa-sdk's app (``actions/server.py``, after the token check):

- a request middleware for ``POST /webhook``: a call with the domain and its digest has the domain kept (when the
  digest is the domain's); a call with only the digest gets the kept domain put back into the request's parsed
  JSON, which rasa-sdk's webhook then reads, so every action receives the domain Rasa would have sent; a digest
  not kept is answered 409 ``unknown_domain`` before any action runs (Rasa sends the call again with the domain);
- the answer of a call whose domain is kept carries the digest (rasa-sdk's ``ActionExecutor.run``), which tells
  Rasa to send only the digest from then on.

Calls without a digest (stock Rasa) and compressed calls are rasa-sdk's as before. The kept domain is one
dictionary shared by the calls: the actions and rasa-sdk's forms only read it.
"""

from __future__ import annotations

import collections
from typing import Any

from rasa_sdk.executor import ActionExecutor
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from contract.action_domain import DIGEST_KEY, UNKNOWN_DOMAIN_ERROR, UNKNOWN_DOMAIN_STATUS, domain_digest

MAX_DOMAINS = 4  # Rasa processes with different models behind one action server: a few domains at once
_KEPT: collections.OrderedDict[str, dict[str, Any]] = collections.OrderedDict()
ORIGINAL_RUN = ActionExecutor.run


def keep(digest: str, domain: dict[str, Any]) -> bool:
    """Keep ``domain`` under ``digest`` if that is its digest; whether it is kept."""
    if digest in _KEPT:
        _KEPT.move_to_end(digest)
        return True
    if domain_digest(domain) != digest:
        return False
    _KEPT[digest] = domain
    while len(_KEPT) > MAX_DOMAINS:
        _KEPT.popitem(last=False)
    return True


def kept(digest: Any) -> dict[str, Any] | None:
    """The domain kept under ``digest``, if any."""
    return _KEPT.get(digest) if isinstance(digest, str) else None


async def domain_of_the_call(request: Request) -> HTTPResponse | None:
    """Keep the domain a call brings, or put the kept one into a call that names it; 409 for an unknown one."""
    if request.method != "POST" or request.path != "/webhook" or request.headers.get("Content-Encoding") == "deflate":
        return None
    try:
        call = request.json
    except Exception:  # rasa-sdk's webhook parses it again and answers as it always has
        return None
    if not isinstance(call, dict) or not isinstance(call.get(DIGEST_KEY), str):
        return None
    digest = call[DIGEST_KEY]
    if "domain" in call:
        if isinstance(call["domain"], dict):
            keep(digest, call["domain"])
        return None
    domain = kept(digest)
    if domain is None:
        return response.json({"error": UNKNOWN_DOMAIN_ERROR}, status=UNKNOWN_DOMAIN_STATUS)
    call["domain"] = domain
    return None


async def run_and_name_the_domain(executor: ActionExecutor, action_call: dict[str, Any]) -> dict[str, Any] | None:
    """rasa-sdk's ``ActionExecutor.run``; the answer names the call's domain digest when that domain is kept."""
    result = await ORIGINAL_RUN(executor, action_call)
    digest = action_call.get(DIGEST_KEY)
    if result is not None and kept(digest) is not None:
        result[DIGEST_KEY] = digest
    return result


def register(app: Sanic) -> None:
    """Add the domain's middleware to ``app`` and the digest to rasa-sdk's answers."""
    app.register_middleware(domain_of_the_call, "request")
    ActionExecutor.run = run_and_name_the_domain
