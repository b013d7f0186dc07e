"""Checks of an uploaded Markdown document beyond parsing: the front matter an admin upload must carry.

Shipped documents may omit front matter; an upload must have it, with a ``title``, known keys only, a real
``effective_date`` and values that fit their columns. Every problem is reported at once, in Chinese.
"""

import re
from datetime import date

import yaml

from bundle_service.core.errors import FieldError, InvalidInput

ALLOWED_KEYS = ("title", "item", "region", "effective_date", "source")
MAX_LENGTHS = {"title": 200, "region": 40, "source": 200}
_OPENING = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSING = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


class _TextDates(yaml.SafeLoader):
    """YAML loader that keeps dates as text, so an impossible date is reported rather than crashing."""


def _date_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    assert isinstance(node, yaml.ScalarNode)
    return str(loader.construct_scalar(node))


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", _date_as_text)


def _error(key: str, code: str, message: str) -> FieldError:
    return FieldError(f"front_matter.{key}" if key else "content", code, message)


def _date_problem(value: object) -> str | None:
    if value is None or value == "" or isinstance(value, date):
        return None
    try:
        date.fromisoformat(str(value).strip())
    except ValueError:
        return f"生效日期“{value}”不是有效日期，应写作 2026-03-01。"
    return None


def check_upload(markdown: str) -> None:
    """Refuse an upload without usable front matter.

    Args:
        markdown: The uploaded document.

    Raises:
        InvalidInput: ``required`` (empty), ``front_matter_missing``, ``front_matter_unclosed``,
            ``front_matter_invalid`` (not YAML key-value pairs, with the line), ``front_matter_unknown_key``,
            ``title_required``, ``effective_date_invalid``, ``too_long``.
    """
    if not markdown.strip():
        raise InvalidInput([_error("", "required", "请上传文档内容。")])
    opening = _OPENING.match(markdown)
    if opening is None:
        message = "文档第1行应为 ---，开头需要用 --- 包围的信息（title、item、region、effective_date、source）。"
        raise InvalidInput([_error("", "front_matter_missing", message)])
    closing = _CLOSING.search(markdown, opening.end())
    if closing is None:
        raise InvalidInput([_error("", "front_matter_unclosed", "开头的信息缺少结束行 ---。")])
    try:
        meta = yaml.load(markdown[opening.end() : closing.start()], Loader=_TextDates) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第{mark.line + 2}行" if mark is not None else "开头的信息"
        raise InvalidInput([_error("", "front_matter_invalid", f"{where} YAML 格式有误。")]) from error
    if not isinstance(meta, dict):
        raise InvalidInput([_error("", "front_matter_invalid", "开头的信息应为“键: 值”的形式。")])
    errors: list[FieldError] = []
    for key in meta:
        if str(key) not in ALLOWED_KEYS:
            allowed = "、".join(ALLOWED_KEYS)
            errors.append(_error(str(key), "front_matter_unknown_key", f"不认识的信息项“{key}”（可用：{allowed}）。"))
    if not str(meta.get("title") or "").strip():
        errors.append(_error("title", "title_required", "请在开头的信息中填写标题（title）。"))
    problem = _date_problem(meta.get("effective_date"))
    if problem:
        errors.append(_error("effective_date", "effective_date_invalid", problem))
    for key, limit in MAX_LENGTHS.items():
        if len(str(meta.get(key) or "")) > limit:
            errors.append(_error(key, "too_long", f"{key} 最多 {limit} 字。"))
    if errors:
        raise InvalidInput(errors)
