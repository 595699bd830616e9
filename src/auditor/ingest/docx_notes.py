"""Word footnotes and endnotes: published text, printed at the page's foot or the document's end.

A note's text (上年结转资金已按规定报经财政部门批准继续使用; 基本支出981.24万元，其中人员经费…) is
part of the report as readers see it and as its PDF prints it; the body holds only the mark
(w:footnoteReference). The notes are read from their parts (word/footnotes.xml,
word/endnotes.xml) and each is placed as paragraphs right after the body block that refers to it.
"""
from __future__ import annotations

from .docx_numbering import W_NS

RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
W_P, W_ID, W_TYPE = f"{{{W_NS}}}p", f"{{{W_NS}}}id", f"{{{W_NS}}}type"
DELETED = {f"{{{W_NS}}}del", f"{{{W_NS}}}moveFrom"}
# the reference mark in the body, and the note element in its part, of each kind
KINDS = {RT_FOOTNOTES: (f"{{{W_NS}}}footnoteReference", f"{{{W_NS}}}footnote"),
         RT_ENDNOTES: (f"{{{W_NS}}}endnoteReference", f"{{{W_NS}}}endnote")}


class Notes:
    """The document's notes by their reference mark (tag, id), each as its paragraphs' texts."""

    def __init__(self, pkg, main: str, paragraph_text):
        self.texts: dict[tuple[str, str], list[str]] = {}
        for _, rel_type, target in pkg.relationships(main):
            if rel_type not in KINDS or not target or pkg.find(target) is None:
                continue
            reference, note_tag = KINDS[rel_type]
            for note in pkg.xml(target, remove_blank_text=True):
                # (the separator lines Word keeps as notes of their own type are no text)
                if note.tag != note_tag or note.get(W_TYPE) not in (None, "normal"):
                    continue
                paragraphs = [paragraph_text(p) for p in note.iter(W_P)]
                self.texts[(reference, note.get(W_ID))] = [t for t in paragraphs if t.strip()]
        self.references = {reference for reference, _ in self.texts}

    def referred(self, element) -> list[str]:
        """The texts of the notes a body block refers to, in the order of their marks."""
        if not self.texts:
            return []
        out: list[str] = []
        for tag in self.references:
            for mark in element.iter(tag):
                if not any(a.tag in DELETED for a in mark.iterancestors()):  # (a mark deleted under tracked changes)
                    out.extend(self.texts.get((tag, mark.get(W_ID)), ()))
        return out
