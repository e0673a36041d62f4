"""Citizen identity numbers: how they are written, and how they are hidden.

A citizen identity number (*số định danh cá nhân*, on the *CCCD* card) has 12 digits;
the old identity card (*CMND*) 9. People write them plainly (``001203004567``), in
groups separated by spaces or dashes (``001 203 004 567``, ``001-203-004-567``), or after
the card's name (``CCCD 001203004567``, ``CCCD: 001-203-004-567``). All of these are
recognised, both as a value (:func:`citizen_id_digits`) and inside any text
(:func:`mask_citizen_ids`), and only ever shown with all but the last three digits hidden.

Thousands grouped with ``.`` (``100.000.000`` đồng) are amounts of money, not
identifiers, and are left alone.

>>> citizen_id_digits("CCCD: 001-203-004-567")
'001203004567'
>>> mask_citizen_ids("chủ hộ CCCD 001 203 004 567, thu nhập 1.500.000")
'chủ hộ CCCD *********567, thu nhập 1.500.000'
>>> mask_digits("001203004567")
'*********567'
"""

from __future__ import annotations

import re

__all__ = ["citizen_id_digits", "mask_citizen_ids", "mask_digits", "mask_name", "shown_id"]

# 12 or 9 digits, optionally grouped by single spaces or dashes, not inside a longer run
# of digits (an account number, a phone number with a country code).
_GROUPED = r"[0-9](?:[ \-]?[0-9]){11}|[0-9](?:[ \-]?[0-9]){8}"
_IN_TEXT = re.compile(rf"(?<![0-9])(?:{_GROUPED})(?![0-9]|[ \-][0-9])")
_NINE_DIGITS = re.compile(r"[0-9](?:[ \-]?[0-9]){8}")
_VALUE = re.compile(
    rf"(?:(?:CCCD|CMND|CCCD/CMND|số định danh|so dinh danh)\s*[:.]?\s*)?({_GROUPED})", re.I
)


def mask_digits(text: str) -> str:
    """``text`` with every character but the last three replaced by ``*``.

    >>> mask_digits("123456789"), mask_digits("12")
    ('******789', '**')
    """
    return "*" * max(len(text) - 3, 0) + text[-3:] if len(text) > 3 else "*" * len(text)


def mask_name(text: str) -> str:
    """A person's name as initials only (``"Nguyễn Văn An"`` → ``"N. V. A."``).

    >>> mask_name("Nguyễn Thị Hoa"), mask_name("  ")
    ('N. T. H.', '…')
    """
    return " ".join(f"{w[0]}." for w in text.split()) or "…"


def citizen_id_digits(text: str) -> str | None:
    """The 12 (or 9) digits of a citizen ID written in any usual way, else ``None``.

    >>> citizen_id_digits(" 001 203 004 567 "), citizen_id_digits("CMND 123-456-789")
    ('001203004567', '123456789')
    >>> citizen_id_digits("00120300456") is None
    True
    """
    match = _VALUE.fullmatch(text.strip())
    if match is None:
        return None
    return re.sub(r"[ \-]", "", match[1])


def mask_citizen_ids(text: str) -> str:
    """Mask every citizen ID in ``text`` (9 or 12 digits, grouped or not) but its last three.

    A grouped ID becomes one run of ``*`` and its last three digits, so its grouping
    does not reveal its length.

    >>> mask_citizen_ids("mã 001203004567, số 1.500.000")
    'mã *********567, số 1.500.000'
    >>> mask_citizen_ids("CMND 123-456-789")
    'CMND ******789'
    """
    if not _NINE_DIGITS.search(text):  # the common case: nothing to look for
        return text

    def hide(match: re.Match[str]) -> str:
        digits = re.sub(r"[ \-]", "", match[0])
        return mask_digits(digits)

    return _IN_TEXT.sub(hide, text)


def shown_id(identifier: str, limit: int = 40) -> str:
    """An identifier as results show it: any citizen ID in it masked, on one line, cut short.

    For reprs and HTML displays: a household's ID may be its head's citizen ID.

    >>> shown_id("001203004567"), shown_id("PL-001"), shown_id("x" * 50, limit=8)
    ('*********567', 'PL-001', 'xxxxxxx…')
    """
    flat = " ".join(mask_citizen_ids(identifier).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
