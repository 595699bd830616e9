"""Whose a figure is, beyond its concept: the level of the jurisdiction and the kind of entity.

A government's report states each figure for the whole jurisdiction (全市, 全县) and for the
government's own level (市本级, 县本级); an asset report states 资产总额 for the state-owned
enterprises (企业), for the administrative and public institutions together (行政事业单位) and
for each kind of them (行政单位, 事业单位). Figures of two scopes are two facts under one concept
name. The words are vocabulary (concepts.yaml figure_scopes); a figure naming none has scope "".

A text figure's scope is the last scope word of each dimension its sentence writes before it,
else the one the headings above its paragraph name; a table cell's the one its column's head,
its row's label or the table's title, failing those the headings above the table (the kind of
entity only: a table titled with the place's name alone is the whole jurisdiction's).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge import compact, concepts, vocabulary_generation
from ..model import Heading, Table

LEVEL, ENTITY = "levels", "entities"


class FigureScopes:
    """The scope (level, entity kind) of each figure of a document, read once per figure."""

    def __init__(self, base):
        doc = base.title_scopes.doc  # (neither kept: the memo holding this object is the base's, a cycle)
        self.sentences = base.sentences
        self.titles = {k: b.title or "" for k, b in enumerate(doc.blocks) if isinstance(b, Table)}
        # (the vocabulary's words and patterns, shared by every document; read only)
        self.words, self.patterns = _scope_words(vocabulary_generation())
        self.read: dict[tuple[str, str], str | None] = {}  # (dimension, text) -> the scope it names
        self.any_words = any(self.words.values())  # (a vocabulary naming no scope: every figure's is ("", ""))
        self.heading_scopes = self._read_headings(doc) if self.any_words else {}
        self.scopes: dict[int, tuple[str, str]] = {}
        self.plain: dict[str, bool] = {}  # text -> it holds no scope word of either dimension

    def of(self, fact) -> tuple[str, str]:
        """(level, entity kind) of the fact: ("", "") when nothing names either."""
        if not self.any_words:
            return "", ""
        if fact.id not in self.scopes:
            self.scopes[fact.id] = self._scope(fact)
        return self.scopes[fact.id]

    def _scope(self, fact) -> tuple[str, str]:
        # (texts naming no scope are left out: they name none in any part either, see _plain)
        if fact.source == "text":
            sentence = self.sentences.get((fact.block, fact.sentence), "")
            texts = [] if self._plain(sentence) else [sentence[:fact.at]]
            # (…；负债4.86亿元；净资产56.41亿元 after 行政单位资产总额61.27亿元: the clauses a ；
            # joins go on about the scope the first named, the nearest first)
            k = fact.sentence
            while k and len(texts) <= JOINED_CLAUSES:
                before = self.sentences.get((fact.block, k - 1), "")
                if not before.rstrip().endswith(("；", ";")):
                    break
                if not self._plain(before):
                    texts.append(before)
                k -= 1
        else:
            texts = [fact.header, fact.label, self.titles.get(fact.block, "")]  # (the nearest first)
            texts = [t for t in texts if not self._plain(t)]
        heading = self.heading_scopes.get(fact.block, (None, None))
        if fact.source == "table":
            # (a table's title names the government's own level when its figures are: 市本级一般公共预算
            # 收支表; one titled with the place's name alone, 南湖市…收支表, is the whole's wherever it stands)
            heading = (None, heading[1])
        if not texts:
            return heading[0] or "", heading[1] or ""
        return self._named(LEVEL, texts, heading[0]), self._named(ENTITY, texts, heading[1])

    def _plain(self, text: str | None) -> bool:
        """The text holds no scope word of either dimension, nor does any part of it (the patterns
        are alternations of plain words: matching nowhere in a text, they match nowhere in its
        prefix, compacted as the text is); read once per text (a sentence holds many figures, a head or title many cells)."""
        if not text:
            return True
        plain = self.plain.get(text)
        if plain is None:
            wordy = compact(text)
            plain = self.plain[text] = not any(p.search(wordy) for p in self.patterns.values() if p is not None)
        return plain

    def _named(self, dim: str, texts: list[str], heading: str | None) -> str:
        found = next((s for s in (self._last(dim, t) for t in texts) if s is not None), heading)
        return found or ""

    def _last(self, dim: str, text: str) -> str | None:
        """The scope the last scope word of `dim` in the text names; None when it names none. (A
        table's title and heads are read once, not once per cell.)"""
        pattern = self.patterns[dim]
        if pattern is None or not text:
            return None
        if (dim, text) not in self.read:
            named = [self.words[dim][m.group()] for m in pattern.finditer(compact(text)) if m.group() in self.words[dim]]
            self.read[dim, text] = named[-1] if named else None
        return self.read[dim, text]

    def _read_headings(self, doc) -> dict[int, tuple[str | None, str | None]]:
        """block -> (level, entity) the open headings above it name, the nearest first, in one walk."""
        out, open_headings = {}, []  # (level, its scopes)
        nearest = (None, None)  # what the open headings name: it changes only at a heading
        for index, block in enumerate(doc.blocks):
            if isinstance(block, Heading):
                while open_headings and open_headings[-1][0] >= block.level:
                    open_headings.pop()
                open_headings.append((block.level, (self._last(LEVEL, block.text), self._last(ENTITY, block.text))))
                nearest = tuple(next((s[k] for _, s in reversed(open_headings) if s[k] is not None), None)
                                for k in (0, 1))
            if open_headings:
                out[index] = nearest
        return out


@lru_cache(maxsize=4)
def _scope_words(generation: int) -> tuple[dict[str, dict[str, str]], dict[str, re.Pattern | None]]:
    """(word -> the scope it names, per dimension; the pattern finding those words, per dimension)
    of the vocabulary in use (concepts.yaml figure_scopes): a function of the vocabulary alone,
    read once, not once per document."""
    vocab = concepts().get("figure_scopes") or {}
    neutral = [compact(w) for w in vocab.get("neutral") or ()]
    # word -> the scope it names, per dimension; the whole jurisdiction (全市) is the default ""
    words: dict[str, dict[str, str]] = {
        LEVEL: {**{compact(w): "" for w in vocab.get("whole") or ()},
                **{compact(w): name for name, ws in (vocab.get(LEVEL) or {}).items() for w in ws}},
        ENTITY: {compact(w): name for name, ws in (vocab.get(ENTITY) or {}).items() for w in ws}}
    # (longest first: 行政事业单位 before 事业单位; a neutral word, 机关事业单位养老保险, is matched so
    # that no shorter scope word inside it is)
    return words, {dim: _alternation([*dim_words, *neutral]) for dim, dim_words in words.items()}


def _alternation(words: list[str]) -> re.Pattern | None:
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))  # (one pattern every run: cached)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


JOINED_CLAUSES = 8  # the ；-joined clauses before a figure read for its scope, at most


def figure_scope(base, fact) -> tuple[str, str]:
    """The fact's (level, entity kind), with the document's scopes read once."""
    return base.remember(("figure scopes",), lambda: FigureScopes(base)).of(fact)
