"""Exception handlers: typed service errors and request-shape errors → precise JSON answers."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError

from bundle_service.applications.fields import FIELD_LABELS
from bundle_service.core.errors import ServiceError, TooManyAttempts

logger = logging.getLogger(__name__)
SHAPE_MESSAGES = {
    "missing": "请填写{label}。",
    "int_parsing": "{label}应为整数。",
    "int_type": "{label}应为整数。",
    "string_type": "{label}应为文字。",
    "bool_parsing": "{label}应为“是”或“否”。",
    "date_from_datetime_parsing": "{label}应为日期，例如2025-03-01。",
    "date_parsing": "{label}应为日期，例如2025-03-01。",
    "list_type": "{label}应为列表。",
    "extra_forbidden": "不认识的字段“{label}”。",
    "greater_than_equal": "{label}不能小于{limit}。",
    "less_than_equal": "{label}不能大于{limit}。",
    "string_too_long": "{label}太长了。",
    "json_invalid": "请求体不是合法的JSON。",
    "value_too_large": "{label}太长或数值过大，请检查后重新填写。",
}
EXTRA_LABELS = {
    "score": "评分",
    "comment": "评价内容",
    "reason": "原因",
    "value": "值",
    "holidays": "节假日",
    "workdays": "调休上班日",
    "source": "来源",
    "context": "关联字段",
    "start": "起始日期",
    "days": "工作日天数",
    "query": "问题",
    "item": "事项",
    "region": "地区",
    "conversation_id": "会话编号",
}


def _shape_error(error: dict[str, Any]) -> dict[str, str]:
    loc = [str(part) for part in error.get("loc", ())]
    if loc and loc[0] in ("body", "query", "header", "path"):  # where the field is, not its name ("query" may be both)
        loc = loc[1:]
    name = next((part for part in loc if not part.isdigit()), "body")
    label = FIELD_LABELS.get(name) or EXTRA_LABELS.get(name) or name
    kind = str(error.get("type", "invalid"))
    ctx: dict[str, Any] = error.get("ctx") or {}
    limit = next((v for k, v in ctx.items() if k in ("ge", "le", "gt", "lt")), "")
    template = SHAPE_MESSAGES.get(kind, "{label}格式不正确。")
    return {"field": name, "code": kind, "message": template.format(label=label, limit=limit)}


async def service_error(_request: Request, exc: Exception) -> JSONResponse:
    """Answer a typed service error with its status, code and Chinese message."""
    assert isinstance(exc, ServiceError)
    body: dict[str, object] = {"code": exc.code, "message": exc.message}
    errors = getattr(exc, "errors", None)
    body["errors"] = [e.as_dict() for e in errors] if errors else []
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyAttempts) else None
    return JSONResponse(body, status_code=exc.status_code, headers=headers)


async def shape_error(_request: Request, exc: Exception) -> JSONResponse:
    """Answer a malformed request (types, missing body fields) as 422 with field, code and Chinese message."""
    assert isinstance(exc, RequestValidationError)
    errors = [_shape_error(dict(e)) for e in exc.errors()]
    message = "请求格式有误：" + "；".join(e["message"] for e in errors)
    return JSONResponse({"code": "invalid_request", "message": message, "errors": errors}, status_code=422)


async def out_of_range(_request: Request, exc: Exception) -> JSONResponse:
    """Answer a number the database cannot hold (an id or cursor beyond 64 bits) as 422, not 500."""
    logger.info("number out of range answered 422: %s", type(exc).__name__)
    message = "请求中的数字超出范围。"
    errors = [{"field": "body", "code": "out_of_range", "message": message}]
    return JSONResponse({"code": "invalid_request", "message": message, "errors": errors}, status_code=422)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(ServiceError, service_error)
    app.add_exception_handler(RequestValidationError, shape_error)
    app.add_exception_handler(OverflowError, out_of_range)  # SQLite: int too large to convert to SQLite INTEGER
    app.add_exception_handler(DataError, out_of_range)  # PostgreSQL: integer out of range
