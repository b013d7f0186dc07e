"""FAQ export and import: CSV and XLSX round trips, all-or-nothing imports with row numbers."""

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook

from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.conftest import ADMIN
from tests.knowledge.test_admin_api import BASE, hit_test


@pytest.fixture
def restored(kb: KnowledgeBase) -> Iterator[None]:
    before = {f.id: f.version for f in kb.list_faqs(include_deleted=True)}
    yield
    for faq in kb.list_faqs(include_deleted=True):
        if faq.id not in before and faq.active:
            kb.delete_faq(faq.id, "test")
        elif faq.id in before and faq.version != before[faq.id]:
            kb.rollback_faq(faq.id, before[faq.id], "test")


def snapshot(kb: KnowledgeBase) -> list[tuple[str, str, str, str | None, list[str], bool, int]]:
    return [(f.id, f.question, f.answer, f.item, list(f.tags), f.active, f.version) for f in kb.list_faqs(True)]


def export(client: TestClient, file_format: str) -> bytes:
    response = client.get(f"{BASE}/faqs/export", params={"format": file_format}, headers=ADMIN)
    assert response.status_code == 200
    assert "faqs-" in response.headers["content-disposition"]
    return response.content


def import_file(client: TestClient, content: bytes, file_format: str) -> dict:
    response = client.post(f"{BASE}/faqs/import", params={"format": file_format}, content=content, headers=ADMIN)
    assert response.status_code in (200, 422), response.text
    return {"status": response.status_code, **response.json()}


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def xlsx_rows(content: bytes) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_exported_file_re_imports_to_the_same_content(
    client: TestClient, kb: KnowledgeBase, file_format: str, restored: None
) -> None:
    content = export(client, file_format)
    rows = csv_rows(content) if file_format == "csv" else xlsx_rows(content)
    assert rows[0] == ["id", "question", "answer", "item", "tags", "similar"] and len(rows) == 1 + len(kb.list_faqs())
    loan = next(r for r in rows if r[0] == "faq-104")
    assert loan[1:4] == ["创业担保贷款个人最多贷多少？", "个人最高20万元。", "guaranteed_loan"]
    assert loan[5].split("|") == kb.get_faq("faq-104").similar
    before = snapshot(kb)
    report = import_file(client, content, file_format)
    assert report["status"] == 200 and report["created"] == report["updated"] == []
    assert len(report["unchanged"]) == len(rows) - 1
    assert snapshot(kb) == before  # not even a new version

    loan[2] = "个人最高可贷35万元（导入测试）。"
    rows.append(["", "导入测试新问题：创业沙龙在哪里报名？", "在湘易办报名（导入测试）。", "", "沙龙|测试"])
    changed = csv_bytes(rows) if file_format == "csv" else xlsx_bytes(rows)
    report = import_file(client, changed, file_format)
    assert report["status"] == 200 and report["updated"] == ["faq-104"] and len(report["created"]) == 1
    new = kb.get_faq(report["created"][0])
    assert (new.question, new.tags) == ("导入测试新问题：创业沙龙在哪里报名？", ["沙龙", "测试"])
    assert hit_test(client, "创业担保贷款个人最多能贷多少")["answer"].startswith("个人最高可贷35万元（导入测试）。")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_file_with_bad_rows_is_refused_whole_with_row_numbers(
    client: TestClient, kb: KnowledgeBase, file_format: str, restored: None
) -> None:
    rows = [
        ["id", "question", "answer", "item", "tags"],
        ["faq-104", "创业担保贷款个人最多贷多少？", "这一行是对的，但不应写入。", "guaranteed_loan", ""],
        ["", "没有答案的问题？", "", "", ""],
        ["faq-404", "编号不存在？", "答。", "", ""],
        ["", "彩票中奖要交税吗？", "答。", "lottery", ""],
        ["", "创业担保贷款个人最多贷多少？", "与第2行重复。", "", ""],
        ["", "", "", "", ""],
        ["", "问题很长" * 60, "答。", "", ""],
    ]
    before = snapshot(kb)
    content = csv_bytes(rows) if file_format == "csv" else xlsx_bytes(rows)
    report = import_file(client, content, file_format)
    assert report["status"] == 422
    found = [(e["row"], e["field"], e["code"]) for e in report["errors"]]
    assert found == [
        (3, "answer", "required"),
        (4, "id", "unknown_id"),
        (5, "item", "unknown_item"),
        (6, "question", "duplicate_question"),
        (8, "question", "too_long"),
    ]
    assert report["errors"][0]["message"].startswith("第3行：")
    assert "5行有误" in report["message"] and "导入未执行" in report["message"]
    assert snapshot(kb) == before


@pytest.mark.parametrize(
    ("content", "file_format", "code"),
    [
        (b"", "csv", "file_empty"),
        ("问题,答案\n甲,乙\n".encode(), "csv", "header_invalid"),
        (b"id,question,answer,colour\n,a,b,red\n", "csv", "header_invalid"),
        (b"id,question,answer\n", "csv", "no_rows"),
        (b"not a workbook", "xlsx", "xlsx_invalid"),
    ],
)
def test_a_malformed_file_is_refused(client: TestClient, content: bytes, file_format: str, code: str) -> None:
    report = import_file(client, content, file_format)
    assert report["status"] == 422 and report["errors"][0]["code"] == code


def test_a_gbk_csv_from_excel_is_read(client: TestClient, restored: None) -> None:
    content = "id,question,answer\n,导入测试：GBK编码的问题？,GBK编码的答案。\n".encode("gb18030")
    report = import_file(client, content, "csv")
    assert report["status"] == 200 and len(report["created"]) == 1


def test_a_file_without_the_similar_column_keeps_each_faqs_similar_questions(
    client: TestClient, kb: KnowledgeBase, restored: None
) -> None:
    loan = kb.get_faq("faq-104")
    assert loan.similar
    rows = [
        ["id", "question", "answer", "item", "tags"],
        ["faq-104", loan.question, loan.answer, "guaranteed_loan", ""],
    ]
    report = import_file(client, csv_bytes([*rows[:1], [*rows[1][:4], "|".join(loan.tags)]]), "csv")
    assert report["status"] == 200 and report["unchanged"] == ["faq-104"]
    cleared = import_file(client, csv_bytes([[*rows[0], "similar"], [*rows[1][:4], "|".join(loan.tags), ""]]), "csv")
    assert cleared["updated"] == ["faq-104"] and kb.get_faq("faq-104").similar == []


FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.invalid","点我")', "+1+1", "-2+3", "@SUM(1,2)", "\t=1+1"]


def test_formulas_are_exported_as_text_and_re_imported_unchanged(
    client: TestClient, kb: KnowledgeBase, restored: None
) -> None:
    """Issue item 8: text anyone typed (an unanswered question becomes a FAQ) never runs in a spreadsheet."""
    rows = [["id", "question", "answer", "item", "tags"]]
    rows += [["", f"{formula}", f"{formula} 的答案", "", ""] for formula in FORMULAS]
    report = import_file(client, csv_bytes(rows), "csv")
    assert report["status"] == 200 and len(report["created"]) == len(FORMULAS)
    created = {kb.get_faq(faq_id).question for faq_id in report["created"]}
    assert created == {formula.strip() for formula in FORMULAS}

    content = export(client, "csv")
    cells = [cell for row in csv_rows(content) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0" in cells and "'-2+3 的答案" in cells
    sheet = load_workbook(io.BytesIO(export(client, "xlsx"))).worksheets[0]
    formulas = [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == []
    assert "=cmd|' /C calc'!A0" in {cell.value for row in sheet.iter_rows() for cell in row}

    before = snapshot(kb)
    for file_format in ("csv", "xlsx"):
        again = import_file(client, export(client, file_format), file_format)
        assert again["status"] == 200 and again["created"] == again["updated"] == []
    assert snapshot(kb) == before  # the ' added on export is taken off on import


def test_an_import_over_the_file_cap_is_refused_before_it_is_read(client: TestClient) -> None:
    content = b"id,question,answer\n" + b",q,a\n" * 1_100_000  # 5.5 MB
    response = client.post(f"{BASE}/faqs/import", params={"format": "csv"}, content=content, headers=ADMIN)
    assert response.status_code == 413 and response.json()["code"] == "body_too_large"
    assert "5 MB" in response.json()["message"]


def test_control_characters_do_not_break_the_xlsx_export(client: TestClient, restored: None) -> None:
    """Found by schemathesis: a FAQ holding a control character made the XLSX export a 500."""
    created = client.post(
        f"{BASE}/faqs", json={"question": "导入测试：控制字符\x0b的问题？", "answer": "答案\x01。"}, headers=ADMIN
    )
    assert created.status_code == 201, created.text
    rows = xlsx_rows(export(client, "xlsx"))
    assert ["导入测试：控制字符的问题？", "答案。"] in [row[1:3] for row in rows]
