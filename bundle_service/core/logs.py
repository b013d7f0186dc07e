"""Logging of the service: every handler masks secrets, WeChat openids, ID and mobile numbers (``contract.masking``).

The filter sits on handlers, not loggers, so it also sees records that propagate from libraries (httpx logs each
request URL, with code2Session's ``secret=`` and ``js_code=``; uvicorn's access log shows each path, with
``wechat%3A<openid>``).
"""

import copy
import logging
from typing import Any

from uvicorn.config import LOGGING_CONFIG

from contract.masking import mask_log_line

ACCESS_LOGGER = "uvicorn.access"  # its formatter unpacks the record's args: they are masked one by one


def _mask_value(value: object) -> object:
    return mask_log_line(value) if isinstance(value, str) else value


class MaskingFilter(logging.Filter):
    """Rewrites each record so that its message, arguments and traceback hold nothing :func:`mask_log_line` hides."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record in place; never drops a record."""
        if isinstance(record.args, tuple):
            record.args = tuple(_mask_value(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _mask_value(value) for key, value in record.args.items()}
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record: logging reports it, the filter leaves it alone
            return True
        masked = mask_log_line(message)
        if masked != message and record.name != ACCESS_LOGGER:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_log_line(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_log_line(record.stack_info)
        return True


def _all_loggers() -> list[logging.Logger]:
    named = [item for item in logging.Logger.manager.loggerDict.values() if isinstance(item, logging.Logger)]
    return [logging.getLogger(), *named]


def install_log_masking() -> None:
    """Attach the masking filter (once) to every handler of every logger that exists now."""
    for logger in _all_loggers():
        for handler in logger.handlers:
            if not any(isinstance(f, MaskingFilter) for f in handler.filters):
                handler.addFilter(MaskingFilter())


def uvicorn_log_config() -> dict[str, Any]:
    """The logging configuration of uvicorn with the masking filter on each of its handlers from the first line."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"mask": {"()": MaskingFilter}}
    for handler in config["handlers"].values():
        handler["filters"] = ["mask"]
    return config
