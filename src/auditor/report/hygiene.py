"""Output hygiene: what a document or a file name carries never breaks a report or a terminal.

- Lone surrogates (a file name that is not valid UTF-8, read with surrogateescape) become U+FFFD.
- Control characters (C0 except tab and newline, DEL, C1) are shown escaped as `\\xNN`, so an
  escape sequence in a document cannot drive the terminal and JUnit XML stays well-formed.
- JSON keeps its escapes valid (`\\u00NN`).
"""
from __future__ import annotations

import re

SURROGATE_RE = re.compile("[\ud800-\udfff]")
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# The only escape sequences the text formats write themselves (text_report COLOURS, RESET, DIM, BOLD)
OWN_SGR_RE = re.compile("(\x1b\\[(?:0|1|2|31|33|36)m)")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean_text(text: str) -> str:
    """Surrogates to U+FFFD, control characters to visible `\\xNN`; tab and newline kept."""
    if not isinstance(text, str):
        return text
    return CONTROL_RE.sub(_escaped, SURROGATE_RE.sub("\ufffd", text))


def clean_terminal(text: str, colour: bool = False) -> str:
    """Like clean_text, but the colour codes the report itself wrote are kept when colouring."""
    if not colour:
        return clean_text(text)
    return "".join(part if i % 2 else clean_text(part) for i, part in enumerate(OWN_SGR_RE.split(text)))


def clean_json(text: str) -> str:
    """A JSON text with surrogates replaced and raw DEL/C1 characters written as JSON escapes."""
    text = SURROGATE_RE.sub("\ufffd", text)
    return CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
