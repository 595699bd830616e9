"""What a header says of each column, and a row label's reading."""

from __future__ import annotations

import re

from ...knowledge import compact, concepts
from ...memo import remember_short
from ..lexicon import Lexicon
from ..numbers import MONEY_UNITS
from .model import FORECAST, OUTCOME_MEASURES, Head, Label, Columns
from .words import YEAR_RE, BRACKETED_RE, blank, LABEL_TAIL_RE
from .figures import RATE_HEAD_UNITS, unit_in
from .grids import bare_head


# the ending of a column head of rates (整改率), and the kind of rate such a head names when the
# vocabulary's rate words (rate_measures) name none
RATE_ENDING, BARE_RATE = "率", "比率"

LABEL_NOISE_RE = re.compile(r"^(?:其中\s*[:：]?|[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)+|[（(](?:类|款|项)[）)]|[:：]$")

TRAILING_BRACKET_RE = re.compile(r"[（(][^（）()]*[）)]$")


class HeadReading:
    """FactReader's reading of column heads and row labels."""

    def _columns(self, column_heads: list[str]) -> Columns:
        """What a header says of each column, worked out once per header (not per cell)."""
        heads = [self._head(h) for h in column_heads]
        # a unit in one head (金额（万元）, 人员情况（人） over merged columns) holds for the whole
        # header; a rate's （%） or （百分点） only for its own column (增减率（%） beside the amounts)
        # (only money and headcounts span merged columns: a length's （公里） is its own column's)
        found = self.block_unit_re.search(" ".join(column_heads))
        block_unit = (found.group(1) or found.group(2)) if found else None
        return Columns(heads=heads, block_unit=block_unit if block_unit not in RATE_HEAD_UNITS else None,
                       label_cols=[k for k, h in enumerate(heads) if h.names_labels],
                       unit_cols=[k for k, h in enumerate(column_heads) if compact(h) in self.unit_heads],
                       points_cols=[k for k, h in enumerate(heads) if h.measure == "分值"],
                       split_funds=len({h.fund for h in heads if h.fund}) >= 2)

    def _head(self, head: str) -> Head:
        found = self.head_memo.get(head)
        if found is None:  # read once per vocabulary and year (see Lexicon.heads)
            found = self.head_memo[head] = remember_short(self.lex.heads.setdefault(self.year, {}), head,
                                                          self._read_head)
        return found

    def _column_fund(self, head: Head, columns: Columns, table_fund: str = "") -> str:
        """The fund a column head names, where the table splits its figures by fund (columns of
        two funds or more), the fund makes the head's kind its own (本年收入 › 一般公共预算拨款:
        一般公共预算财政拨款收入), or the table's title names another fund, which the column's is
        a part of (财政拨款收入支出决算总表 › 一般公共预算财政拨款: that fund's figures, not all
        财政拨款); a table's one column of one fund (一般公共预算数) is the unit's figures, whatever
        fund pays them."""
        if not head.fund:
            return ""
        return head.fund if columns.split_funds or head.concept in self.fund_qualified.get(head.fund, {}) \
            or (table_fund and head.fund != table_fund) else ""

    def _leaf_measure(self, head: str, head_c: str, word: tuple[int, int, str]) -> str | None:
        """The measure a group head's word names with the leaf under it (预算数 › 年初: 年初预算数;
        预算数 › 调整后: 调整后预算数), where the leaf names none of its own: the words read as one
        (the leaf opening the measure found), so that two budgets side by side are two measures."""
        path = head.split()
        leaf = compact(path[-1]) if len(path) >= 2 else ""
        start, end, _ = word
        if not leaf or end > len(head_c) - len(leaf) or self.lex.measures.all(leaf):
            return None
        joined = leaf + head_c[start:end]
        found = self.lex.measures.all(joined)
        return found[0][2] if found and found[0][0] == 0 and found[0][1] > len(leaf) else None

    def _read_head(self, head: str) -> Head:
        head_c = compact(head)
        concept = self.lex.concepts.last(head_c)
        # (预算 inside a fund's name, 一般公共预算拨款, is no budget; a measure word running on past
        # the fund's name is: 一般公共预算数 is that fund's budget)
        fund_ends = [end for _, end, _ in self.lex.funds.all(head_c)]
        words = self.lex.measures.all(blank(blank(head_c, self.lex.concepts), self.lex.funds)) or [
            w for w in self.lex.measures.all(blank(head_c, self.lex.concepts)) if any(w[1] > e for e in fund_ends)]
        if not words and concept in self.not_money:
            # a non-money concept whose name holds its measure (自评得分, 综合得分: a score)
            words = self.lex.measures.all(head_c)
        # (a head with its own unit of things, 完成里程（公里）, names no rate whatever its words)
        own_unit = unit_in(head)
        rates = [] if own_unit and own_unit not in ("%", "‰", "个百分点") and own_unit not in MONEY_UNITS \
            else self.lex.rate_measures.all(head_c)
        # a rate word inside a measure word names no rate (增减额 is an amount, not 增减 in %); a
        # measure word inside a longer rate word names no amount (增减率 is a rate, not 增减)
        rates = [r for r in rates if not any(_within(r, m) for m in words)]
        ways = self.lex.directions.all(head_c)
        if rates and {"up", "down"} <= {way for _, _, way in ways} \
                and SIGN_MARKS_RE.sub("", BRACKETED_RE.sub("", head_c[ways[-1][1]:])) in self.change_amount_tails:
            # a head naming both ways and closing on the second, or on a word of an amount (增加+/减少-,
            # 增加（减少）额, 增加+/减少-（万元）): a signed change's amount; not a rate's head naming
            # both (增加/减少幅度, 增长/下降比例)
            words, rates = [(0, len(head_c), "变动额")], []
        if rates and not words and head_c.endswith(self.outturn_closing_words) \
                and rates[-1][1] == len(head_c) and not head_c.endswith(self.rate_head_endings):
            # (1-9月完成 | 54,320 beside 年度预算 and 完成预算（%）: the amount done, the outturn)
            words, rates = [(rates[-1][0], len(head_c), "决算")], []
        measures = [m for m in words if not any(_within(m, r) and r[1] - r[0] > m[1] - m[0] for r in rates)]
        if measures and rates and (rates[-1][0] > measures[-1][0] and rates[-1][2] in ("占比", "变动率")
                                   or head_c.endswith(self.rate_head_endings)):
            # the leaf of a header path (2025年比2024年增减 › 增减率) is the column's own: a share
            # or a change's rate under a change's or an amount's group head is that rate; so is a
            # head ending as a rate (完成调整预算%: the completion of the budget it names)
            measures = []
        bare = bare_head(head_c)  # (its unit aside: 救助人次（人次）)
        if not rates and not measures and not own_unit and bare.endswith(RATE_ENDING) \
                and not bare.endswith(self.not_percent_rates):
            # a head ending in 率 whose word the vocabulary does not know (整改率, 到位率, 达标率): a
            # rate in %, its cells printed bare or not (78.80 under 整改率 in a table of 万元 is no amount)
            rates = [(len(head_c) - 1, len(head_c), BARE_RATE)]
        measure = measures[-1][2] if measures else ""
        if measures and not rates:
            measure = self._leaf_measure(head, head_c, measures[-1]) or measure
        if (measure in OUTCOME_MEASURES or not measure) and self._forecast_head(head_c):
            # a forecast's column (预计全年执行数, 预计全年完成值, 预计执行率): what is expected by the
            # year's end, no outcome whatever its words; a rate reads it only under a forecast's head
            measure = FORECAST
        return Head(text=head, concept=concept,
                    measure=measure,
                    rate=rates[-1][2] if rates else None, period=self._column_period(head_c),
                    skipped=any(w in head_c for w in self.skip_columns) or bare.endswith(self.ratio_heads),
                    names_labels=any(w in head_c for w in self.label_columns),
                    count_unit=None if rates or measures else next(
                        (unit for end, unit in self.count_heads if bare.endswith(end)), None),
                    per_unit=any(w in head_c for w in self.per_unit_heads)
                    or any("/" in b or "／" in b for b in BRACKETED_RE.findall(head)),
                    thing=self._column_thing(head),
                    flows=frozenset(w for w in self.flow_words if w in head),
                    stock=any(w in head for w in self.stock_heads),
                    fund=next((name for _, _, name in self.lex.funds.all(head_c)), ""), unit=own_unit)

    def _forecast_head(self, head_c: str) -> bool:
        return names_forecast(head_c, self.lex, self.forecast_words)

    def _label(self, label: str) -> Label:
        found = self.label_memo.get(label)
        if found is None:  # read once per vocabulary (see Lexicon.labels) …
            # … unless it holds the words the report names its own unit by: its reading is this
            # report's (医院收入合计 is a hospital's own 本年收入, see _vocab_concept). A label without
            # them reads alike in every report (its own words take nothing out of it in kind_total).
            own = self.self_words is not None and self.self_words.found_in(compact(label))
            found = self.label_memo[label] = self._read_label(label) if own else \
                remember_short(self.lex.labels, label, self._read_label)
        return found

    def _read_label(self, label: str) -> Label:
        row_label = compact(LABEL_NOISE_RE.sub("", compact(label)))
        # (a bracket after the name says what the item holds: 事业收入（保育教育费） is 事业收入; a
        # bracket of a unit, 公用经费（万元）, leaves an indicator's row to its own name)
        bracket = TRAILING_BRACKET_RE.search(row_label)
        plain = bracket and not unit_in(bracket.group()) and not any(w in bracket.group() for w in self.scope_brackets)
        concept = self.label_concepts.get(row_label) or self._vocab_concept(row_label) or (
            self._vocab_concept(row_label[:bracket.start()]) if plain else None)
        return Label(row_label, concept, _generic(row_label, self.lex),
                     period_only=_names_only_period(row_label, self.lex),
                     measures_only=not blank(row_label, self.lex.measures).strip(),
                     span_only=self.span_only_label.fullmatch(LABEL_TAIL_RE.sub("", row_label)) is not None)


SIGN_MARKS_RE = re.compile(r"[+\-－—/（）()＋、]")  # marks after a head's last direction word (增加+/减少-)


def thing_of_head(header: str | None, lex) -> str:
    """What a column head names beside its measure, period, unit and fillers (培训人数 of 培训人数（人）;
    nothing of 预算数, 2024年决算数, 合计, 金额（万元）)."""
    head = bare_head(header)  # (years and 本年 are fillers too)
    for start, end, _ in reversed(lex.measures.all(head)):
        head = head[:start] + head[end:]
    return lex.filler.sub("", head)


def _within(inner: tuple, outer: tuple) -> bool:
    """One vocabulary match (start, end, name) lies within another."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def names_forecast(head_c: str, lex: Lexicon, words=None) -> bool:
    """A (compacted) head naming a forecast (concepts.yaml plan_cells forecast: 预计, 预测) outside
    a concept's name (预计负债 is a liability, no forecast)."""
    if words is None:
        words = [compact(w) for w in (concepts().get("plan_cells") or {}).get("forecast") or ()]
    blanked = blank(head_c, lex.concepts)
    return any(w in blanked for w in words)


def _names_only_period(label: str, lex: Lexicon) -> bool:
    """A row label naming a period and nothing else: a year (2023年, 2023年度) or a period word
    (本年, 上年, in concepts.yaml), with at most a measure word (决算数, 预算数) beside it."""
    rest = YEAR_RE.sub("", label)
    rest = lex.prior.sub("", rest)
    rest = lex.current.sub("", rest)
    if rest == label:
        return False  # no period named
    rest = blank(rest, lex.measures).replace(" ", "")
    return not rest.strip("度数额")


def _generic(label: str, lex: Lexicon) -> bool:
    """Row labels that name no concept of their own (the column says what is measured)."""
    return label in lex.generic_labels or len(label) <= 1
