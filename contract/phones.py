"""Chinese phone numbers: what a mainland mobile number and a landline number are, written once for both sides.

Standard library only. :data:`MOBILE` and :data:`LANDLINE` match a whole value (``fullmatch``) once separators are
removed; :data:`BARE_MOBILE` finds a mobile number standing alone in text (no digit or Latin letter next to it);
:data:`PHONE_IN_TEXT` finds a mobile or a landline number (area code, optional dash) in text, as group 1.
"""

import re

MOBILE_DIGITS = r"1[3-9]\d{9}"  # 11 digits, 13x–19x
LANDLINE_DIGITS = r"0\d{2,3}-?\d{7,8}"  # area code (0 + 2–3 digits) and a 7–8 digit number
MOBILE = re.compile(MOBILE_DIGITS)
LANDLINE = re.compile(LANDLINE_DIGITS)
BARE_MOBILE = re.compile(rf"(?<![\dA-Za-z]){MOBILE_DIGITS}(?![\dA-Za-z])")
PHONE_IN_TEXT = re.compile(rf"(?<!\d)({MOBILE_DIGITS}|{LANDLINE_DIGITS})(?!\d)")
