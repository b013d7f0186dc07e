"""The service-side attacks of the security review, replayed against the real stack (as `make run` starts it).

Each test plays what an outside caller did and asserts the safe behaviour: lockout of an owner by strangers and
forwarded-header spoofing (item 4), staff password guessing (5), masking of the formats people type (7),
spreadsheet formula injection (8), unauthenticated 500s, unbounded bodies and missing security headers (9).
"""

import csv
import io
import json
import statistics
import time
import uuid

import httpx
import pytest
from openpyxl import load_workbook

from tests.live_stack import ADMIN_TOKEN, STAFF_PASSWORDS, Stack
from tests.service.factories import form, make_id

WRONG_GUESSES = 12  # well past any per-caller allowance


def _gateway(stack: Stack, client_id: str, openid: str | None = None) -> dict[str, str]:
    headers = {"X-Gateway-Token": stack.gateway_token, "X-Client-Id": client_id}
    if openid:
        headers["X-Wechat-Openid"] = openid
    return headers


def _login(stack: Stack, name: str) -> str:
    """A mini-program login token of the dev user ``name`` (openid ``dev_<name>``)."""
    answer = httpx.post(f"{stack.service_url}/api/v1/auth/wechat-login", json={"code": f"dev-{name}"}, timeout=30)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def _staff_token(stack: Stack, name: str) -> str:
    answer = httpx.post(
        f"{stack.service_url}/api/v1/staff/login",
        json={"username": name, "password": STAFF_PASSWORDS[name]},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def _file_for(stack: Stack, openid: str, sequence: str) -> tuple[str, str]:
    """File the bundle for the mini-program user ``openid``; its number and the ID number's last 6."""
    id_number = make_id(region="430104", born="19950707", sequence=sequence)
    answer = httpx.post(
        f"{stack.service_url}/api/v1/applications",
        json=form(id_number=id_number, applicant_name="石安全"),
        headers=_gateway(stack, f"wechat:{openid}", openid),
        timeout=60,
    )
    assert answer.status_code in (200, 201), answer.text
    return str(answer.json()["number"]), id_number[-6:]


def test_strangers_cannot_lock_out_the_owner_or_staff(stack: Stack) -> None:
    """Item 4: wrong guesses with a new X-Forwarded-For each time lock the guesser, never the owner or staff."""
    name = f"owner{uuid.uuid4().hex[:8]}"
    number, last6 = _file_for(stack, f"dev_{name}", "301")
    wrong = "000000" if last6 != "000000" else "111111"
    statuses = []
    for guess in range(WRONG_GUESSES):
        answer = httpx.post(
            f"{stack.service_url}/api/v1/applications/{number}/progress",
            json={"id_last6": wrong},
            headers={"X-Forwarded-For": f"203.0.113.{guess + 1}"},
            timeout=30,
        )
        statuses.append(answer.status_code)
    assert set(statuses) <= {404, 429}
    assert statuses[-1] == 429, f"the guesser is never throttled: {statuses}"

    token = _login(stack, name)
    mine = httpx.get(
        f"{stack.service_url}/api/v1/me/applications/{number}", headers={"Authorization": f"Bearer {token}"}
    )
    assert mine.status_code == 200, mine.text
    by_digits = httpx.post(
        f"{stack.service_url}/api/v1/applications/{number}/progress",
        json={"id_last6": last6},
        headers=_gateway(stack, f"web:{uuid.uuid4().hex}"),
    )
    assert by_digits.status_code == 200, "another caller with the right digits is locked out"
    staff = httpx.post(
        f"{stack.service_url}/api/v1/hotline/lookup",
        json={"number": number, "id_last6": last6},
        headers={"Authorization": f"Bearer {_staff_token(stack, 'zhangsan')}"},
    )
    assert staff.status_code == 200, staff.text


def test_forwarded_for_from_an_untrusted_peer_is_not_a_new_caller(stack: Stack) -> None:
    """Item 4: a header anyone sets does not reset the count (no proxy is configured)."""
    number, last6 = _file_for(stack, f"dev_xff{uuid.uuid4().hex[:8]}", "302")
    wrong = "999999" if last6 != "999999" else "888888"
    client = f"web:{uuid.uuid4().hex}"  # one trusted caller, spoofing a different address every time
    last = None
    for guess in range(WRONG_GUESSES):
        last = httpx.post(
            f"{stack.service_url}/api/v1/applications/{number}/progress",
            json={"id_last6": wrong},
            headers={**_gateway(stack, client), "X-Forwarded-For": f"198.51.100.{guess + 1}"},
        )
    assert last is not None and last.status_code == 429
    assert int(last.headers["Retry-After"]) > 0
    assert "稍后" in last.json()["message"] or "分钟" in last.json()["message"]


def test_existing_and_unknown_numbers_answer_in_the_same_time(stack: Stack) -> None:
    """Item 4: a wrong verification of a real number costs what an unknown number costs (no oracle)."""
    number, last6 = _file_for(stack, f"dev_time{uuid.uuid4().hex[:8]}", "303")
    wrong = "123456" if last6 != "123456" else "654321"
    unknown = number[:-6] + ("000001" if not number.endswith("000001") else "000002")

    def timed(target: str) -> float:
        start = time.perf_counter()
        answer = httpx.post(
            f"{stack.service_url}/api/v1/applications/{target}/progress",
            json={"id_last6": wrong},
            headers=_gateway(stack, f"web:{uuid.uuid4().hex}"),  # a fresh caller each time: never throttled
        )
        elapsed = time.perf_counter() - start
        assert answer.status_code == 404
        return elapsed

    existing, missing = [], []
    for _ in range(40):
        existing.append(timed(number))
        missing.append(timed(unknown))
    ratio = statistics.median(existing) / statistics.median(missing)
    assert 0.67 < ratio < 1.5, f"existing/unknown median time ratio {ratio:.2f}"


def test_staff_password_guessing_is_throttled_and_the_owner_can_still_log_in_later(stack: Stack) -> None:
    """Item 5: repeated wrong passwords end in 429 with Retry-After, not unlimited tries."""
    statuses = []
    for attempt in range(30):
        answer = httpx.post(
            f"{stack.service_url}/api/v1/staff/login",
            json={"username": "admin", "password": f"guess-{attempt}"},
            timeout=30,
        )
        statuses.append(answer.status_code)
        if answer.status_code == 429:
            assert int(answer.headers["Retry-After"]) > 0
            assert answer.json()["message"]
            break
    assert statuses[-1] == 429, f"30 wrong passwords, never throttled: {statuses}"
    assert set(statuses[:-1]) == {401}


def test_unanswered_queue_masks_the_formats_people_type(stack: Stack) -> None:
    """Item 7: separators, +86, full-width digits and 15-digit IDs are masked before an admin sees them."""
    marker = uuid.uuid4().hex[:6]
    question = (
        f"火星签证{marker}怎么办，电话139-1234-5678或+86 139 8765 4321或8613912345678或１３９１１１１２２２２，"
        "身份证430111-19960101-0024，老身份证430111960101002"
    )
    asked = httpx.post(
        f"{stack.service_url}/api/v1/knowledge/search",
        json={"query": question, "record_unanswered": True},
        timeout=60,
    )
    assert asked.status_code == 200, asked.text
    queue = httpx.get(
        f"{stack.service_url}/api/v1/knowledge/unanswered",
        params={"status": "all", "limit": 200},
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
    )
    assert queue.status_code == 200, queue.text
    rows = [json.dumps(row, ensure_ascii=False) for row in queue.json()]
    stored = [row for row in rows if marker in row]
    assert stored, "the question was not queued"
    text = stored[0]
    for clear in ("1234-5678", "8765 4321", "8613912345678", "１１１１２２２２", "19960101", "960101002"):
        assert clear not in text, f"{clear!r} kept in clear: {text}"


FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.invalid","点我")', "+1+1", "-2+3", "@SUM(1,2)"]


def test_faq_export_neutralises_formulas(stack: Stack) -> None:
    """Item 8: cells starting with = + - @ are exported as text (CSV: a leading quote; XLSX: string cells)."""
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["id", "question", "answer", "item", "tags"])
    for formula in FORMULAS:
        writer.writerow(["", f"{formula}", f"{formula} 的答案", "", ""])
    imported = httpx.post(
        f"{stack.service_url}/api/v1/admin/knowledge/faqs/import",
        params={"format": "csv"},
        content=rows.getvalue().encode("utf-8"),
        headers={**admin, "Content-Type": "text/csv"},
        timeout=120,
    )
    assert imported.status_code in (200, 422), imported.text
    exported = httpx.get(
        f"{stack.service_url}/api/v1/admin/knowledge/faqs/export", params={"format": "csv"}, headers=admin
    )
    assert exported.status_code == 200
    cells = [cell for row in csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    workbook = httpx.get(
        f"{stack.service_url}/api/v1/admin/knowledge/faqs/export", params={"format": "xlsx"}, headers=admin
    )
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"formula cell {cell.coordinate}: {cell.value!r}"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/v1/validation/loan_term_months", {"value": "9" * 5000}),
        ("POST", "/api/v1/validation/loan_amount", {"value": "1" + "0" * 320 + "万"}),
        ("GET", "/api/v1/working-days/due-date?start=9999-12-31&days=5", None),
        ("GET", "/api/v1/working-days/due-date?start=2026-12-01&days=99999999", None),
    ],
)
def test_absurd_input_is_a_422_in_chinese(stack: Stack, method: str, path: str, body: object) -> None:
    """Item 9: no unauthenticated 500; a precise 4xx with a Chinese message."""
    answer = httpx.request(method, f"{stack.service_url}{path}", json=body, timeout=30)
    assert answer.status_code == 422 or (answer.status_code == 200 and answer.json().get("valid") is False)
    message = str(answer.json().get("message", ""))
    assert any("\u4e00" <= char <= "\u9fff" for char in message), answer.text


def test_an_oversized_body_is_refused_before_it_is_read(stack: Stack) -> None:
    """Item 9: a 20 MB JSON body gets 413 (with a Chinese message), not a read of the whole body and a 422."""
    body = b'{"value": "' + b"1" * (20 * 1024 * 1024) + b'"}'
    answer = httpx.post(
        f"{stack.service_url}/api/v1/validation/phone",
        content=body,
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    assert answer.status_code == 413
    assert any("\u4e00" <= char <= "\u9fff" for char in answer.json()["message"])


@pytest.mark.parametrize("page", ["/console", "/admin", "/chat", "/docs"])
def test_pages_send_security_headers(stack: Stack, page: str) -> None:
    """Item 9: CSP with frame-ancestors, nosniff and a referrer policy on every page."""
    answer = httpx.get(f"{stack.service_url}{page}", follow_redirects=True)
    assert answer.status_code == 200
    csp = answer.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors" in csp and "default-src" in csp, csp
    assert answer.headers.get("X-Content-Type-Options") == "nosniff"
    assert answer.headers.get("X-Frame-Options") in ("DENY", "SAMEORIGIN")
    assert answer.headers.get("Referrer-Policy")
