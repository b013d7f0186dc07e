"""Masking of personal data and secrets: the one set of rules for answers, queues, transcripts and log lines.

Standard library only (both environments import it). The rules recognise numbers the way people type them:
separators (``139-1234-5678``, ``430111 19960101 0024``), ``+86``/``86``/``0086`` before a mobile number,
full-width digits (``１３９…``), and the old 15-digit ID numbers. A run of digits that joins two numbers with a
separator (``13912345678 430111199601010024``) is split into the numbers it is made of.

Use :func:`mask_text` on free text a person typed, :func:`mask_log_line` on anything written to a log (it also
hides query secrets, bearer tokens and WeChat openids), and :func:`mask_id_number` / :func:`mask_phone` /
:func:`mask_name` / :func:`mask_bank_account` / :func:`mask_openid` on a value already known to be one.
"""

import hashlib
import re

from contract.conversations import WECHAT_PREFIX
from contract.phones import MOBILE

# Full-width digits, X, plus and separators → ASCII, one character for one, so positions stay the same.
_WIDE = str.maketrans(
    "０１２３４５６７８９Ｘｘ＋－\u3000\u2010\u2011\u2012\u2013\u2014\u2212",
    "0123456789Xx+-       ",
)
_SEPARATOR = r"[ \t\-.]"
# A run of digits with single separators between them, optionally led by "+" (an ID's check "X" is looked at after).
_CANDIDATE = re.compile(rf"(?<![0-9])\+?[0-9](?:{_SEPARATOR}?[0-9])*(?![0-9])")
_GROUP_BREAK = re.compile(rf"{_SEPARATOR}+")
_MOBILE_PREFIXES = ("0086", "86")
# An ID number holds its owner's birth date (GB 11643: YYYYMMDD; the old 15-digit form: YYMMDD): requiring a
# plausible one keeps other long numbers (hotline call ids such as 20260928020000-1ea48d) readable.
_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
_ID_18 = re.compile(rf"[1-9][0-9]{{5}}(?:19|20)[0-9]{{2}}{_DATE}[0-9]{{3}}[0-9Xx]")
_ID_15 = re.compile(rf"[1-9][0-9]{{5}}[0-9]{{2}}{_DATE}[0-9]{{3}}")

_WECHAT_ID = re.compile(r"(?i)(wechat(?::|%3A|%253A))([A-Za-z0-9_\-]{4,64})")
_SECRET_KEYS = (
    "access_token|refresh_token|token|auth_token|gateway_token|secret|appsecret|app_secret|js_code|session_key"
    "|password|api_key|apikey|key"
)
_QUERY_SECRET = re.compile(rf"(?i)(?<![A-Za-z0-9_])({_SECRET_KEYS})=([^&\s\"'#,;]+)")
_JSON_SECRET = re.compile(rf"(?i)([\"']({_SECRET_KEYS}|password_hash)[\"']\s*:\s*[\"'])([^\"']+)")
_BEARER = re.compile(r"(?i)\b(bearer|x-gateway-token:|x-staff-key:|x-department-key:)(\s+)([A-Za-z0-9._~+/=\-]{6,})")
HIDDEN = "***"


def mask_id_number(id_number: str) -> str:
    """Keep the first 6 and the last 4 characters of an ID number: ``430104********123X``.

    Args:
        id_number: An 18- or 15-character ID number without separators.

    Returns:
        The masked number; anything of 10 characters or fewer is all stars.
    """
    if len(id_number) <= 10:
        return "*" * len(id_number)
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def mask_phone(phone: str) -> str:
    """Keep the first 3 and last 4 digits of a mobile number: ``138****0001``.

    Args:
        phone: A phone number without separators.

    Returns:
        The masked number; anything of 7 characters or fewer is all stars.
    """
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_bank_account(account: str) -> str:
    """Keep only the last 4 characters of a bank account: ``****6789``.

    Args:
        account: An account number.

    Returns:
        The masked account; anything of 4 characters or fewer is all stars.
    """
    return f"****{account[-4:]}" if len(account) > 4 else "*" * len(account)


def mask_name(name: str) -> str:
    """Keep the first character of a name: ``王*``, ``欧**``."""
    return name[:1] + "*" * (len(name) - 1) if name else name


def mask_openid(openid: str) -> str:
    """A log-safe stand-in for a WeChat openid: its first 4 characters and a short hash (``oyOR…#3f9a1c``).

    The hash lets one follow a user through the logs without the logs holding the id.

    Args:
        openid: The openid, or a ``wechat:<openid>`` sender id.

    Returns:
        The stand-in; ``<none>`` for an empty id.
    """
    bare = openid.removeprefix(WECHAT_PREFIX)
    if not bare:
        return "<none>"
    return f"{bare[:4]}…#{hashlib.sha256(bare.encode('utf-8')).hexdigest()[:6]}"


def _masked_number(digits: str) -> str | None:
    """The masked form of a whole number that is personal data, ``None`` for any other number."""
    if _ID_18.fullmatch(digits) or _ID_15.fullmatch(digits):
        return mask_id_number(digits.upper())
    for prefix in ("", *_MOBILE_PREFIXES):
        if digits.startswith(prefix) and MOBILE.fullmatch(digits[len(prefix) :]):
            return mask_phone(digits[len(prefix) :])
    return None


def _mask_run(run: str) -> str | None:
    """Mask a candidate run: as one number, else split at its separators into consecutive numbers."""
    whole = _masked_number(re.sub(rf"{_SEPARATOR}|\+", "", run))
    if whole is not None:
        return whole
    groups = _GROUP_BREAK.split(run.lstrip("+"))
    breaks = _GROUP_BREAK.findall(run.lstrip("+"))
    if len(groups) < 2:
        return None
    out: list[str] = ["+"] if run.startswith("+") else []
    changed, start = False, 0
    while start < len(groups):
        for end in range(len(groups), start, -1):
            masked = _masked_number("".join(groups[start:end]))
            if masked is not None and end - start < len(groups):
                out.append(masked)
                changed, start = True, end
                break
        else:
            out.append(groups[start])
            start += 1
        if start < len(groups):
            out.append(breaks[start - 1])
    return "".join(out) if changed else None


def mask_text(text: str) -> str:
    """Mask every ID number (18 or 15 digits) and mainland mobile number found in free text.

    Args:
        text: What a person typed, or any text that may hold such numbers.

    Returns:
        The text with each number replaced by its masked form (separators and prefixes dropped); everything else
        is kept as it was, full-width characters included.
    """
    view = text.translate(_WIDE)
    pieces: list[str] = []
    last = 0
    for match in _CANDIDATE.finditer(view):
        end = match.end()
        masked = _mask_run(match.group(0) + "X") if view[end : end + 1] in ("X", "x") else None
        if masked is not None:
            end += 1
        else:
            masked = _mask_run(match.group(0))
        if masked is not None:
            pieces += [text[last : match.start()], masked]
            last = end
    return "".join(pieces) + text[last:] if pieces else text


def mask_secrets(text: str) -> str:
    """Hide secrets in URLs, headers and JSON: ``secret=``, ``token=``, ``js_code=``, ``Bearer …`` and the like."""
    text = _QUERY_SECRET.sub(lambda m: f"{m.group(1)}={HIDDEN}", text)
    text = _JSON_SECRET.sub(lambda m: f"{m.group(1)}{HIDDEN}", text)
    return _BEARER.sub(lambda m: f"{m.group(1)}{m.group(2)}{HIDDEN}", text)


def mask_wechat_ids(text: str) -> str:
    """Replace the openid of every ``wechat:<openid>`` (also URL-encoded ``wechat%3A``) with :func:`mask_openid`."""
    return _WECHAT_ID.sub(lambda m: m.group(1) + mask_openid(m.group(2)), text)


def mask_log_line(text: str) -> str:
    """Everything a log line must not hold: secrets, WeChat openids, ID and mobile numbers.

    Args:
        text: A formatted log message (or a traceback).

    Returns:
        The text safe to write to a log.
    """
    return mask_text(mask_wechat_ids(mask_secrets(text)))
