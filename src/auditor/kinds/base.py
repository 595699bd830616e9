"""What every rule kind shares: the hit it yields, and helpers for evidence."""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ..facts.numbers import MONEY_UNITS, Quantity, half_unit, own_half_unit, own_slack
from ..model import Cell, Location, Paragraph, Table

# a table row labelled as part of the row above it (其中：人员经费): calculation, derived and table_sum
SUBROW_RE = re.compile(r"^\s*其中\s*[:：]?")
# a share column's head naming its whole (占支出比重 -> 支出, 占事业收入比例 -> 事业收入); a bare
# 占比（%） names none (its 比 and bracket are no whole)
SHARE_OF_RE = re.compile(r"占(?!比[（(%]|比$)([^（()）%]+?)(?:的)?(?:比重|比例|百分比|%)")


@dataclass
class Hit:
    """One inconsistency a kind found; the engine turns it into a Finding."""

    quote: str
    location: Location
    stated: str | None = None
    expected: str | None = None
    formula: str | None = None
    fields: dict = field(default_factory=dict)
    cls: str | None = None  # overrides the rule's class (e.g. rounding)
    severity: str | None = None  # overrides the rule's severity
    highlights: list[Location] = field(default_factory=list)
    # (hit, why): hits of the same rule this one's figure explains, folded into its finding
    folded: list = field(default_factory=list)


@dataclass(frozen=True)
class Checked:
    """One relation the rule evaluated (consistent or not): "no finding" then means "checked"."""

    count: int = 1


CHECKED = Checked()


def invalid_setting(params: dict, checks, patterns: tuple[str, ...] = ()) -> str | None:
    """Why a rule's params cannot run: a `check` its kind does not have, or one of the `patterns`
    params no valid regex (each kind's validate; the kinds' own further tests after it)."""
    if "check" in params and params["check"] not in checks:
        return f"check 应为 {', '.join(checks)} 之一"
    for name in patterns:
        try:
            re.compile(params[name])
        except re.error as exc:
            return f"{name} 不是有效的正则表达式：{exc}"
    return None

# The totals a kind compared while one rule ran, each once (a total compared by two readings of
# its table is one relation checked): kinds whose comparisons sit deep in their readers note them
# here instead of yielding a Checked at every one (table_sum).
_COMPARED: ContextVar[set | None] = ContextVar("compared_totals", default=None)


def note_compared(where: Location) -> None:
    """Count the total at `where` as compared, in the tally open (none open: nothing to count)."""
    tally = _COMPARED.get()
    if tally is not None:
        tally.add(where)


@contextmanager
def compared_tally():
    """Open a tally of the totals compared; the block gets the set, filled as it runs."""
    tally: set = set()
    token = _COMPARED.set(tally)
    try:
        yield tally
    finally:
        _COMPARED.reset(token)


class Trial:
    """A reading of a table tried and perhaps dropped (a row total column judged only where most
    rows add up across it): its comparisons count only once `keep` says the reading holds."""

    def __enter__(self) -> "Trial":
        self.outer = _COMPARED.get()
        self.tried: set = set()
        self._token = _COMPARED.set(self.tried)
        return self

    def __exit__(self, *exc) -> None:
        _COMPARED.reset(self._token)

    def keep(self) -> None:
        if self.outer is not None:
            self.outer |= self.tried


@dataclass
class NotAssessable:
    """The rule applies to the document but could not be evaluated, and why."""

    reason: str


def sum_check(total: Quantity, parts: list[Quantity], tolerance: dict | None = None,
              counts: bool = False) -> str:
    """Compare a printed total with printed parts: 'ok', 'rounding' or 'mismatch'.

    Every printed number stands for the interval of half a unit in its last printed
    digit, at the finest precision used in the comparison (477.9 beside 541.04 is read
    as 477.90); the total is consistent when the intervals overlap (XBRL Calculations 1.1).
    A declared absolute or relative tolerance replaces the intervals. Otherwise, with `counts`
    (figures of people or things), whole numbers are exact: 82 + 39 + 5 is no 127, no rounding tail.
    """
    exact = sum((p.value for p in parts), Decimal(0))
    diff = abs(exact - total.value)
    if diff == 0:
        return "ok"
    if tolerance and ("absolute" in tolerance or "relative" in tolerance):
        allowed = Decimal(str(tolerance.get("absolute", 0)))
        allowed = max(allowed, abs(total.value) * Decimal(str(tolerance.get("relative", 0))))
        # a difference the rule's own declared tolerance accepts is no finding (and no rounding:
        # 10.00 under `absolute: 20` is accepted, not a printing tail)
        return "ok" if diff <= allowed else "mismatch"
    if counts and not any(q.places for q in [total, *parts]):
        return "mismatch"
    places = max([total.places] + [p.places for p in parts])  # read at the finest precision
    inexact = sum(1 for q in [total, *parts] if q.value != 0)  # a printed zero is exact
    if diff <= half_unit(places) * inexact:
        return "rounding"
    # a figure printed coarser than the others may have been rounded at its own precision
    return "rounding" if diff <= own_slack(((q.value, q.places, 1) for q in [total, *parts]), places) else "mismatch"


def rounding_note(total: Quantity, parts: list[Quantity], places: int) -> str:
    """Why a difference is a rounding note: the intervals that overlap, at the finest precision,
    or else at each figure's own (a total printed coarser than its parts, see own_slack)."""
    exact = sum((p.value for p in parts), Decimal(0))
    inexact = sum(1 for q in [total, *parts] if q.value != 0)
    if abs(exact - total.value) <= half_unit(places) * inexact:
        return (f"区间 {interval_text(total, places)} 与分项之和区间 "
                f"{interval_text(Quantity(exact), places, len(parts))} 重叠")
    own = own_half_unit(total.value, total.places, places) if total.value else Decimal(0)
    spread = sum((own_half_unit(p.value, p.places, places) for p in parts if p.value), Decimal(0))
    return (f"按各数自身的印刷精度，{total.text or total.value} 为区间 [{total.value - own}, {total.value + own}]，"
            f"与分项之和区间 [{exact - spread}, {exact + spread}] 重叠")


def in_common_unit(facts) -> list[Quantity]:
    """Facts (amounts in 元, 万元, 亿元 …) as Quantities in the coarsest unit among them, each keeping
    the digits it was printed to (11,000.00万元 beside 3.20亿元 is 1.100000亿元), for sum_check and
    rounding_note to read as printed."""
    scales = [MONEY_UNITS.get(f.unit, Decimal(1)) for f in facts]
    coarsest = max(scales)
    unit = next((f.unit for f, scale in zip(facts, scales) if scale == coarsest), "")
    return [Quantity(f.value.quantize(Decimal(1).scaleb(-f.places)).scaleb(-(coarsest / scale).adjusted()), unit, f.text)
            for f, scale in zip(facts, scales)]


def sum_as_printed_coarser(total, parts) -> bool:
    """A total told in a larger money unit than all its parts (0.12亿元 over 987.65万元 + 246.91万元;
    3.2亿元 over 15,000万元 + 17,040万元) that is their sum rounded at its own precision: that sum as
    printed, nothing to report (in one unit, 1,532.6 over 1,104.27 + 428.35 may have lost a digit:
    sum_check tells). `total` and `parts`: amounts with value, places, unit and in_yuan()."""
    factor = MONEY_UNITS.get(total.unit, Decimal(1))
    if not parts or factor <= max(MONEY_UNITS.get(p.unit, Decimal(1)) for p in parts):
        return False
    exact = sum((p.in_yuan() for p in parts), Decimal(0))
    return (exact / factor).quantize(Decimal(1).scaleb(-total.places), ROUND_HALF_UP) == total.value


def slipped_unit(total, exact: Decimal, slack: Decimal, params: dict) -> str | None:
    """The money unit (万元, 亿元, 千元) in which a total as printed is its parts' sum `exact` (in yuan,
    within `slack`), off its own by one of the ratios of the rule's unit_slip_scales (else
    concepts.yaml's), either way: the unit it should carry (a unit slip); None where there is none."""
    from ..knowledge import concepts

    if total.unit not in MONEY_UNITS:
        return None
    factor = MONEY_UNITS[total.unit]
    scales = {r for s in params.get("unit_slip_scales") or concepts().get("unit_slip_scales") or ()
              for r in (Decimal(s), 1 / Decimal(s))}
    return next((u for u in MONEY_UNITS if MONEY_UNITS[u] / factor in scales and len(u) == 2
                 and abs(exact - total.value * MONEY_UNITS[u]) <= slack), None)


def interval_text(q: Quantity, places: int, count: int = 1) -> str:
    half = half_unit(places) * count
    return f"[{q.value - half}, {q.value + half}]"


def sentence_figures(base, measure: str | None = None) -> list:
    """The facts read from sentences, in the fact base's order; of `measure` only, when given.
    Listed once per document: a score of rules walk a measure's sentence figures (rates, shares,
    changes) and would each walk every fact of the document, table cells too, to find them."""
    every, by_measure = base.remember(("sentence figures",), lambda: _sentence_figures(base.facts))
    return every if measure is None else by_measure.get(measure, [])


def _sentence_figures(facts) -> tuple[list, dict]:
    """(every sentence figure, measure -> its sentence figures), each in the facts' order."""
    every = [f for f in facts if f.source == "text"]
    by_measure: dict = {}
    for f in every:
        by_measure.setdefault(f.measure, []).append(f)
    return every, by_measure


TABLE_START_CHARS = 2000  # the longest start of a table's text any rule reads (schedule_columns)


def table_start(table, chars: int) -> str:
    """`table.text[:chars]` for a rule reading a table's heads: a slice of the one start of
    TABLE_START_CHARS kept per table, rather than a start of each length the rules ask for
    (120, 200, 400, 600, 2000: each joined from the rows again)."""
    if chars > TABLE_START_CHARS:
        return table.text_start(chars)
    return table.text_start(TABLE_START_CHARS)[:chars]


def document_texts(doc, sentences: bool = True, cells: bool = True, cell_filter=None) -> list[tuple]:
    """(text, source) for every paragraph sentence and every table cell with text: the source's
    `loc` is its location (read it only for a hit: a cell makes its location when first asked).
    Listed once per document and choice of parts (a dozen rules walk them); callers only read it."""
    kept = doc.__dict__.setdefault("_document_texts", {})
    key = (len(doc.blocks), sentences, cells)  # (again only if blocks were added since)
    texts = kept.get(key)
    if texts is None:
        texts = kept[key] = list(_document_texts(doc, sentences, cells))
    if cell_filter is None:
        return texts
    return [(text, source) for text, source in texts if not isinstance(source, Cell) or cell_filter(text)]


def _document_texts(doc, sentences: bool, cells: bool):
    for block in doc.blocks:
        if isinstance(block, Paragraph) and sentences:
            for sentence in block.sentences:
                yield sentence.text, sentence
        elif isinstance(block, Table) and cells:
            for row in block.rows:
                for cell in row:
                    if cell.text:
                        yield cell.text, cell


def item_label(label: str) -> str:
    """A list item's words without the list opener before them (其中决策指标扣 → 决策指标扣)."""
    from ..facts.lexicon import lexicon
    from ..knowledge import concepts

    opener = lexicon().list_opener.match(label)
    # (an item opening a bracket of parts, （甲项收入…: its words after the bracket)
    words = label[opener.end():].lstrip("：:，, ") if opener else label.lstrip("（(")
    # (an item's ordinal, 一是中央车辆购置税补助资金: its words after it)
    from ..facts.base.vocabulary import ordinal_words

    ordinal = next((w for w in ordinal_words() if words.startswith(w)), "")
    words = words[len(ordinal):].lstrip("：:，, ") if ordinal else words
    # (the last item's joining word, …40.00万元和单位资金35.00万元: 单位资金; not a word opening with
    # a join's character, 和谐社区建设资金, 及时奖励资金: concepts.yaml summed_names)
    summed = concepts().get("summed_names") or {}
    joined = lexicon().list_join.match(words)
    if joined is None or words.startswith(tuple(summed.get("not_joins") or ())) or len(words) - joined.end() < 2:
        return words
    return words[joined.end():]


NAMED_WHOLE_CHARS = 3  # the fewest last characters of a name an item shares with its whole (资产总额;
# not 总额 or 收入 alone, words of a kind many amounts end on)


def whole_named_by(item, candidates: list, nearest):
    """The amount among `candidates` (earlier amounts a list's whole may be, nearest last) that the
    list's item names as its whole when the amount the list follows, `nearest`, is another thing:
    one of the item's concept, the nearest being of another (行政单位资产总额 under 资产总额, not
    净资产); else the one whose label ends on the longest name the item's label ends on too, of
    NAMED_WHOLE_CHARS at least and longer than the nearest's (全市行政事业单位资产总额 for 行政单位
    资产总额, where the nearest is 净资产); else the nearest."""
    from ..knowledge import compact

    if item.concept is not None and nearest.concept not in (None, item.concept):
        return next((f for f in reversed(candidates) if f.concept == item.concept), nearest)
    if item.concept is not None and nearest.concept == item.concept:
        return nearest
    own = compact(item.label)
    best, length = nearest, max(_common_tail(own, compact(nearest.label)), NAMED_WHOLE_CHARS - 1)
    for f in reversed(candidates):
        shared = _common_tail(own, compact(f.label))
        if shared > length:
            best, length = f, shared
    return best


def _common_tail(a: str, b: str) -> int:
    """How many last characters the two words share (行政单位资产总额, 全市行政事业单位资产总额: 6)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


# what a tail is, said before its finding's message: one unit of the last printed digit apart,
# which rounding one amount would not give (a figure cut down, or a total's tail adjusted)
TAIL_NOTE = "末位相差一个单位（超出四舍五入，疑为截尾或尾差调整）"


GLOSS_RE = re.compile(r"[（(][^）)]*[）)]")  # a gloss in brackets: 好（健全）, 预算执行率（资金）


def names_execution_rate(name: str) -> bool:
    """Whether an indicator's name is the budget's execution rate (concepts.yaml execution_scoring
    indicator: 预算执行率, 资金执行率 …), glosses in brackets and a trailing 指标 aside."""
    from ..knowledge import compact, concepts

    pattern = (concepts().get("execution_scoring") or {}).get("indicator")
    words = GLOSS_RE.sub("", compact(name))
    words = words[:-2] if words.endswith("指标") else words
    return bool(pattern) and re.search(pattern, words) is not None
