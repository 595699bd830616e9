"""Facts in sentences: each number with its unit, the noun phrase it measures, and where it is.

Labels are normalised through the synonym lists of rules/vocabulary.yaml (`labels`): the
longest synonym found in the phrase just before the number names the fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import compact, vocabulary
from ..model import Document, Paragraph, Sentence
from .numbers import Quantity, normalize_digits, to_decimal

MEASURE_WORDS = "个项宗人次份台场辆笔家件名户单亩米天期批套间"
FACT_RE = re.compile(
    r"(?<![\d.])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?![\d.]*\.\d)\s*"
    r"(?P<unit>亿元|万元|千元|元|%|‰|人次|[" + MEASURE_WORDS + r"])?"
)
CLAUSE_BREAK_RE = re.compile(r"[，,。；;：:、]")
YEAR_LIKE_RE = re.compile(r"^\s*(?:年|月|日|号|时|〕|\]|】)")


@dataclass(frozen=True)
class Fact:
    quantity: Quantity
    label: str  # normalised label, "" when none matched
    phrase: str  # the words just before the number, as written
    sentence: Sentence
    clause_start: int  # where the clause holding the number starts in sentence.text
    start: int  # offsets of the number and unit inside sentence.text
    end: int

    @property
    def text(self) -> str:
        return self.sentence.text[self.start:self.end]

    @property
    def loc(self):
        return self.sentence.loc


@lru_cache(maxsize=None)
def _synonyms() -> list[tuple[str, str]]:
    pairs = [(compact(s), label) for label, names in vocabulary()["labels"].items() for s in names]
    return sorted(pairs, key=lambda p: -len(p[0]))


def normalise_label(phrase: str) -> str:
    text = compact(phrase)
    for synonym, label in _synonyms():
        if synonym and synonym in text:
            return label
    return ""


def sentence_facts(sentence: Sentence) -> list[Fact]:
    text = normalize_digits(sentence.text)
    facts = []
    last_break = 0
    for m in FACT_RE.finditer(text):
        if YEAR_LIKE_RE.match(text[m.end():m.end() + 1]) and not m.group("unit"):
            continue
        value = to_decimal(m.group("num"))
        if value is None:
            continue
        breaks = [b.end() for b in CLAUSE_BREAK_RE.finditer(text, 0, m.start())]
        last_break = breaks[-1] if breaks else 0
        phrase = text[last_break:m.start()]
        unit = m.group("unit") or ""
        end = m.end() if unit else m.start() + len(m.group("num"))
        facts.append(Fact(Quantity(value, unit, sentence.text[m.start():end]), normalise_label(phrase),
                          phrase.strip(), sentence, last_break, m.start(), end))
    return facts


def document_facts(doc: Document) -> list[Fact]:
    """Facts of every paragraph sentence, cached on the document."""
    cached = getattr(doc, "_facts", None)
    if cached is None:
        cached = [f for block in doc.blocks if isinstance(block, Paragraph)
                  for s in block.sentences for f in sentence_facts(s)]
        doc._facts = cached  # type: ignore[attr-defined]
    return cached


def paragraph_of(doc: Document, sentence: Sentence) -> Paragraph | None:
    for block in doc.blocks:
        if isinstance(block, Paragraph) and any(s is sentence for s in block.sentences):
            return block
    return None
