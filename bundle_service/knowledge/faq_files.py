"""FAQ export and import files: CSV (UTF-8 with BOM, for Excel) and XLSX, one FAQ per row.

Columns: ``id``, ``question``, ``answer``, ``item``, ``tags``, ``similar`` (tags and similar questions separated
by ``|``; a file without the ``similar`` column leaves existing FAQs' similar questions as they are). Row numbers
are the spreadsheet's: the header is row 1, the first FAQ row 2. Parsing checks the file's shape only (header, encoding,
cell types); what a row means is checked by :func:`bundle_service.knowledge.faq_import.plan`.

Formula injection (OWASP CSV injection): a spreadsheet runs a cell that begins with ``=``, ``+``, ``-``, ``@``, tab or
carriage return as a formula, and FAQs may hold text anyone typed (unanswered questions become FAQs). CSV export
puts a ``'`` before such a cell, so it is shown as text; import takes that ``'`` off again, so an exported file
imports unchanged. XLSX cells are always written as text cells, never as formulas.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Literal

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import InvalidFileException

from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.knowledge.faqs import FaqInput

FileFormat = Literal["csv", "xlsx"]
COLUMNS = ("id", "question", "answer", "item", "tags", "similar")
REQUIRED_COLUMNS = ("question", "answer")
TAG_SEPARATOR = "|"
MAX_ROWS = 5000
MAX_FILE_BYTES = 5_000_000
SHEET_TITLE = "常见问题"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_PREFIX = "'"
MEDIA_TYPES: dict[FileFormat, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class RowError(FieldError):
    """Why one row of an import file is wrong; ``row`` is the spreadsheet row number (header = 1)."""

    row: int = 0


@dataclass(frozen=True)
class FaqRow:
    """One FAQ row of an import file.

    Attributes:
        row: Spreadsheet row number (header = 1).
        faq_id: The FAQ it replaces, or None for a new FAQ.
        data: Question, answer, item, tags and similar questions as written (not yet validated).
        similar_given: False when the file has no ``similar`` column (keep the FAQ's own).
    """

    row: int
    faq_id: str | None
    data: FaqInput
    similar_given: bool = True


def _file_error(code: str, message: str) -> InvalidInput:
    return InvalidInput([FieldError("file", code, message)], message=message)


def faq_cells(faq_id: str, data: FaqInput) -> list[str]:
    """A FAQ as the cells of one row, in :data:`COLUMNS` order."""
    return [
        faq_id,
        data.question,
        data.answer,
        data.item or "",
        TAG_SEPARATOR.join(data.tags),
        TAG_SEPARATOR.join(data.similar),
    ]


def neutralise(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: ``'`` before a cell that would start a formula."""
    return TEXT_PREFIX + cell if cell.startswith(FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    """The cell as written before :func:`neutralise` (an imported file may be an export)."""
    return cell[1:] if cell.startswith(TEXT_PREFIX) and cell[1:].startswith(FORMULA_STARTS) else cell


def write(rows: list[list[str]], file_format: FileFormat) -> bytes:
    """A file with the header and ``rows`` (cells in :data:`COLUMNS` order), formulas neutralised."""
    if file_format == "csv":
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows([neutralise(cell) for cell in cells] for cells in rows)
        return text.getvalue().encode("utf-8-sig")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    sheet.append(list(COLUMNS))
    for number, cells in enumerate(rows, start=2):
        for position, value in enumerate(cells, start=1):
            cell = sheet.cell(row=number, column=position)
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters XLSX cannot hold
            cell.data_type = "s"  # text even when it starts with "=": openpyxl would store a formula
    for column, width in zip("ABCDEF", (10, 40, 80, 20, 20, 60), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on Chinese Windows saves CSV in GBK
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _file_error("encoding", "无法识别文件编码，请保存为 UTF-8 编码的 CSV。")


def _csv_rows(content: bytes) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(_decode(content), newline="")))
    except csv.Error as error:
        raise _file_error("csv_invalid", f"CSV 格式有误：{error}。") from error


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(content: bytes) -> list[list[str]]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise _file_error("xlsx_invalid", "不是有效的 XLSX 文件。") from error
    try:
        sheet = book.worksheets[0]
        return [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _header(cells: list[str]) -> dict[str, int]:
    names = [c.strip().lower() for c in cells]
    positions = {name: i for i, name in enumerate(names) if name in COLUMNS}
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        expected = ",".join(COLUMNS)
        raise _file_error("header_invalid", f"第1行应为表头 {expected}，缺少列：{'、'.join(missing)}。")
    unknown = [n for n in names if n and n not in COLUMNS]
    if unknown:
        raise _file_error("header_invalid", f"第1行有不认识的列：{'、'.join(unknown)}（可用列：{','.join(COLUMNS)}）。")
    return positions


def read(content: bytes, file_format: FileFormat) -> list[FaqRow]:
    """The FAQ rows of an import file (blank rows skipped).

    Args:
        content: The file's bytes.
        file_format: ``csv`` or ``xlsx``.

    Returns:
        The rows in file order.

    Raises:
        InvalidInput: Empty, too large, undecodable, or a wrong header (field ``file``).
    """
    if not content:
        raise _file_error("file_empty", "文件是空的。")
    if len(content) > MAX_FILE_BYTES:
        raise _file_error("file_too_large", f"文件过大（最多 {MAX_FILE_BYTES // 1_000_000} MB）。")
    table = _csv_rows(content) if file_format == "csv" else _xlsx_rows(content)
    if not table or not any(c.strip() for c in table[0]):
        raise _file_error("header_invalid", f"第1行应为表头：{','.join(COLUMNS)}。")
    positions = _header(table[0])
    rows: list[FaqRow] = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue

        def value(name: str, cells: list[str] = cells) -> str:
            index = positions.get(name)
            return restore(cells[index].strip()) if index is not None and index < len(cells) else ""

        tags = [t.strip() for t in value("tags").split(TAG_SEPARATOR) if t.strip()]
        similar = [s.strip() for s in value("similar").split(TAG_SEPARATOR) if s.strip()]
        data = FaqInput(value("question"), value("answer"), value("item") or None, tags, similar)
        rows.append(FaqRow(number, value("id") or None, data, "similar" in positions))
    if len(rows) > MAX_ROWS:
        raise _file_error("too_many_rows", f"一次最多导入 {MAX_ROWS} 条。")
    if not rows:
        raise _file_error("no_rows", "文件里没有常见问题（第2行起每行一条）。")
    return rows
