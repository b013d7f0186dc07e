"""The domain of an action call named by its digest: Rasa sends the 19 kB domain once per action server process.

Rasa puts the whole domain into every call to the action server, and both sides turn it into JSON and back
(``docs/benchmarks.md``, "Issue 16, round 4"). Between this project's Rasa (:mod:`channels.domain_digest`) and its
action server (:mod:`actions.domain_cache`):

- Rasa adds :data:`DIGEST_KEY` (the domain's :func:`domain_digest`) to each call. Until the action server has
  answered a call with the same digest in its body (it keeps the domain then), the call also carries the domain;
  afterwards only the digest.
- The action server keeps the domains it received (checked against their digest) and puts the domain back into a
  call that names one it keeps, so the actions get exactly what Rasa would have sent. A call naming a domain it
  does not keep (restarted, another process behind a balancer) is answered :data:`UNKNOWN_DOMAIN_STATUS` with
  ``{"error": UNKNOWN_DOMAIN_ERROR}`` and Rasa sends that call again with the domain.

An action server that does not answer with the digest (stock rasa-sdk) always gets the domain. Standard library
only: both environments import it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

DIGEST_KEY = "domain_digest"
UNKNOWN_DOMAIN_STATUS = 409
UNKNOWN_DOMAIN_ERROR = "unknown_domain"


def domain_digest(domain: Mapping[str, Any]) -> str:
    """The SHA-256 of the domain's canonical JSON (sorted keys), the same for a domain and its JSON round trip."""
    text = json.dumps(domain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
