"""Notification templates as data (``bundle_service/data/notification_templates.yml``) and their rendering.

Every value is masked (:func:`contract.masking.mask_text`) before it enters a message, and each WeChat field is cut
to the length its type allows, so what the service stores and sends never holds a full phone or ID number.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bundle_service.core.config import PACKAGE_DIR
from contract.masking import mask_text

TEMPLATES_FILE = PACKAGE_DIR / "data" / "notification_templates.yml"
# WeChat's subscribe-message field types and their length limits (characters), by the key's prefix.
FIELD_LIMITS = {"thing": 20, "character_string": 32, "phrase": 5, "number": 32, "letter": 32, "symbol": 5, "name": 10}
ELLIPSIS = "…"


@dataclass(frozen=True)
class WeChatTemplate:
    """A subscribe-message template of the mini program.

    Attributes:
        key: Its name in the data file (``progress``).
        template_id: The id WeChat assigned.
        page: The mini-program page opened from the message.
        title: Its title, as the user sees it when asked to subscribe.
    """

    key: str
    template_id: str
    page: str
    title: str


@dataclass(frozen=True)
class EventTemplate:
    """How one kind of event is told.

    Attributes:
        kind: The event's name (``material_requested``).
        urgent: May be sent during quiet hours.
        text: The message (SMS, in-app chat), with ``{value}`` placeholders.
        wechat: The subscribe-message template, or None when WeChat users get the in-app message only.
        wechat_data: Field key → value pattern of that template.
    """

    kind: str
    urgent: bool
    text: str
    wechat: WeChatTemplate | None
    wechat_data: Mapping[str, str]


@dataclass(frozen=True)
class Templates:
    """Every event template and WeChat template of one data file, and the line every SMS ends with."""

    events: Mapping[str, EventTemplate]
    wechat: Mapping[str, WeChatTemplate]
    sms_suffix: str = ""

    def event(self, kind: str) -> EventTemplate:
        """The template of ``kind``.

        Raises:
            KeyError: no such event in the data file (a programming error, not a user's).
        """
        return self.events[kind]


@lru_cache(maxsize=4)
def load_templates(path: Path = TEMPLATES_FILE) -> Templates:
    """Parse the data file once per process.

    Raises:
        ValueError: an event names a WeChat template the file does not define.
    """
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    wechat = {
        key: WeChatTemplate(key, str(spec["template_id"]), str(spec.get("page", "")), str(spec.get("title", key)))
        for key, spec in (raw.get("wechat_templates") or {}).items()
    }
    events: dict[str, EventTemplate] = {}
    for kind, spec in raw["events"].items():
        wechat_spec = spec.get("wechat") or {}
        template_key = wechat_spec.get("template")
        if template_key is not None and template_key not in wechat:
            raise ValueError(f"event {kind}: unknown WeChat template {template_key}")
        events[kind] = EventTemplate(
            kind=kind,
            urgent=bool(spec.get("urgent", False)),
            text=str(spec["text"]),
            wechat=wechat[template_key] if template_key else None,
            wechat_data={str(k): str(v) for k, v in (wechat_spec.get("data") or {}).items()},
        )
    return Templates(events=events, wechat=wechat, sms_suffix=str(raw.get("sms_suffix") or ""))


def masked_values(values: Mapping[str, object]) -> dict[str, str]:
    """The event's values as masked strings (None → empty)."""
    return {key: mask_text("" if value is None else str(value)) for key, value in values.items()}


def fit(key: str, value: str) -> str:
    """``value`` cut to what WeChat accepts in a field named ``key`` (``thing4`` → at most 20 characters)."""
    kind = key.rstrip("0123456789")
    limit = FIELD_LIMITS.get(kind)
    value = value.strip() or "—"
    if limit is None or len(value) <= limit:
        return value
    return value[: limit - 1] + ELLIPSIS


def render_text(template: EventTemplate, values: Mapping[str, str]) -> str:
    """The message text of an event (``values`` already masked)."""
    return template.text.format_map(_Lenient(values))


def render_wechat(template: EventTemplate, values: Mapping[str, str]) -> dict[str, str]:
    """The subscribe message's fields, each fitted to its type (``values`` already masked)."""
    return {key: fit(key, pattern.format_map(_Lenient(values))) for key, pattern in template.wechat_data.items()}


class _Lenient(dict[str, str]):
    """A format mapping where a value the event lacks renders empty instead of raising."""

    def __missing__(self, key: str) -> str:
        return ""
