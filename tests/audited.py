"""What the tests read of an audit: the findings it reports, without the notes of what was
checked (severity info), whole or as (rule, stated, expected)."""
from __future__ import annotations

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.model import Document


def reported(document: Document | str, rules) -> list:
    """The findings `rules` report on a document, or on a text read as a .txt report."""
    if isinstance(document, str):
        document = document_from_text(document)
    return [f for f in audit_document(document, rules).findings if f.severity != "info"]


def told(document: Document | str, rules) -> list[tuple[str, str, str]]:
    """(rule, stated, expected) of each reported finding."""
    return [(f.rule, f.stated, f.expected) for f in reported(document, rules)]
