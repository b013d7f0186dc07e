"""FAQ import: check every row of a file against the database, then apply all rows or none.

A row with an ``id`` replaces that FAQ (a new version, only when its content differs or it was deleted); a row
without one creates a FAQ. FAQs absent from the file are left as they are. Every problem of every row is reported
with its row number before anything is written.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy.orm import Session

from bundle_service.core.errors import InvalidInput
from bundle_service.knowledge import faqs
from bundle_service.knowledge.faq_files import FaqRow, RowError
from bundle_service.models import Faq

MAX_REPORTED_ERRORS = 200


@dataclass(frozen=True)
class ImportReport:
    """What an import did: FAQ ids created, updated, and rows that matched the current content."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _row_error(row: int, field_name: str, code: str, message: str) -> RowError:
    return RowError(field_name, code, f"第{row}行：{message}", row)


def _same(current: Faq, data: faqs.FaqInput) -> bool:
    return current.active and faqs.FaqInput.of(current) == data


def plan(session: Session, rows: list[FaqRow], known_items: frozenset[str]) -> list[FaqRow]:
    """Validate every row; the rows with their data trimmed and checked.

    Raises:
        InvalidInput: One error per problem, each a :class:`RowError` naming its row.
    """
    errors: list[RowError] = []
    checked: list[FaqRow] = []
    current = {f.id: f for f in faqs.list_faqs(session, include_deleted=True)}
    ids_in_file: dict[str, int] = {}
    questions_in_file: dict[str, int] = {}
    for given in rows:
        row = given
        if not given.similar_given and given.faq_id in current:
            row = replace(given, data=replace(given.data, similar=list(current[given.faq_id].similar or [])))
        try:
            data = faqs.check(row.data, known_items)
        except InvalidInput as invalid:
            errors.extend(_row_error(row.row, e.field, e.code, e.message) for e in invalid.errors)
            data = row.data
        if row.faq_id is not None:
            if row.faq_id not in current:
                message = f"没有编号为 {row.faq_id} 的常见问题（新增请留空编号）。"
                errors.append(_row_error(row.row, "id", "unknown_id", message))
            elif row.faq_id in ids_in_file:
                message = f"编号 {row.faq_id} 与第{ids_in_file[row.faq_id]}行重复。"
                errors.append(_row_error(row.row, "id", "duplicate_id", message))
            ids_in_file.setdefault(row.faq_id, row.row)
        question = data.question.strip()
        if question in questions_in_file:
            errors.append(
                _row_error(row.row, "question", "duplicate_question", f"问题与第{questions_in_file[question]}行重复。")
            )
        elif question:
            questions_in_file[question] = row.row
        checked.append(FaqRow(row.row, row.faq_id, data))
    renamed = {i for i, r in ids_in_file.items() if i in current}
    for row in checked:
        clash = next(
            (
                f.id
                for f in current.values()
                if f.active and f.question == row.data.question and f.id != row.faq_id and f.id not in renamed
            ),
            None,
        )
        if clash is not None:
            errors.append(_row_error(row.row, "question", "duplicate_question", f"已有相同的问题（{clash}）。"))
    if errors:
        errors.sort(key=lambda e: e.row)
        shown = errors[:MAX_REPORTED_ERRORS]
        rows_wrong = sorted({e.row for e in errors})
        listed = "、".join(str(r) for r in rows_wrong[:20]) + ("等" if len(rows_wrong) > 20 else "")
        summary = f"导入未执行：{len(rows_wrong)}行有误（第{listed}行），请修改后重新导入。"
        raise InvalidInput(list(shown), message=summary)
    return checked


def apply(session: Session, rows: list[FaqRow], actor: str, now: datetime) -> ImportReport:
    """Write checked rows inside the caller's transaction (the caller rolls back on any error)."""
    report = ImportReport()
    for row in rows:
        if row.faq_id is None:
            report.created.append(faqs.create(session, row.data, actor, now).id)
            session.flush()
        elif _same(faqs.get(session, row.faq_id), row.data):
            report.unchanged.append(row.faq_id)
        else:
            report.updated.append(faqs.update(session, row.faq_id, row.data, actor, now).id)
            session.flush()
    return report
