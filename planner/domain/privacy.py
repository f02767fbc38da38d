"""Spotting text that may identify a patient, so the user can be reminded to anonymise.

Reflections are not legally privileged; GMC/AoMRC and NMC guidance asks that they hold
nothing that could identify a patient or colleague. These checks are deliberately
cautious hints, never a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NHS_NUMBER = re.compile(r"(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)")
_DOB = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date of birth|born)\b[:\s]*"
    r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_HOSPITAL_NUMBER = re.compile(
    r"\b(?:hospital (?:no|number)|MRN|RTX|unit (?:no|number))\b[:.\s#]*[A-Z]{0,3}\d{5,}",
    re.IGNORECASE,
)
# Every pattern above needs a digit: text without one is passed over in one quick
# scan (an export checks every note of a plan, most of them without digits).
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class IdentifierHint:
    kind: str
    text: str


def is_valid_nhs_number(digits: str) -> bool:
    """NHS number check: weights 10..2 on the first nine digits, modulus 11.

    The check digit is 11 minus the remainder (11 becomes 0); a result of 10 means
    the number is invalid.
    """
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_identifiers(text: str) -> list[IdentifierHint]:
    """Likely patient identifiers in ``text``: NHS numbers, dates of birth, postcodes,
    hospital numbers."""
    hints: list[IdentifierHint] = []
    if not _DIGIT.search(text):
        return hints
    for match in _NHS_NUMBER.finditer(text):
        if is_valid_nhs_number("".join(match.groups())):
            hints.append(IdentifierHint("NHS number", match.group(0)))
    for match in _DOB.finditer(text):
        hints.append(IdentifierHint("date of birth", match.group(0)))
    for match in _POSTCODE.finditer(text):
        hints.append(IdentifierHint("postcode", match.group(0)))
    for match in _HOSPITAL_NUMBER.finditer(text):
        hints.append(IdentifierHint("hospital number", match.group(0)))
    return hints


def describe_hints(hints: list[IdentifierHint]) -> str:
    """A short, calm sentence naming what was found (no user text is repeated)."""
    kinds = sorted({h.kind for h in hints})
    if not kinds:
        return ""
    listed = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    article = "an" if listed[0] in "AEIOU" or listed.startswith("NHS") else "a"
    return (
        f"This may contain {article} {listed}. What you write here should not identify patients or "
        "colleagues: please anonymise before saving."
    )
