"""Page furniture in text exports: the page numbers and running headers a PDF's text keeps.

pdftotext and a PDF viewer's copy keep each page's number (- 3 -, 第 3 页 共 12 页) and running
header (the report's name atop each page) in the text, and mark a new page with a form feed.
Between the two halves of a sentence cut by the page they would be read as words of it
(支出决算为1,121.2- 3 -某局2024年部门决算1万元). They are dropped, and the halves joined again
when the text before the page break stops mid-sentence.
"""
from __future__ import annotations

import re

from .raw import PAGE_BREAK

# a page's number alone on a line (— 4 —, - 4 -, 第4页, 第4页 共12页, 4/12, 4); in a text
# export a bare number or n/m is one only beside a page break (elsewhere it may be a cell's)
MARKED_PAGE = r"[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
PAGE_NUMBER_RE = re.compile(rf"^\s*(?:{MARKED_PAGE}|\d{{1,4}}\s*/\s*\d{{1,4}}|\d{{1,4}})\s*$")
PAGE_MARK_RE = re.compile(rf"^\s*(?:{MARKED_PAGE})\s*$")  # (a page's number said so: anywhere)
# a browser's own header and footer on a printed web page: the date and time it was printed
# (12/3/26, 11:03 PM; 2026/12/3 23:03), the page's address (file:///…, https://…) with the page's
# number of the pages (1/2); ﬁle:// with the ligature a PDF font may print
BROWSER_STAMP_RE = re.compile(r"^\s*(?:\d{1,4}/\d{1,2}/\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?!\d)"
                              r"|(?:file|\ufb01le|https?)://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?\s*$)")
FURNITURE_CHARS = 40  # a page's running header, footer or number is short
FORM_FEED = PAGE_BREAK  # (how a text export marks where a page broke)
BLANKS = " \f\u3000\xa0"  # what a line of no text holds


def furniture_like(text: str) -> bool:
    """Short and no sentence, no field (单位：元): a line a page's head or foot may repeat."""
    return 0 < len(text) <= FURNITURE_CHARS and not any(mark in text for mark in "。；;，,：:")


def footer_key(text: str) -> str | None:
    """A line as a running footer's text is alike on every page: its page number at either end
    masked (某局2024年度部门决算公开　3 → 某局2024年度部门决算公开　#); None for a line no footer
    is, one holding other figures than a year (合计 48 45 3, a table's row: two such rows differ
    only in their figures, which must not make them alike)."""
    text = text.strip(BLANKS)
    body = EDGE_NUMBER_RE.sub("#", text, count=1)
    if body == text or re.search(r"\d", YEAR_WORD_RE.sub("", body)) or not re.search(r"[\u4e00-\u9fff]{2}", body):
        return None
    return body


# the page's number at the line's start or end, set apart from its words (3 某局…, 某局… 3, 某局…-3-)
EDGE_NUMBER_RE = re.compile(r"^[-—–－]?\s*\d{1,4}\s*[-—–－]?(?=[\s\u3000])|(?<=[\s\u3000])[-—–－]?\s*\d{1,4}\s*[-—–－]?$")
YEAR_WORD_RE = re.compile(r"(?:19|20)\d\d\s*年")  # (a year in the report's name: no figure)


def without_page_furniture(lines: list[str], runs_on) -> tuple[list[str], list[int] | None]:
    """The lines without page numbers and running headers, and the line of the file each comes
    from (counted from 1; None when no line went: each is its own). `runs_on(text)`: whether a
    line of prose stops mid-sentence (a page break after it cuts the paragraph, and the lines
    after the furniture go on with it)."""
    if not any(FORM_FEED in line or PAGE_MARK_RE.match(line) for line in lines):
        return lines, None
    starts = {k for k, line in enumerate(lines) if FORM_FEED in line}
    dropped = _page_numbers(lines, starts)
    starts |= {k + 1 for k in dropped}  # (a page's number at its foot: the next page starts after it)
    dropped |= _running_headers(lines, starts, dropped)
    dropped |= _running_footers(lines, starts, dropped)
    # (a line of a form feed alone: the page break itself, read as the furniture around it is, but
    # a table going on over it is the table reader's to tell: see `rows_go_on`)
    breaks = {k for k, line in enumerate(lines) if FORM_FEED in line and not line.strip(BLANKS)}
    dropped |= breaks
    out: list[str] = []
    origin: list[int] = []
    k = 0
    while k < len(lines):
        if k not in dropped:
            out.append(lines[k].replace(FORM_FEED, ""))
            origin.append(k + 1)
            k += 1
            continue
        end = k
        while end < len(lines) and (end in dropped or not lines[end].strip(BLANKS)):
            end += 1
        while out and not out[-1].strip(BLANKS):
            out.pop()  # (the blank lines before the furniture)
            origin.pop()
        # (tab rows either side of page furniture go on; either side of a bare page break, the table
        # reader tells whether the rows after it are the same table's, by their header)
        rows_go_on = bool(out) and end < len(lines) and "\t" in out[-1] and "\t" in lines[end] \
            and not all(j in breaks or not lines[j].strip(BLANKS) for j in range(k, end))
        if not out or end >= len(lines) or not (runs_on(out[-1].strip()) or rows_go_on):
            # (a paragraph or a table ends at the page break: a line holding only a form feed keeps
            # them apart and tells the table reader a page broke there; a sentence cut by it goes on,
            # and so do the tab-separated rows of a table)
            out.append(FORM_FEED)
            origin.append(k + 1)
        k = end
    return out, origin


def _page_numbers(lines: list[str], starts: set[int]) -> set[int]:
    """Lines holding a page number: a marked one anywhere (- 3 -, 第3页), a bare one (3, 3/12)
    as the last line before a form feed or the first after one."""
    dropped = {k for k, line in enumerate(lines) if PAGE_MARK_RE.match(line.replace(FORM_FEED, ""))}
    for start in starts:
        for k in (_text_line(lines, start, 1, dropped), _text_line(lines, start - 1, -1, dropped)):
            if k is not None and PAGE_NUMBER_RE.match(lines[k].replace(FORM_FEED, "")):
                dropped.add(k)
    return dropped


def _running_headers(lines: list[str], starts: set[int], dropped: set[int]) -> set[int]:
    """A page's first line that is short and no sentence, when it heads another page too or names
    the report as its title does."""
    firsts = {start: _text_line(lines, start, 1, dropped) for start in starts}
    texts = [lines[k].strip(BLANKS) for k in firsts.values() if k is not None]
    opening = _text_line(lines, 0, 1, dropped)
    title = lines[opening].strip(BLANKS) if opening is not None else ""
    headers = set()
    for start, k in firsts.items():
        if k is None:
            continue
        text = lines[k].strip(BLANKS)
        if k == opening or not furniture_like(text) or "\t" in text:
            continue  # (the title itself; a sentence; a unit line, 单位：元, heading each page's table)
        # (repeated atop pages, or the report's name as its title gives it: 某局2024年部门决算 over
        # 某局2024年度部门决算情况说明; a line going on with a sentence the page before left open is
        # that sentence's, whatever its length)
        if texts.count(text) >= 2 or _names_report(text, title):
            headers.add(k)
    return headers


def _running_footers(lines: list[str], starts: set[int], dropped: set[int]) -> set[int]:
    """A page's last line that is short and no sentence, when another page ends with it too, its
    page number aside (某局2024年度部门决算公开　3)."""
    lasts = [k for k in (_text_line(lines, start - 1, -1, dropped) for start in sorted(starts) if start) if k is not None]
    keys = [footer_key(lines[k].replace(FORM_FEED, "")) for k in lasts]
    # (repeated at the foot of two pages at least, its page number aside: a line at one page's foot
    # naming the report, 六、部门决算情况说明, may be a heading)
    return {k for k, key in zip(lasts, keys) if key is not None and keys.count(key) >= 2
            and furniture_like(lines[k].replace(FORM_FEED, "").strip(BLANKS)) and "\t" not in lines[k]}


def _names_report(text: str, title: str) -> bool:
    """A line made of the title's characters for the most part (a running header naming the report)."""
    chars = [ch for ch in text if not ch.isspace()]
    return len(chars) >= HEADER_MIN_CHARS and sum(ch in title for ch in chars) >= TITLE_SHARE * len(chars)


HEADER_MIN_CHARS = 6  # a running header names the unit and the report
TITLE_SHARE = 0.8  # …in the title's characters for the most part


def _text_line(lines: list[str], k: int, step: int, dropped: set[int]) -> int | None:
    """The first line from `k` on (or back) holding text and not dropped."""
    while 0 <= k < len(lines):
        if lines[k].strip(BLANKS) and k not in dropped:
            return k
        k += step
    return None
