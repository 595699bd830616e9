"""Whose figures a table's title says it holds (its scope), read from the title's own words.

What is left of a title without its number, years, brackets, the unit's own name and the words
of a kind of table (concepts.yaml table_kind_words) names the scope: 职工基本医疗保险基金 against
城乡居民基本医疗保险基金, 城乡低保和特困供养资金发放. Most titles name none (收入支出决算总表,
一般公共预算财政拨款支出决算表): "". Two tables of different scopes state different facts under
the same row names, and a scoped table's 合计 is no total of the unit's.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge import compact, concepts, vocabulary_generation
from .lexicon import alternatives
from .numbers import TABLE_NUMBER
from ..model import Table

# a table's number in its title (表3, 附表1-2, 附件1：, 公开01表, 第1表, 一、), a bracket, a year
TABLE_NUMBER_RE = re.compile(
    r"^\s*(?:(?:" + TABLE_NUMBER + r"|附件\s*\d+)(?=\s|\D)[：:]?|(?:公开|财决|第)\s*\d+\s*表[：:]?"
    r"|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d))|[（(][^）)]*[）)]|(?:19|20)\d\d\s*年度?")
MIN_SCOPE_CHARS = 2  # what is left shorter than this (a stray character) names no scope
# the part of the report a title may open with (第二部分 2024年度部门决算表): no selection of items
REPORT_PART_RE = re.compile(r"第[一二三四五六七八九十\d]+部分")


class TitleNoise:
    """What a title says besides its scope: its number, a bracket, a year or a span of years (see
    concepts.yaml multi_year_span: 近三年收支情况 says when, not of what), the words of a kind of
    table (concepts.yaml table_kind_words) and the unit's own name. `sub` takes them out as one
    pattern of them all would, those words and the name tried longest first; only the name is the
    document's, so the patterns are compiled once per vocabulary, not once per unit (the name's
    pattern took milliseconds to compile, in a batch of many units' reports, for every report)."""

    def __init__(self, unit: str):
        self.unit = unit
        self.fixed, self.words, self.nameless = _noise_patterns(vocabulary_generation())

    def sub(self, text: str) -> str:
        """text without the noise: at the first place any of it stands, the number, bracket, year
        or span first, else the longest of the words and the name (two of one length are one text)."""
        if not self.unit or self.unit not in text:
            return self.nameless.sub("", text)
        out, pos = [], 0
        while True:
            fixed, word = self.fixed.search(text, pos), self.words.search(text, pos)
            name = text.find(self.unit, pos) if self.unit else -1
            starts = [m.start() for m in (fixed, word) if m] + ([name] if name >= 0 else [])
            if not starts:
                break
            at = min(starts)
            if fixed and fixed.start() == at:
                end = fixed.end()
            else:
                end = max(word.end() if word and word.start() == at else at, at + len(self.unit) if name == at else at)
            if end == at:  # (an empty match, which the vocabulary's patterns have none of: as one pattern does)
                return self._one_pattern().sub("", text)
            out.append(text[pos:at])
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _one_pattern(self) -> re.Pattern:
        words = [w for w in (*(concepts().get("table_kind_words") or ()), self.unit) if w]
        return re.compile("|".join([self.fixed.pattern, *map(re.escape, sorted(words, key=len, reverse=True))]))


@lru_cache(maxsize=4)
def _noise_patterns(generation: int) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(the number, a bracket, a year or a span of years; the words of a kind of table, longest
    first; both, one pattern: all the noise of a title not naming the unit)."""
    vocab = concepts()
    spans = [vocab["multi_year_span"]] if vocab.get("multi_year_span") else []
    fixed = "|".join([TABLE_NUMBER_RE.pattern, *spans])
    words = alternatives(w for w in vocab.get("table_kind_words") or () if w)
    return re.compile(fixed), re.compile(words), re.compile(f"{fixed}|{words}")


class TitleScopes:
    """The scope of each table of a document, read once per table."""

    def __init__(self, doc):
        self.doc, self.scopes = doc, {}
        vocab = concepts()
        self.noise = TitleNoise(compact(doc.meta.get("unit_name") or ""))
        # (a title naming an organisation, 某某局…表, names whose table it is, not a part of the unit)
        endings = "|".join(map(re.escape, vocab.get("organization_endings") or ()))
        self.organisation = re.compile(rf"^\w{{0,16}}?(?:{endings})") if endings else None
        self.part_scopes = [compact(w) for w in vocab.get("part_scopes") or ()]
        self.selection_scopes = [compact(w) for w in vocab.get("selection_scopes") or ()]
        from ..ingest.build import title_block  # (the document model's, read when a rule compares tables)

        first = title_block(doc)
        self.report_title = compact(first.text) if first is not None and not isinstance(first, Table) else ""

    def of(self, block: int) -> str:
        if block not in self.scopes:
            scope = self.words(block)
            if len(scope) < MIN_SCOPE_CHARS or (self.organisation is not None and self.organisation.fullmatch(scope)):
                scope = ""
            self.scopes[block] = scope
        return self.scopes[block]

    def words(self, block: int) -> str:
        """What is left of the table's title without its number, years, brackets, the unit's name
        and the words of a kind of table (an organisation's name not blanked). A table titled by the
        report's own title (the summary right under it) names no scope of its own."""
        table = self.doc.blocks[block]
        title = (table.title or "") if isinstance(table, Table) else ""  # (表1 2024年…: spaced apart)
        if title and compact(title) == self.report_title:
            return ""
        return re.sub(r"[^\w]|\d", "", self.noise.sub(compact(self.noise.sub(title))))

    def same(self, a: int, b: int) -> bool:
        """Two tables may state one fact unless both titles name a scope and the scopes differ, or
        one names a part's scope (concepts.yaml part_scopes: a 政府采购预算表's row is what of its
        project is bought, no figure of the project itself) the other does not."""
        one, other = self.of(a), self.of(b)
        if one != other and any(self._part_scope(scope) for scope in (one, other)):
            return False
        return not one or not other or one == other

    def _part_scope(self, scope: str) -> bool:
        return bool(scope) and any(word in scope for word in self.part_scopes)

    def selects(self, block: int) -> bool:
        """The table's title makes its rows a selection of the unit's items (concepts.yaml
        selection_scopes: 重点项目支出情况表): its 合计 is of those rows, no total of the unit's."""
        scope = REPORT_PART_RE.sub("", self.of(block))
        return any(word in scope for word in self.selection_scopes)
