"""Dates written in text, normalized against an anchor (the article's publication date)."""
from __future__ import annotations

import datetime as dt
import re

from .model import DateValue

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3, "a": 1,
}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

# ordered: the first pattern that matches wins
_ABSOLUTE = [
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("day", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("day", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("day_noyear", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)),
    ("day_noyear", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.I)),
    ("month_lastyear", re.compile(rf"\b(?:(?:in|since|during|by|until)\s+)?{_MONTH},?\s+(?:of\s+)?last\s+year\b", re.I)),
    ("month_last", re.compile(rf"\blast\s+{_MONTH}\b", re.I)),
    ("month_next", re.compile(rf"\bnext\s+{_MONTH}\b", re.I)),
    ("month_thisyear", re.compile(rf"\b(?:in|since|during|by|until)\s+(?:early\s+|late\s+|mid-?\s*)?{_MONTH}"
                                  rf"(?:,?\s+(?:of\s+)?this\s+year)?\b", re.I)),
    ("month_thisyear", re.compile(rf"\b(?:early|late|mid)-?\s*{_MONTH}\b(?!\s*,?\s*(?:of\s+)?(?:19|20)\d\d)", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?P<year>(?:1[89]|20)\d0)s\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|of|by|during|until|from)\s+(?:early\s+|late\s+|mid-?)?(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("year", re.compile(r"\b(?P<year>(?:19|20)\d\d)\b")),
]
_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
#: what makes a weekday right after it a day to come: "are to meet on Tuesday", "will hold talks in Geneva on
#: Friday" (a modal of the future a few words before, with no punctuation between: '"We will attack," X said on
#: Tuesday' is a past Tuesday)
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:due\s+|expected\s+|scheduled\s+|set\s+|slated\s+)?to)"
                            r"\s+(?:[^\s,;:.\"“”]+\s+){0,5}$", re.I)
_RELATIVE = re.compile(
    r"\b(?P<phrase>yesterday|today|last weekend|last week|last month|last year|this month|earlier this month|"
    r"this year|earlier this year|this week|earlier this week|next week|next month|next year|(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+(?:ago|earlier|before))\b",
    re.I,
)

#: a time after the date the text gave last: "five days later", "two weeks afterwards", "the next day"
_LATER = re.compile(
    r"\b(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+(?P<unit>days?|weeks?)\s+"
    r"(?:later|afterwards?)|the\s+(?:next|following)\s+(?P<next>day|morning|evening|night))\b",
    re.I,
)
#: a longer time after the date the text gave last, of any precision: "three years later", "a year on", "two
#: months afterwards", "the following spring", "the next year"
_LATER_LONG = re.compile(
    r"\b(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+(?P<unit>months?|years?)\s+"
    r"(?:later|afterwards?|on\b)|the\s+(?:next|following)\s+(?P<next>year|month|spring|summer|autumn|fall|winter))\b",
    re.I,
)
#: the month a season of the year begins in
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
#: a year in brackets after a number names a document, it dates nothing: "resolution 2767 (2024)"
_DOCUMENT_YEAR = re.compile(r"\d\s*\(\s*$")


def _month_number(text: str) -> int:
    text = text.lower().rstrip(".")
    if text.isdigit():
        return int(text)
    return MONTHS.get(text) or MONTHS[text[:3]]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def parse_anchor(value: str | None) -> dt.date | None:
    """An ISO date string (any precision) as a date, or None."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts) if _valid(*parts) else None


def find_dates(text: str, anchor: dt.date | None = None, previous: dt.date | None = None,
               earlier: DateValue | None = None) -> list[tuple[int, int, DateValue]]:
    """Every date expression in ``text`` with its span, normalized; earlier patterns win overlaps.

    "five days later", "the next day" count from the last full date before them: one earlier in ``text``,
    else ``previous`` (the last one before ``text``, when the caller knows it); without either, they are no date.
    "three years later", "the following spring" count from the last date of any precision before them: one
    earlier in ``text``, else ``earlier`` (the last one the caller knows of before ``text``), else ``previous``.
    """
    found: list[tuple[int, int, DateValue]] = []
    taken: list[tuple[int, int]] = []
    yearless: set[int] = set()  # where a day is named without its year

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if kind == "year" and _DOCUMENT_YEAR.search(text[:m.start()]) and text[m.end():m.end() + 1] == ")":
                continue
            value = _absolute(kind, m, anchor, text[max(0, m.start() - 80):m.start()])
            if value is not None:
                found.append((m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
                if ((kind == "day_noyear" or (kind == "month_thisyear" and "this year" not in m.group(0).lower()))
                        and not _FUTURE_BEFORE.search(text[max(0, m.start() - 80):m.start()])):
                    yearless.add(m.start())  # (one to come is not of the year the text was telling)
    telling = {start for start, _, value in found if tells_a_time(value, text[max(0, start - 20):start])}
    found = _in_narrative_year(sorted(found, key=lambda f: f[0]), yearless, anchor, previous, earlier, telling)
    if anchor is not None:
        for pattern in (_WEEKDAY, _RELATIVE):
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    value = (_weekday(m, anchor, text[max(0, m.start() - 80):m.start()]) if pattern is _WEEKDAY
                             else _relative(m, anchor))
                    if value is not None:
                        found.append((m.start(), m.end(), value))
                        taken.append((m.start(), m.end()))
    for m in _LATER.finditer(text):
        if not free(m.start(), m.end()):
            continue
        days = [(a, v.start) for a, _, v in found if a < m.start() and v.precision == "day" and v.end is None]
        since = parse_anchor(max(days)[1]) if days else previous
        if since is not None:
            value = _later(m, since)
            found.append((m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
    for m in _LATER_LONG.finditer(text):
        if not free(m.start(), m.end()):
            continue
        before = [v for a, _, v in sorted(found, key=lambda f: f[0]) if a < m.start() and v.end is None]
        since = before[-1] if before else earlier or (
            DateValue(previous.isoformat(), "day", text="") if previous is not None else None)
        value = _later_long(m, since) if since is not None else None
        if value is not None:
            found.append((m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f[0])


def _in_narrative_year(found: list, yearless: set[int], anchor: dt.date | None, previous: dt.date | None,
                       earlier: DateValue | None = None, telling: set[int] = frozenset()) -> list:
    """A day named without its year is of the year the text is telling, not of the article's:

    * one that would fall after the article ("November 8" in a September article), when a full date of an
      earlier year comes before it ("on September 27, 2020 ... captured Shusha on November 8": 2020), not of the
      year before the article;
    * one right after a date of an earlier year in the same paragraph (``earlier``: the last one before the
      text, if the caller knows it): "The decisive blow came in the summer of 1974. On July 15, ..." (1974-07-15;
      after "December 1963", "on January 5" is of 1964); so is a month ("... in 1974. By August, ...")."""
    if anchor is None:
        return found
    out, last, told = [], previous, earlier
    for start, end, value in found:
        day = parse_anchor(value.start) if value.precision == "day" and value.end is None else None
        if start in yearless and day is not None and last is not None and last.year < day.year:
            later = day.replace(year=anchor.year) if _valid(anchor.year, day.month, day.day) else None
            moved = (dt.date(last.year, day.month, day.day) if _valid(last.year, day.month, day.day) else None)
            if later is not None and later > anchor + dt.timedelta(days=31) and moved is not None and moved >= last:
                value, day = DateValue(start=moved.isoformat(), precision="day", text=value.text), moved
        month = parse_anchor(value.start) if value.precision == "month" else None
        when = day or month
        if (start in yearless and when is not None and when.year == anchor.year and when <= anchor
                and told is not None and int(told.start[:4]) < anchor.year):
            year = int(told.start[:4])
            if told.precision != "year" and (when.month, when.day if day else 1) < tuple(
                    int(p) for p in (told.start + "-01").split("-")[1:3]):
                year += 1  # after "December 1963", "on January 5" is of 1964
            if year < anchor.year and _valid(year, when.month, when.day):
                if day is not None:
                    day = dt.date(year, day.month, day.day)
                    value = DateValue(start=day.isoformat(), precision="day", text=value.text)
                else:
                    value = DateValue(start=f"{year:04d}-{when.month:02d}", precision="month", text=value.text)
        out.append((start, end, value))
        last = day if day is not None else last
        told = value if value.end is None and start in telling else told
    return out


_SEASON_BEFORE = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\s+$", re.I)


def tells_a_time(value: DateValue, before: str) -> bool:
    """Does a date set the time a story is telling, so that a day or month without its year after it is of its
    year? A day or month does ("in December 1963"), and a season of a year ("in the summer of 1974"); a bare
    year does not ("Kosovo declared independence in 2008. In March, ...": this March), nor a date a state holds
    since or until ("has occupied Crimea since 2014")."""
    if value.text.lower().startswith(("since", "for", "until", "by")):
        return False
    return value.precision in ("day", "month") or (value.text.lower().startswith("of")
                                                   and bool(_SEASON_BEFORE.search(before)))


def counts_from_before(value: DateValue) -> bool:
    """Is ``value`` a time after a date given before ("five days later", "the next day")?"""
    return bool(_LATER.fullmatch(value.text))


def counts_from_today(value: DateValue) -> bool:
    """Is ``value`` a day counted from the day it was written or said ("today", "on Monday", "last week")?"""
    return bool(_RELATIVE.fullmatch(value.text) or _WEEKDAY.fullmatch(value.text))


def _later(m: re.Match, since: dt.date) -> DateValue:
    """"five days later" after September 19 -> September 24; "the next day" -> September 20."""
    if m.group("next"):
        n, unit = 1, "day"
    else:
        n_text = m.group("n").lower()
        n, unit = int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text], m.group("unit").lower().rstrip("s")
    day = since + (dt.timedelta(days=n) if unit == "day" else dt.timedelta(weeks=n))
    return DateValue(day.isoformat(), "day", text=m.group(0))


def _later_long(m: re.Match, since: DateValue) -> DateValue | None:
    """"three years later" after July 2017 -> 2020; "two months later" after 30 July 2024 -> 2024-09; "the
    following spring" after December 1963 -> 1964, after January 2020 -> 2020 (the season of that year)."""
    year, month = int(since.start[:4]), int(since.start[5:7]) if since.precision != "year" else None
    step = (m.group("next") or "").lower()
    if step in SEASONS:
        later = year if month is not None and month < SEASONS[step] else year + 1
        return DateValue(f"{later:04d}", "year", text=m.group(0))
    if step:
        n, unit = 1, step
    else:
        n_text = m.group("n").lower()
        n, unit = int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text], m.group("unit").lower().rstrip("s")
    if unit == "year":
        return DateValue(f"{year + n:04d}", "year", text=m.group(0))
    if month is None:
        return None  # "two months after 2019" is no month
    months = year * 12 + month - 1 + n
    return DateValue(f"{months // 12:04d}-{months % 12 + 1:02d}", "month", text=m.group(0))


def _absolute(kind: str, m: re.Match, anchor: dt.date | None, before: str = "") -> DateValue | None:
    """A date expression of the kind its pattern tells, normalized against ``anchor``; ``before``: the text just
    before it, where a modal of the future makes a day or month with no year one to come ("will take place on 11
    November", "will meet in May")."""
    g = m.groupdict()
    text = m.group(0)
    if kind == "year":
        return DateValue(start=g["year"], precision="year", text=text)
    if kind == "decade":  # "in the 1990s"
        return DateValue(start=g["year"], precision="year", end=str(int(g["year"]) + 9), text=text)
    month = _month_number(g["month"])
    if kind == "month":
        return DateValue(start=f"{int(g['year']):04d}-{month:02d}", precision="month", text=text)
    if kind in ("month_lastyear", "month_last"):
        if anchor is None:
            return None
        # "in April last year": the year before the article's; "last April": the latest April before the article
        year = anchor.year - 1 if kind == "month_lastyear" or month >= anchor.month else anchor.year
        return DateValue(start=f"{year:04d}-{month:02d}", precision="month", text=text)
    if kind == "month_next":  # "next May": the first May after the article
        if anchor is None:
            return None
        year = anchor.year if month > anchor.month else anchor.year + 1
        return DateValue(f"{year:04d}-{month:02d}", "month", text=text)
    future = _FUTURE_BEFORE.search(before) is not None
    if kind == "month_thisyear":
        if anchor is None:
            return None
        year = anchor.year
        if future and month < anchor.month and "this year" not in text.lower():
            year += 1  # "will meet in May" in a November article: next May
        elif (not future and "this year" not in text.lower() and month > anchor.month + 1
              and not text.lower().startswith("until")):
            year -= 1  # "since November" in a February article: last November (the next month may be meant)
        return DateValue(start=f"{year:04d}-{month:02d}", precision="month", text=text)
    day = int(g["day"])
    if kind == "day_noyear":
        if anchor is None:
            return None
        year = anchor.year
        if future:  # "will take place on 11 November": the next such day
            if _valid(year, month, day) and dt.date(year, month, day) < anchor:
                year += 1
        # a date later than the article, with no year, is most likely last year's
        elif _valid(year, month, day) and dt.date(year, month, day) > anchor + dt.timedelta(days=31):
            year -= 1
    else:
        year = int(g["year"])
    if not _valid(year, month, day):
        return None
    return DateValue(start=f"{year:04d}-{month:02d}-{day:02d}", precision="day", text=text)


def _weekday(m: re.Match, anchor: dt.date, before: str = "") -> DateValue:
    """'on Tuesday' in an article of Thursday 21 Sep 2023 -> 2023-09-19 (the latest such day on or before); a
    day to come after a modal of the future (``before``: the text before it) is the next such day after:
    'are to meet on Tuesday' in an article of Monday 28 Jul 2025 -> 2025-07-29."""
    target = WEEKDAYS[m.group("weekday").lower()]
    if not m.group(0).lower().startswith("last") and _FUTURE_BEFORE.search(before):
        day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
        return DateValue(start=day.isoformat(), precision="day", text=m.group(0))
    back = (anchor.weekday() - target) % 7
    if m.group(0).lower().startswith("last") and back == 0:
        back = 7
    day = anchor - dt.timedelta(days=back)
    return DateValue(start=day.isoformat(), precision="day", text=m.group(0))


def _relative(m: re.Match, anchor: dt.date) -> DateValue | None:
    phrase = m.group("phrase").lower()
    if phrase == "yesterday":
        return DateValue((anchor - dt.timedelta(days=1)).isoformat(), "day", text=m.group(0))
    if phrase == "today":
        return DateValue(anchor.isoformat(), "day", text=m.group(0))
    if phrase == "last week":
        start = anchor - dt.timedelta(days=anchor.weekday() + 7)
        end = start + dt.timedelta(days=6)
        return DateValue(start.isoformat(), "day", end=end.isoformat(), text=m.group(0))
    if phrase in ("this week", "earlier this week"):
        start = anchor - dt.timedelta(days=anchor.weekday())
        return DateValue(start.isoformat(), "day", end=anchor.isoformat(), text=m.group(0))
    if phrase == "last weekend":
        saturday = anchor - dt.timedelta(days=anchor.weekday() + 2)  # the weekend before this week
        return DateValue(saturday.isoformat(), "day", end=(saturday + dt.timedelta(days=1)).isoformat(),
                         text=m.group(0))
    if phrase == "next week":
        start = anchor + dt.timedelta(days=7 - anchor.weekday())
        return DateValue(start.isoformat(), "day", end=(start + dt.timedelta(days=6)).isoformat(), text=m.group(0))
    if phrase == "next month":
        year, month = (anchor.year, anchor.month + 1) if anchor.month < 12 else (anchor.year + 1, 1)
        return DateValue(f"{year:04d}-{month:02d}", "month", text=m.group(0))
    if phrase == "next year":
        return DateValue(f"{anchor.year + 1:04d}", "year", text=m.group(0))
    if phrase in ("this month", "earlier this month"):
        return DateValue(f"{anchor.year:04d}-{anchor.month:02d}", "month", text=m.group(0))
    if phrase == "last month":
        year, month = (anchor.year, anchor.month - 1) if anchor.month > 1 else (anchor.year - 1, 12)
        return DateValue(f"{year:04d}-{month:02d}", "month", text=m.group(0))
    if phrase in ("this year", "earlier this year"):
        return DateValue(f"{anchor.year:04d}", "year", text=m.group(0))
    if phrase == "last year":
        return DateValue(f"{anchor.year - 1:04d}", "year", text=m.group(0))
    n_text = (m.group("n") or "").lower()
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text)
    unit = (m.group("unit") or "").lower().rstrip("s")
    if not n or not unit:
        return None
    if unit == "day":
        return DateValue((anchor - dt.timedelta(days=n)).isoformat(), "day", text=m.group(0))
    if unit == "week":
        return DateValue((anchor - dt.timedelta(weeks=n)).isoformat()[:7], "month", text=m.group(0))
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 - n
        return DateValue(f"{months // 12:04d}-{months % 12 + 1:02d}", "month", text=m.group(0))
    return DateValue(f"{anchor.year - n:04d}", "year", text=m.group(0))


_PUBLISHED = re.compile(r"\b(?:published|posted|updated|date)\b[^\n]{0,20}", re.I)


def paragraph_starts(text: str) -> tuple[int, ...]:
    """The offsets at which the paragraphs of a text (parted by blank lines) begin."""
    return (0, *(m.end() for m in re.finditer(r"\n[ \t]*\n\s*", text)))


def find_publication_date(header: str) -> str | None:
    """The publication date written in an article's opening lines, as ISO, or None.

    Prefers a date introduced by "Published"/"Posted", then a date standing alone on its line
    (a dateline), then the first full date in the header.
    """
    lines = [line.strip() for line in header.splitlines() if line.strip()]
    lines = [line for line in lines if not (len(line.split()) >= 12 and line.rstrip()[-1:] in ".!?")]  # prose
    best: tuple[int, str, int] | None = None
    for index, line in enumerate(lines):
        for start, end, value in find_dates(line):
            if value.precision != "day":
                continue
            if _PUBLISHED.search(line[:start + 1]):
                rank = 0
            elif len(line) - (end - start) <= 8:  # the date is (nearly) the whole line, e.g. "21.09.2023 09:35"
                rank = 1
            elif index < 12:
                rank = 2
            else:
                continue
            if best is None or (rank, index) < (best[0], best[2]):
                best = (rank, value.start, index)
    return best[1] if best else None


def latest_date(text: str) -> str | None:
    """The latest full (day-precision) date written in a text, as ISO: a stand-in anchor for an undated
    article, which is written after the events it reports."""
    days = [v.start for _, _, v in find_dates(text) if v.precision == "day"]
    return max(days) if days else None
