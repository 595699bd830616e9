"""Raw blocks: what a format reader hands to the document builder."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawCell:
    text: str
    line: int | None = None
    page: int | None = None


@dataclass
class RawBlock:
    kind: str  # "para" | "table" | "heading"
    text: str = ""
    rows: list[list[RawCell]] = field(default_factory=list)
    line: int | None = None
    paragraph: int | None = None
    page: int | None = None
    sheet: str | None = None
    level: int | None = None  # heading level given by the format (Word styles, <h2>)


class ReadError(Exception):
    """A file that cannot be read; the message names the problem in Chinese."""
