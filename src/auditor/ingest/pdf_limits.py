"""The PDF reader's limits (issue 9): pages in a file and what one page may hold, each with its reason.

A file past one of them is refused with a ReadError saying 超出限制 and naming the limit
(`raw.over_limit`); the worker's memory and time limits (batch.py) stay the last line behind
these. The reader's modules read them as `limits.MAX_...` when they check, so that a test can
lower one here for all of them.
"""
#
# Pages in one file. 部门决算/预算 reports run 20-80 pages; a district's collected reports a
# few hundred. Reading costs some 10-40 ms a page, so 2,000 pages stay well inside the default
# per-file time limit (120 s), while a crafted page tree of millions of pages is refused
# before any page is loaded.
MAX_PAGES = 2_000
# Characters on one page. The densest real page in the corpora holds about 1,500; an A4 page
# set solid in 4-pt type some 20,000. Every character becomes a Python dict (~1 KB).
MAX_PAGE_CHARS = 100_000
# Page objects on one page, counting those inside form XObjects each time a form is placed
# (a form placed in a form placed in a form multiplies): real pages hold at most ~1,300.
MAX_PAGE_OBJECTS = 200_000
# Path segments on one page: a ruled table is about 5 per cell; a detailed vector map or chart
# some 100,000. Each costs four calls into pdfium (about 1 s per 200,000).
MAX_PAGE_SEGMENTS = 1_000_000
# Ruling-line edges handed to the table finder on one page: the densest real page has ~3,300
# (a 25-row, 8-column table drawn as cell rectangles gives 800). The finder's cost grows with
# the number of crossings, up to the square of the edges.
MAX_PAGE_EDGES = 40_000
# Pairs of ruling lines tested for a crossing on one page (a vertical line against the
# horizontal ones at its height): a real page tests some thousands; pdfplumber tests every
# vertical line against every horizontal one, so 40,000 edges alone allow 400 million. Under
# 1 s of Python at the limit (0.7 s measured for 200 lines against 25,000).
MAX_PAGE_LINE_PAIRS = 5_000_000
