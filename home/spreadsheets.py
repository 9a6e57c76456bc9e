"""Cells of every CSV and XLSX file the site exports: a text a spreadsheet would run as a formula
(OWASP "CSV injection": one starting with =, +, -, @, a tab or a carriage return) gets a leading
apostrophe, so Excel and LibreOffice show it as text. A text that is just a number ("-12", "+48",
"-1,5") stays as it is: it is a value, not a formula, and the column keeps its numbers."""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise_formula(value):
    """The cell's value, safe to open in a spreadsheet; anything but text is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralised_row(values):
    return [neutralise_formula(value) for value in values]
