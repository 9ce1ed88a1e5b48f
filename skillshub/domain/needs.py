"""An employer's training need: the answers' vocabularies, deadlines and the private-link token."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date

SIC_SECTIONS: dict[str, str] = {
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply, sewerage, waste management and remediation",
    "F": "Construction",
    "G": "Wholesale and retail trade; repair of motor vehicles",
    "H": "Transportation and storage",
    "I": "Accommodation and food service",
    "J": "Information and communication",
    "K": "Financial and insurance activities",
    "L": "Real estate activities",
    "M": "Professional, scientific and technical activities",
    "N": "Administrative and support services",
    "O": "Public administration and defence",
    "P": "Education",
    "Q": "Human health and social work",
    "R": "Arts, entertainment and recreation",
    "S": "Other service activities",
    "T": "Households as employers",
    "U": "Extraterritorial organisations",
}
"""The 21 sections of the UK Standard Industrial Classification 2007 (ONS), in plain case."""

SIZE_BANDS: dict[str, str] = {
    "micro": "Fewer than 10 people",
    "small": "10 to 49 people",
    "medium": "50 to 249 people",
    "large": "250 people or more",
}
"""The ONS/BEIS business size bands by number of employees."""

FORMATS: dict[str, str] = {
    "in-person": "In person, at a college or training centre",
    "online": "Online",
    "blended": "A mix of in person and online",
    "any": "Any of these",
}

LEVELS: dict[str, str] = {
    "4": "Level 4 (like the first year of a degree, or an HNC)",
    "5": "Level 5 (like a foundation degree or HND)",
    "either": "Either, or not sure",
}

WITHIN_MONTHS: dict[int, str] = {
    3: "Within 3 months",
    6: "Within 6 months",
    12: "Within a year",
    24: "Within 2 years",
}
"""How soon the training is needed; stored as the date that many months from the answer."""

MAX_HEADCOUNT = 1000
"""More staff than this for one need is a programme, not a registration: ask to get in touch."""

TOKEN_BYTES = 24
"""192 random bits: a private link nobody can guess or enumerate."""


def months_after(start: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 -> 28/29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def within_months_of(today: date, needed_by: date | None) -> int | None:
    """The smallest WITHIN_MONTHS answer that ``needed_by`` fits (for changing an answer)."""
    if needed_by is None:
        return None
    for months in sorted(WITHIN_MONTHS):
        if needed_by <= months_after(today, months):
            return months
    return max(WITHIN_MONTHS)


def new_token() -> str:
    """A fresh private-link token, URL-safe."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    """What is stored of a token: its SHA-256 (a leaked table reveals no link)."""
    return hashlib.sha256(token.encode()).hexdigest()
