"""HTML: headings, paragraphs and tables with spans, read from the events of lxml's HTML parser.

libxml2 (2.14 on) tokenizes HTML as HTML5 does, in linear time. The standard library's
html.parser does not (CVE-2025-6069, fixed only in later patch releases): on input it cannot
complete it rescans to the end from every `<`, so 80 KB of `<a x=` took 47 s and `<a/` more;
the same shapes take milliseconds here. An unfinished tag, comment or reference is read as
HTML5 reads it.

Character references are decoded once, by the parser, and what they decode to is text (a written
`&amp;lt;b&amp;gt;` reads `&lt;b&gt;`, a written `&lt;b&gt;` reads `<b>`, not a tag to remove); a
reference of thousands of digits is U+FFFD. Spans are clamped to HTML's own maxima as browsers do
and spread only over rows that exist; the cells of a table and of the document, table nesting,
blocks and the file's size are capped (see raw.py), each refusal saying 超出限制 and the limit.
"""
from __future__ import annotations

import re

from lxml import etree

from .cleanup import clean_text, join_wrapped, raised_text
from .raw import (MAX_BLOCKS, MAX_DOCUMENT_CELLS, MAX_HTML_BYTES, MAX_HTML_COLSPAN, MAX_HTML_ROWSPAN,
                  MAX_TABLE_CELLS, MAX_TABLE_DEPTH, MB, RawBlock, RawCell, ReadError, bounded_int, over_limit)
from .text import ITEM_START_RE, decode, wraps

BLOCK_TAGS = {"p", "div", "li", "br", "section", "article", "tr", "title", "blockquote", "pre"}
LINE_BREAK = "\x00"  # a <br> in the page's text, until its paragraph is decided (see _wrapped_lines)


def _list_start(value: str | None) -> int:
    """The number before an ordered list's first item (its start attribute, 1 by default)."""
    try:
        return max(0, min(int(value or 1), 10_000) - 1)
    except ValueError:
        return 0


def _wrapped_lines(pieces: list[str]) -> list[str]:
    """The paragraphs of a run of text broken by <br>: a piece stopping mid-sentence (as a text
    file's wrapped lines are read, text.wraps, or one ending on a comma) goes on into the next unless
    that opens an item of its own (一、, （二）, 1.); else each piece is a paragraph."""
    lines = [pieces[0]]
    for piece in pieces[1:]:
        before, after = " ".join(lines[-1].split()), piece.strip()
        # (a comma or a 、 before the break leaves the sentence open whatever the line's length)
        if before and (wraps(before, after) or (before.endswith(("，", ",", "、")) and not ITEM_START_RE.match(after))):
            lines[-1] = join_wrapped(before, " ".join(piece.split()))
        else:
            lines.append(piece)
    return lines
SKIP_TAGS = {"script", "style", "head", "noscript", "template"}
# a site's own furniture around the report: its menus and footer, marked as such (inside
# an <article> or <main> they are the report's own: its signature in the article's footer, a note)
CHROME_TAGS = {"nav", "footer"}
CONTENT_TAGS = {"article", "main"}
LINK_SHARE = 0.5  # a list item whose text is links for the most part: an entry of a list of links
MENU_LINKS = 2  # links a line of links must hold to be a menu (one link in a line may be the report's own)
SPAN_RE = re.compile(r"\s*\+?0*([0-9]{1,12})")
PROSE_BLOCKS = 2  # paragraphs with text in a cell that make it a page's text (see _Table.prose_in_cell)
# An element the page does not show (an inline style's display:none, in any case and spacing, or
# the `hidden` attribute): it and all it holds are left out as if not written, a <tr> or <td> too,
# so that no row or cell is placed for it and the columns and rows count as the browser lays them
# out (an old figure kept in a hidden row, a hidden 行次 column). A class hidden by a style sheet
# is not looked up: the page's own CSS is not read.
HIDDEN_STYLE_RE = re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.I)
# An element shown blank (visibility:hidden or collapse): its text is not read, but its box keeps
# its place (a cell so styled is an empty cell of its row).
BLANK_STYLE_RE = re.compile(r"(?:^|;)\s*visibility\s*:\s*(?:hidden|collapse)\b", re.I)
RAISED_TAGS = {"sup": True, "sub": False}  # tag -> whether a raised 2 or 3 after m is a power (m²)
RAISED_LOOKBACK = 8  # pieces of text looked back over for the figure a <sup> follows (bounded: linear)


def read_html(path: str) -> list[RawBlock]:
    with open(path, "rb") as fh:
        data = fh.read(MAX_HTML_BYTES + 1)
    if len(data) > MAX_HTML_BYTES:
        raise over_limit("HTML 文件过大", f"HTML 文件最多 {MAX_HTML_BYTES // MB} MB")
    text = decode(data, path)
    reader = _Reader()
    parser = etree.HTMLParser(target=reader, recover=True, no_network=True, remove_comments=True,
                              remove_pis=True)
    try:
        parser.feed(text)
        parser.close()
    except ReadError:
        raise
    except etree.LxmlError as exc:
        raise ReadError(f"HTML 无法解析：{exc}") from exc
    return reader.blocks


class _Table:
    """A table being read: its rows, the cell open now, and the rowspans coming down from rows
    above as {column: last row index it covers}: one entry per column, whatever the rowspan, and
    nothing to update from row to row. A row without cells is not kept (it would be dropped at the
    end anyway) but still counts for the rowspans, so empty `<tr>`s take no memory."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.rows: list[list[RawCell]] = []
        self.index = -1  # of the current row, counting rows without cells
        self.cell: dict | None = None
        self.spans: dict[int, int] = {}
        self.cells = 0
        # a table laying out the page, not stating figures: its cells' text flows as the page's
        # own paragraphs and headings (see _Reader._lay_out)
        self.layout = False
        self.first_parts: list | None = None  # the first cell's text with its block breaks (see end)

    def new_row(self) -> None:
        self.index += 1
        if self.rows and not self.rows[-1]:
            return
        self.rows.append([])

    def prose_in_cell(self) -> bool:
        """The open cell holds a heading, or PROSE_BLOCKS paragraphs with text or more: the text
        of a page, not a form's entry (a form's cell holds a line or two, or a table alone)."""
        parts = self.cell["text"] if self.cell is not None else []
        blocks, text = 0, False
        for part in parts:
            if isinstance(part, str):
                text = text or bool(part.strip())
            elif part[0] == "h":
                return True
            else:
                blocks, text = blocks + text, False
        return blocks + text >= PROSE_BLOCKS

    def covered(self, col: int) -> bool:
        return self.spans.get(col, -1) >= self.index


class _Reader:
    """The target of the parser's events: start, end and data make the blocks."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.buffer: list[str] = []
        self.skip = 0
        self.heading: int | None = None
        self.tables: list[_Table] = []  # a stack: tables inside table cells
        self.table_count = 0
        self.cells = 0
        self.caption: list | None = None  # the text of a table's <caption> and its breaks, while inside it
        self.items = 0  # list items open outside tables
        self.lists: list[int | None] = []  # the lists open: an ordered one's last number, None for <ul>
        self.in_link = 0
        self.link_chars = 0  # characters of link text in the buffer (see _flush)
        self.links = 0  # links opened since the buffer was last flushed
        self.content = 0  # <article>/<main> elements open
        self.related = False  # under a heading of links to other pages (相关信息): see _flush
        self.related_headings = _related_headings()
        self.depth = 0  # elements open
        self.hidden_at = 0  # the depth of the element not shown the parser is inside (0: none)
        self.blank_at = 0  # the same for an element shown blank
        self.raised: list[str] | None = None  # the text of a <sup>/<sub>, while inside one

    def start(self, tag, attrs) -> None:
        if not isinstance(tag, str):  # a comment or processing instruction the parser passes on
            return
        # (the parser's events are balanced, an end for every start, elements it closes itself too)
        self.depth += 1
        if self.hidden_at:
            return
        if "hidden" in attrs or HIDDEN_STYLE_RE.search(attrs.get("style") or ""):
            self.hidden_at = self.depth
            return
        if not self.blank_at and BLANK_STYLE_RE.search(attrs.get("style") or ""):
            self.blank_at = self.depth
        tag = tag.lower()
        if tag in RAISED_TAGS and self.raised is None:
            self.raised = []
        elif tag in SKIP_TAGS or (tag in CHROME_TAGS and not self.content):
            self.skip += 1
        elif tag in CONTENT_TAGS:
            self.content += 1
        elif tag == "a":
            self.in_link += 1
            if self.caption is None and not (self.tables and self.tables[-1].cell is not None) and self._flowing():
                self.links += 1  # (a link of the text being gathered, as link_chars counts: no cell's)
        elif tag == "li" and self._flowing():
            self._flush()
            self.items += 1
            if self.lists and self.lists[-1] is not None:
                self.lists[-1] += 1
                self.buffer.append(f"{self.lists[-1]}.")  # (an ordered list's number, as shown)
        elif tag in ("ol", "ul"):
            self.lists.append(_list_start(attrs.get("start")) if tag == "ol" else None)
        elif tag == "table":
            if self.tables and self.tables[-1].cell is not None and not self.tables[-1].layout \
                    and self.tables[-1].prose_in_cell():
                # a table inside a cell that holds the page's text (headings, paragraphs): the outer
                # one lays out the page (an old site template wrapping the report in <table><tr><td>,
                # a menu | content | sidebar grid); inside a form's cell it is a table of its own,
                # read before the form
                self._lay_out(self.tables[-1])
            self._flush()
            if len(self.tables) >= MAX_TABLE_DEPTH:
                raise over_limit(f"表格嵌套超过 {MAX_TABLE_DEPTH} 层", f"表格最多嵌套 {MAX_TABLE_DEPTH} 层")
            self.table_count += 1
            self.tables.append(_Table(self.table_count))
        elif self.tables and self.tables[-1].layout and tag in ("tr", "td", "th", "caption"):
            self._flush()  # (a layout table's cell is a block of the page)
        elif self.tables and tag == "caption" and self.tables[-1].cell is None:
            self.caption = []
        elif self.tables and tag == "tr":
            self.tables[-1].new_row()
        elif self.tables and tag in ("td", "th"):
            table = self.tables[-1]
            if not table.rows:
                table.new_row()
            table.cell = {"text": [], "rowspan": _span(attrs.get("rowspan"), MAX_HTML_ROWSPAN),
                          "colspan": _span(attrs.get("colspan"), MAX_HTML_COLSPAN)}
        elif tag == "input" and attrs.get("type") == "checkbox":
            self._text("☑" if "checked" in attrs else "☐")
        elif self.caption is not None and tag in BLOCK_TAGS:
            self.caption.append(("b",))  # (公开01表<br>单位：万元: the caption's lines)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._flowing():
            self._flush()
            self.heading = int(tag[1])
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.tables[-1].cell is not None:
            self.tables[-1].cell["text"].append(("h", int(tag[1])))  # (kept should the table lay out)
        elif tag == "br" and self._flowing():
            self.buffer.append(LINE_BREAK)  # (a line of its own, or a wrap inside a sentence: see _flush)
        elif tag in BLOCK_TAGS and self._flowing():
            self._flush()
        elif tag in BLOCK_TAGS and self.tables[-1].cell is not None:
            self.tables[-1].cell["text"].append(("b",))

    def end(self, tag) -> None:
        if not isinstance(tag, str):
            return
        depth, self.depth = self.depth, self.depth - 1
        if self.hidden_at:
            self.hidden_at = 0 if depth == self.hidden_at else self.hidden_at
            return
        if depth == self.blank_at:
            self.blank_at = 0
        tag = tag.lower()
        if tag in RAISED_TAGS and self.raised is not None:
            text, self.raised = "".join(self.raised), None
            text = raised_text(text, self._last_char(), RAISED_TAGS[tag])
            if text:
                self._text(text)
        elif tag in SKIP_TAGS or (tag in CHROME_TAGS and not self.content):
            self.skip = max(0, self.skip - 1)
        elif tag in CONTENT_TAGS:
            self.content = max(0, self.content - 1)
        elif tag == "a":
            self.in_link = max(0, self.in_link - 1)
        elif tag == "li" and self._flowing():
            self._flush()
            self.items = max(0, self.items - 1)
        elif tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            if table.layout:
                self._flush()
                return
            rows = [r for r in table.rows if any(c.text for c in r)]
            if len(rows) == 1 and sum(bool(c.text) for c in rows[0]) == 1 and table.first_parts \
                    and any(isinstance(x, tuple) for x in table.first_parts):
                # one cell holding paragraphs or headings: a frame round the text, no table
                self._flow(table.first_parts)
            elif rows:
                self._add(RawBlock("table", rows=rows))
        elif self.tables and self.tables[-1].layout and tag in ("tr", "td", "th", "caption"):
            self._flush()
        elif self.tables and tag in ("td", "th"):
            self._close_cell()
        elif tag == "caption" and self.caption is not None:
            # a table's title: a paragraph right before the table, as a title line stands in other
            # formats; each of its lines one (标题<br>公开01表<br>单位：万元: the title, its code, its unit)
            parts, self.caption = self.caption, None
            for line in _lines(parts):
                text = clean_text(" ".join(line.split()), markup=False)
                if text:
                    self._add(RawBlock("para", text=text))
        elif self.caption is not None and tag in BLOCK_TAGS:
            self.caption.append(("b",))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._flowing():
            self._flush()
            self.heading = None
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.tables[-1].cell is not None:
            self.tables[-1].cell["text"].append(("/h",))
        elif tag == "br" and self._flowing():
            pass  # (<br/>: its mark set at its start)
        elif tag in BLOCK_TAGS and self._flowing():
            self._flush()
        elif tag in BLOCK_TAGS and self.tables[-1].cell is not None:
            self.tables[-1].cell["text"].append(("b",))

    def _flowing(self) -> bool:
        """Text goes to the page's paragraphs: outside tables, or in a layout table's cell."""
        return not self.tables or self.tables[-1].layout

    def _lay_out(self, table: _Table) -> None:
        """The table turns out to lay out the page: the text of the cells read so far becomes
        paragraphs, in order, and the cells after flow as the page's text does."""
        self._flush()
        for row in table.rows:
            for cell in row:
                if cell.text:
                    self._add(RawBlock("para", text=cell.text))
        table.rows, table.spans, table.layout = [], {}, True
        parts, table.cell = table.cell["text"], None
        self._flow(parts)

    def _flow(self, parts: list) -> None:
        """A cell's text with its block breaks and headings, as the page's paragraphs and headings."""
        self._flush()
        for part in parts:
            if isinstance(part, str):
                self.buffer.append(part)
                continue
            self._flush()
            self.heading = part[1] if part[0] == "h" else None
        self._flush()
        self.heading = None

    def data(self, data: str) -> None:
        if self.skip or self.hidden_at or self.blank_at:
            return
        if self.raised is not None:
            self.raised.append(data)
        else:
            self._text(data)

    def _last_char(self) -> str:
        """The last character of the text being gathered (the caption's, the open cell's, the
        paragraph's), white space passed over, up to a block break; "" for none."""
        if self.caption is not None:
            parts = self.caption
        elif self.tables and self.tables[-1].cell is not None:
            parts = self.tables[-1].cell["text"]
        else:
            parts = self.buffer
        for part in parts[:-RAISED_LOOKBACK - 1:-1]:
            if not isinstance(part, str):
                return ""  # (a break: the mark opens a line of its own)
            if part.strip():
                return part.rstrip()[-1]
        return ""

    def comment(self, text: str) -> None:
        pass

    def _text(self, data: str) -> None:
        if self.caption is not None:
            self.caption.append(data)
        elif self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell["text"].append(data)
        elif self._flowing():
            self.buffer.append(data)
            if self.in_link:
                self.link_chars += sum(not ch.isspace() for ch in data)

    def _close_cell(self) -> None:
        table = self.tables[-1]
        cell = table.cell
        if cell is None:
            return
        row = table.rows[-1]
        while table.covered(len(row)):  # columns covered by a rowspan from above
            self._place(table, row, RawCell(""))
        text = clean_text(" ".join("".join(x for x in cell["text"] if isinstance(x, str)).split()), markup=False)
        if text and table.first_parts is None:
            table.first_parts = cell["text"]
        col = len(row)
        self._place(table, row, RawCell(text))
        for _ in range(1, cell["colspan"]):
            self._place(table, row, RawCell(""))
        if cell["rowspan"] > 1:
            last = table.index + cell["rowspan"] - 1
            for across in range(cell["colspan"]):
                table.spans[col + across] = max(table.spans.get(col + across, -1), last)
        table.cell = None

    def _place(self, table: _Table, row: list[RawCell], cell: RawCell) -> None:
        table.cells += 1
        self.cells += 1
        if table.cells > MAX_TABLE_CELLS:
            raise over_limit(f"第 {table.number} 个表格展开合并单元格后超过 {MAX_TABLE_CELLS} 个单元格",
                             f"每个表格最多 {MAX_TABLE_CELLS} 个单元格")
        if self.cells > MAX_DOCUMENT_CELLS:
            raise over_limit(f"各表格展开合并单元格后共超过 {MAX_DOCUMENT_CELLS} 个单元格",
                             f"每个文件最多 {MAX_DOCUMENT_CELLS} 个单元格")
        # (its row as the page shows the table, counting the rows the model leaves out: title
        # rows read as lines above it, blank rows; a <tr> hidden or without cells shows no row)
        cell.row = len(table.rows)
        row.append(cell)

    def _flush(self) -> None:
        lines = _wrapped_lines("".join(self.buffer).split(LINE_BREAK))
        # (the links are counted for the buffer, not line by line: a menu is told only in a buffer of
        # one line, a title over a line of links, 说明<br><a>…</a> <a>…</a>, staying)
        self.links = self.links if len(lines) == 1 else 0
        for line in lines:
            self._flush_text(line, self.link_chars)

    def _flush_text(self, raw: str, link_chars: int) -> None:
        text = clean_text(" ".join(raw.split()), markup=False)
        links, self.buffer, self.link_chars = link_chars, [], 0
        anchors, self.links = self.links, 0
        if anchors >= MENU_LINKS and links >= LINK_SHARE * sum(not ch.isspace() for ch in text):
            # a line of links for the most part (首页 2023年度部门决算 信息公开; 首页 > 财政信息 >
            # 决算公开): the site's menu or breadcrumb, naming other pages, none of the report's
            return
        if self.items and self.related and links >= LINK_SHARE * sum(not ch.isspace() for ch in text):
            # a list item of links under a heading of links to other pages (相关信息: 某局2022年度部门
            # 决算公开 2023-05-18): the site's, not the report's (a list of the report's own
            # attachments or projects as links stays)
            return
        if self.heading or not self.items:
            # (a heading, or a line of its own, opens or closes such a list: vocabulary.yaml related_links_headings)
            self.related = re.sub(r"\s+", "", text) in self.related_headings if text else self.related
        if text:
            kind = "heading" if self.heading else "para"
            self._add(RawBlock(kind, text=text, level=self.heading))

    def _add(self, block: RawBlock) -> None:
        if len(self.blocks) >= MAX_BLOCKS:
            raise over_limit(f"段落和表格超过 {MAX_BLOCKS} 个", f"每个文件最多 {MAX_BLOCKS} 个")
        # the parser's events carry no source line: a block is found by its place, 第N段, as in Word
        block.paragraph = len(self.blocks) + 1
        self.blocks.append(block)

    def close(self) -> None:
        self._flush()


def _lines(parts: list) -> list[str]:
    """Text pieces and block breaks (tuples) as the lines the breaks make."""
    lines, line = [], []
    for part in parts:
        if isinstance(part, str):
            line.append(part)
        else:
            lines.append("".join(line))
            line = []
    return [*lines, "".join(line)]


def _related_headings() -> frozenset:
    from ..knowledge import vocabulary

    return frozenset(vocabulary().get("related_links_headings") or ())


def _span(value, maximum: int) -> int:
    """A rowspan/colspan attribute as browsers read it: leading digits, at least 1, at most the
    HTML standard's maximum (a larger value is clamped to it, however many digits it has)."""
    m = SPAN_RE.match(value or "")
    if not m:
        return 1
    number = bounded_int(m.group(1))
    return max(1, min(maximum, number if number is not None else maximum))
