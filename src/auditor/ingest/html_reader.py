"""HTML with the standard library's parser: headings, paragraphs and tables with spans."""
from __future__ import annotations

from html.parser import HTMLParser

from .cleanup import clean_text
from .raw import RawBlock, RawCell, ReadError
from .text import decode

BLOCK_TAGS = {"p", "div", "li", "br", "section", "article", "tr", "title", "blockquote", "pre"}
SKIP_TAGS = {"script", "style", "head", "noscript", "template"}


def read_html(path: str) -> list[RawBlock]:
    with open(path, "rb") as fh:
        text = decode(fh.read(), path)
    parser = _Parser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:
        raise ReadError(f"HTML 无法解析：{exc}") from exc
    return parser.blocks


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self.buffer: list[str] = []
        self.skip = 0
        self.heading: int | None = None
        self.tables: list[dict] = []  # stack: {"rows": [...], "cell": [...] | None, "spans": {}}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag == "table":
            self._flush()
            self.tables.append({"rows": [], "cell": None, "spans": {}})
        elif self.tables and tag == "tr":
            self.tables[-1]["rows"].append([])
        elif self.tables and tag in ("td", "th"):
            table = self.tables[-1]
            if not table["rows"]:
                table["rows"].append([])
            table["cell"] = {"text": [], "rowspan": _int(attrs.get("rowspan")),
                             "colspan": _int(attrs.get("colspan"))}
        elif tag == "input" and attrs.get("type") == "checkbox":
            self._text("☑" if "checked" in attrs else "☐")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not self.tables:
            self._flush()
            self.heading = int(tag[1])
        elif tag in BLOCK_TAGS and not self.tables:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            rows = [r for r in table["rows"] if any(c.text for c in r)]
            if rows:
                self.blocks.append(RawBlock("table", rows=rows))
        elif self.tables and tag in ("td", "th"):
            self._close_cell()
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not self.tables:
            self._flush()
            self.heading = None
        elif tag in BLOCK_TAGS and not self.tables:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self._text(data)

    def _text(self, data: str) -> None:
        if self.tables and self.tables[-1]["cell"] is not None:
            self.tables[-1]["cell"]["text"].append(data)
        elif not self.tables:
            self.buffer.append(data)

    def _close_cell(self) -> None:
        table = self.tables[-1]
        cell = table["cell"]
        if cell is None:
            return
        row_index = len(table["rows"]) - 1
        row = table["rows"][row_index]
        while (row_index, len(row)) in table["spans"]:
            row.append(RawCell(""))
        text = clean_text(" ".join("".join(cell["text"]).split()))
        row.append(RawCell(text))
        col = len(row) - 1
        for extra in range(1, cell["colspan"]):
            row.append(RawCell(""))
        for down in range(1, cell["rowspan"]):
            for across in range(cell["colspan"]):
                table["spans"][(row_index + down, col + across)] = True
        table["cell"] = None

    def _flush(self) -> None:
        text = clean_text(" ".join("".join(self.buffer).split()))
        self.buffer = []
        if text:
            kind = "heading" if self.heading else "para"
            self.blocks.append(RawBlock(kind, text=text, level=self.heading))

    def close(self):
        super().close()
        self._flush()


def _int(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1
