"""How people type dates and times by hand, in every admin and form language: day first with dots,
dashes or slashes, or ISO year first; the time after a space, a comma or "godz.", with a colon or a
dot. Display formats stay Django's own for each language."""

_DATES = ["%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%y", "%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d"]
_TIMES = ["%H:%M", "%H:%M:%S", "%H.%M"]
_SEPARATORS = [" ", ", ", " godz. ", ", godz. ", "T"]

DATE_INPUT_FORMATS = _DATES
TIME_INPUT_FORMATS = _TIMES
DATETIME_INPUT_FORMATS = [f"{date}{sep}{time}" for date in _DATES for sep in _SEPARATORS for time in _TIMES]
