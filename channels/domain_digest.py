"""Rasa's calls to the action server name the domain by its digest once the server keeps it.

Rasa 3.6 puts the whole domain (19 kB, its JSON twice that with escaped Chinese) into every call to the action
server (``RemoteAction._action_call_format``): Rasa turns it into JSON and the action server parses it back on
every custom action (``docs/benchmarks.md``, "Issue 16, round 4"). :func:`install` (called by
``channels/server.py`` before Rasa starts) wraps ``EndpointConfig.request`` for action calls only, following
:mod:`contract.action_domain`: the call carries the domain's digest, and the domain itself until the action server
has answered a call with that digest (``actions/domain_cache.py`` keeps it then); a server that answers
"unknown domain" (restarted, another process behind a balancer) gets the same call again with the domain. The
answer Rasa goes on with is the server's without the digest, so Rasa sees what it would have seen. Compressed
calls (``COMPRESS_ACTION_SERVER_REQUEST``) and action servers that never answer with the digest (stock rasa-sdk)
always get the domain.
"""

from __future__ import annotations

import json
from typing import Any, TypeGuard

from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

from contract.action_domain import DIGEST_KEY, UNKNOWN_DOMAIN_ERROR, UNKNOWN_DOMAIN_STATUS, domain_digest

ORIGINAL_REQUEST = EndpointConfig.request
# id of a domain's dictionary -> (the dictionary, kept so the id stays its own; its digest). Rasa sends the same
# dictionary (``Domain.as_dict()``) with every call, so its digest is computed once per loaded model.
_DIGESTS: dict[int, tuple[dict[str, Any], str]] = {}
_KNOWN: dict[str, set[str]] = {}  # URL of an action server -> the digests it answered with (it keeps those domains)
MAX_DOMAINS = 4  # models loaded one after another: the digests of the latest few are kept


def is_action_call(body: Any) -> TypeGuard[dict[str, Any]]:
    """Whether a request body is Rasa's call to the action server with the domain in it."""
    return isinstance(body, dict) and {"next_action", "tracker"} <= body.keys() and isinstance(body.get("domain"), dict)


def digest_of(domain: dict[str, Any]) -> str:
    """The domain's digest, computed once per dictionary."""
    kept = _DIGESTS.get(id(domain))
    if kept is not None and kept[0] is domain:
        return kept[1]
    if len(_DIGESTS) >= MAX_DOMAINS:
        _DIGESTS.clear()
    digest = domain_digest(domain)
    _DIGESTS[id(domain)] = (domain, digest)
    return digest


def is_unknown_domain(error: ClientResponseError) -> bool:
    """Whether the action server answered that it does not keep the domain named."""
    if error.status != UNKNOWN_DOMAIN_STATUS:
        return False
    try:
        return json.loads(error.text).get("error") == UNKNOWN_DOMAIN_ERROR
    except (TypeError, ValueError, AttributeError):
        return False


async def request(
    endpoint: EndpointConfig,
    method: str = "post",
    subpath: str | None = None,
    content_type: str | None = "application/json",
    compress: bool = False,
    **kwargs: Any,
) -> Any:
    """``EndpointConfig.request``; an action call names the domain by digest once the server keeps it."""
    body = kwargs.get("json")
    if compress or not is_action_call(body):
        return await ORIGINAL_REQUEST(endpoint, method, subpath, content_type, compress, **kwargs)
    digest = digest_of(body["domain"])
    full = {**body, DIGEST_KEY: digest}
    known = _KNOWN.setdefault(concat_url(endpoint.url, subpath), set())
    answer: Any = None
    if digest in known:
        kwargs["json"] = {key: value for key, value in full.items() if key != "domain"}
        try:
            answer = await ORIGINAL_REQUEST(endpoint, method, subpath, content_type, compress, **kwargs)
        except ClientResponseError as error:
            if not is_unknown_domain(error):
                raise
            known.discard(digest)
    if digest not in known:
        kwargs["json"] = full
        answer = await ORIGINAL_REQUEST(endpoint, method, subpath, content_type, compress, **kwargs)
    if isinstance(answer, dict) and answer.pop(DIGEST_KEY, None) == digest:
        if len(known) >= MAX_DOMAINS:
            known.clear()
        known.add(digest)
    else:  # the server does not keep it (any more): the domain goes with the next call again
        known.discard(digest)
    return answer


def install() -> None:
    """Make Rasa's endpoint requests name the domain of action calls by digest."""
    EndpointConfig.request = request
