"""Arithmetic a report writes out in figures (预算执行率=1,450.00÷1,500.00×100%=96.67%;
合计=120.00+80.50−10.00=190.50万元; 得分=96.67%×10=9.67分).

A sentence or a cell is read as tokens: numbers (with the unit printed after them), operators
(+ − × ÷ and their ASCII and full-width forms), brackets, = (or ≈), and anything else. A run of
tokens with no other words in it, holding an =, is a chain of sides; each side that parses as an
expression is worked out on intervals, and a side that is one number must meet the side before
it. The one rounding model (facts/numbers.half_unit): a side's figures are read at the finest
precision among them (15 beside 13.41 is 15.00), and where none has decimals they are exact, since
in a written formula such integers are counts, weights or constants (×100%, ×10分), but for whole
amounts of money (2,862万元, a measure rounded to the 万元); the result
stands for the interval its own last digit allows (a 万 or 亿 before a unit scales it: 3.6万亩). A
percentage is its value over 100 (×100%=96.67% and ÷1,500=0.9667 agree); a side off by exactly a
factor of 100 where a bare ×100 is written, or where percentages come to a figure not in %
(权重20%=20分, ×100%=96.67), is the percent sign written loosely.
Words naming a figure right after an operator (=执行数1,450.00万元÷全年预算数1,500.00万元) and
glosses in brackets after it (1,450.00万元（实际支出）) leave the chain whole; names alone
(实际支出÷全年预算) are words. Not judged: a sum or a difference of figures in one unit said to
come to another unit or to none (a scoring band, 95%-100%=16分), and a pair of sides mixing money
units (万元 with 元: UNT002 reads unit slips). A result off by one unit of its last digit is a tail
only where the figures have decimals (3+4+5=13个 is an error).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..facts.lexicon import alternatives
from ..facts.numbers import MONEY_UNITS, fmt, half_unit

OPERATORS = {"+": "+", "＋": "+", "-": "-", "－": "-", "−": "-", "—": "-", "×": "*", "*": "*", "＊": "*",
             "✕": "*", "x": "*", "X": "*", "÷": "/", "/": "/", "／": "/"}
EQUALS = "=＝≈"
EQUALS_RE = re.compile(f"[{EQUALS}]")  # a text holding any of the signs, in one search
OPEN, CLOSE = "(（", ")）"
HUNDRED = Decimal(100)
NAMED_AFTER = ("+", "-", "*", "/", "=", "(")  # what a figure's name may stand right after, in a formula
CLAUSE_MARKS = "，,；;：:。"  # words holding one end a clause: no figure's name inside a formula
# (only where the grouped number goes on as a term of the formula, its decimals then an operator or
# the formula's end after it, or its decimals and a money unit: 1，450.00÷…, =1，450.00万元; not a
# clause's comma after a result, =92，100分制…, =450，450万元已全部拨付)
WIDE_GROUPING_RE = re.compile(r"(?<=\d)，(?=\d{3}(?:(?:[.．]\d+)?\s*[+\-－×÷*/=＝)）%％。]|[.．]\d+\s*(?:万元|亿元|元)))")


class _Break(str):
    """Words holding a clause mark: "" as any words are, but never taken for the name of the
    figure after them (按执行率×分值计算，95.48%×10=9.85分: the formula starts after the ，)."""


BREAK = _Break()
SCALES = {"%": HUNDRED, "％": HUNDRED, "‰": Decimal(1000)}
MAGNITUDES = {"万": Decimal(10000), "亿": Decimal(10) ** 8}  # 12万人次, 3.6万亩
TAIL_UNITS = 1  # a result this many units of its last digit off the worked value is a tail (info)


@dataclass(frozen=True)
class Number:
    text: str  # as printed, with its unit
    value: Decimal  # over its scale (96.67% → 0.9667)
    unit: str
    places: int

    def half(self, places: int) -> Decimal:
        """Half a unit of the last digit at `places` decimals, over the scale; none for a whole
        count or constant (12人, ×100%, ×10), half a unit for a whole amount of money (2,862万元:
        a measure rounded to the 万元, as budget execution reports print them)."""
        if not places and self.unit not in MONEY_UNITS:
            return Decimal(0)
        return half_unit(places) / SCALES.get(self.unit, Decimal(1))


@lru_cache(maxsize=4)
def number_re(units: tuple[str, ...]) -> re.Pattern:
    """A number, its thousands grouped or not, and the unit printed after it (longest first)."""
    names = alternatives(units)
    return re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<scale>[万亿](?![元千])(?=" + names + r"))?"
                      r"(?P<unit>" + names + r")?")


@lru_cache(maxsize=4)
def per_unit_re(units: tuple[str, ...]) -> re.Pattern:
    """The per-head part of a figure's unit (万元/人次, 元/亩): a slash and a unit, no figure after."""
    return re.compile(r"[/／](?:" + alternatives(units) + r")(?![\d.])")


GLOSS_RE = re.compile(r"[（(][^（()）\d]{1,20}[）)]")  # words in brackets after a figure: what it is


def tokens(text: str, numbers: re.Pattern, per_unit: re.Pattern) -> list:
    """Numbers, operator characters, brackets, "=" and "" (any other words) in order."""
    if "，" in text:
        text = WIDE_GROUPING_RE.sub(",", text)  # (1，450.00: a full-width comma grouping thousands, no clause mark)
    out, at = [], 0
    while at < len(text):
        ch = text[at]
        if ch.isspace():
            at += 1
            continue
        m = numbers.match(text, at) if ch.isdigit() else None
        if m:
            at = m.end()
            per = per_unit.match(text, at) if m.group("unit") else None
            if per:
                at = per.end()  # (0.35万元/人次: a figure per head, its unit)
            out.append(_number(m.group("num"), m.group("unit") or "", per.group(0) if per else "", m.group("scale") or ""))
            gloss = GLOSS_RE.match(text, at)
            if gloss:
                at = gloss.end()  # (1,450.00万元（实际支出）÷…: the figure's name, no term)
            continue
        if ch in "xX" and not (out and isinstance(out[-1], Number) and _digit_after(text, at)):
            ch = "w"  # (a letter of a word, not a times sign)
        if ch in OPERATORS:
            out.append(OPERATORS[ch])
        elif ch in EQUALS:
            out.append("=")
        elif ch in OPEN:
            out.append("(")
        elif ch in CLOSE:
            out.append(")")
        elif ch in CLAUSE_MARKS:
            if out and out[-1] == "":
                out[-1] = BREAK
            else:
                out.append(BREAK)
        elif not out or out[-1] != "":
            out.append("")
        at += 1
    return out


def _digit_after(text: str, at: int) -> bool:
    rest = text[at + 1:at + 3].lstrip()
    return bool(rest) and rest[0].isdigit()


def _number(num: str, unit: str, per: str = "", scale: str = "") -> Number:
    """A figure, its value over its unit's scale (96.67% → 0.9667) and times a 万 or 亿 written
    before its unit (3.6万亩 → 36000 亩: its places counted in that unit's)."""
    value = Decimal(num.replace(",", ""))
    places = len(num.split(".")[1]) if "." in num else 0
    if scale:
        times = MAGNITUDES[scale]
        value, places = value * times, places - times.adjusted()
    return Number(num + scale + unit + per, value / SCALES.get(unit, Decimal(1)), unit, places)


def chains(items: list) -> list[list[list]]:
    """The runs of tokens free of other words holding an "=", each split into its sides. Words
    right after an operator, an = or a bracket and right before a figure name it (=执行数1,450.00万元
    ÷全年预算数1,500.00万元): no break of the formula. A run with no "=" holding a figure with its
    working in brackets right after it (1.32倍（19,527.60÷14,830.00）) is the figure = the working."""
    items = [item for k, item in enumerate(items)
             if not (item == "" and item is not BREAK and 0 < k < len(items) - 1 and items[k - 1] in NAMED_AFTER
                     and isinstance(items[k + 1], Number))]
    runs, current, worked = [], [], []
    for item in [*items, ""]:
        if item == "":
            if "=" in current:
                runs.append(current)
            else:
                worked.extend(_bracketed_workings(current))
            current = []
        else:
            current.append(item)
    out = []
    for run in runs:
        sides, side = [], []
        for item in run:
            if item == "=":
                sides.append(side)
                side = []
            else:
                side.append(item)
        sides.append(side)
        out.append(sides)
    return out + worked


BRACKETED_RE = re.compile(r"[（(]\s*\d[\d.,]*[^\s（()）\d]{0,4}\s*[-+＋×÷*/／✕－−—]")  # （19,527.60÷…, （7,000.00万元×…
YEAR_LIKE_RE = re.compile(r"(?:19|20)\d\d")  # a bare four-digit year (a code or a span, 2024-001, 2026—2035)


def _bracketed_workings(run: list) -> list[list[list]]:
    """[working, [figure]] for each figure of the run with figures and operators alone in brackets
    right after it (首期利息186.00万元（7,000.00万元×2.40%）). Not a span or a code: a bracket holding a
    bare year (2024-001), or one difference rising from its first figure to its second (1-3, 80-90)."""
    out = []
    for k in range(len(run) - 3):
        if not (isinstance(run[k], Number) and run[k + 1] == "("):
            continue
        end = next((j for j in range(k + 2, len(run)) if run[j] in ("(", ")")), None)
        if end is None or run[end] != ")" or (end + 1 < len(run) and run[end + 1] == "("):
            continue
        inner = run[k + 2:end]
        figures = [i for i in inner if isinstance(i, Number)]
        binary = [op for j, op in enumerate(inner) if j and op in ("+", "-", "*", "/") and isinstance(inner[j - 1], Number)]
        if not binary or any(YEAR_LIKE_RE.fullmatch(f.text) for f in figures):
            continue
        if binary == ["-"] and len(figures) == 2 and figures[0].value < figures[1].value:
            continue  # (a span, 1-3月, 80-90分: no difference)
        out.append([inner, [run[k]]])
    return out


class _Parser:
    """expression := term (("+"|"-") term)*; term := factor (("*"|"/") factor)*;
    factor := "-"? (number | "(" expression ")"), each worked out as an interval."""

    def __init__(self, items: list):
        self.items, self.at = items, 0
        self.places = max((i.places for i in items if isinstance(i, Number)), default=0)

    def parse(self) -> tuple[Decimal, Decimal] | None:
        try:
            value = self.expression()
        except (ValueError, ZeroDivisionError, InvalidOperation):
            return None
        return value if self.at == len(self.items) else None

    def peek(self):
        return self.items[self.at] if self.at < len(self.items) else None

    def expression(self):
        low, high = self.term()
        while self.peek() in ("+", "-"):
            op = self.items[self.at]
            self.at += 1
            b_low, b_high = self.term()
            low, high = (low + b_low, high + b_high) if op == "+" else (low - b_high, high - b_low)
        return low, high

    def term(self):
        low, high = self.factor()
        while self.peek() in ("*", "/"):
            op = self.items[self.at]
            self.at += 1
            b_low, b_high = self.factor()
            if op == "/":
                if b_low <= 0 <= b_high:
                    raise ValueError("division by an interval holding 0")
                b_low, b_high = 1 / b_high, 1 / b_low
            products = (low * b_low, low * b_high, high * b_low, high * b_high)
            low, high = min(products), max(products)
        return low, high

    def factor(self):
        item = self.peek()
        if item == "-":
            self.at += 1
            low, high = self.factor()
            return -high, -low
        if item == "(":
            self.at += 1
            value = self.expression()
            if self.peek() != ")":
                raise ValueError("unclosed bracket")
            self.at += 1
            return value
        if isinstance(item, Number):
            self.at += 1
            half = item.half(self.places)
            return item.value - half, item.value + half
        raise ValueError("no figure")


@dataclass(frozen=True)
class Slip:
    side: list  # the worked side's tokens
    result: Number
    worked: Decimal  # the worked side's value at its printed figures, over the result's scale
    tail: bool  # off by no more than TAIL_UNITS of the result's last digit


def slips(sides: list[list], counted) -> list[Slip]:
    """Each side that is one number (or a number below zero) against the expression before it;
    `counted` is called once for every pair judged."""
    out = []
    for before, after in zip(sides, sides[1:]):
        result = _result(after)
        if result is None or not any(i in ("+", "-", "*", "/") for i in before) or _mixed_money([before, after]) \
                or _other_unit(before, result):
            continue
        worked = _Parser(before).parse()
        if worked is None:
            continue
        counted()
        # (the result, an integer too, stands for what its last digit allows: =200万元 is [199.5, 200.5))
        half = half_unit(result.places) / SCALES.get(result.unit, Decimal(1))
        low, high = result.value - half, result.value + half
        # (a bare ×100 for ×100%; a result not in % from percentages: 到位率100%×权重20%=20分, ×100%=96.67)
        loose = any(isinstance(i, Number) and ((i.value == HUNDRED and not i.unit)
                                               or (i.unit in SCALES and result.unit not in SCALES)) for i in before)
        if _meets(worked, low, high, loose):
            continue
        # (a tail is a last digit's rounding: figures with decimals, not counts off by one, 3+4+5=13个)
        decimals = any(isinstance(i, Number) and i.places > 0 for i in (*before, result))
        tail = decimals and _meets(worked, low - half * 2 * TAIL_UNITS, high + half * 2 * TAIL_UNITS, loose)
        out.append(Slip(before, result, (worked[0] + worked[1]) / 2, tail))
    return out


def _result(side: list) -> Number | None:
    """The side's one figure, a minus before it making it negative (=-60.00万元)."""
    if len(side) == 1 and isinstance(side[0], Number):
        return side[0]
    if len(side) == 2 and side[0] == "-" and isinstance(side[1], Number):
        figure = side[1]
        return Number("-" + figure.text, -figure.value, figure.unit, figure.places)
    return None


def _other_unit(side: list, result: Number) -> bool:
    """A sum or a difference of figures in one unit said to come to a figure in another or in none
    (a scoring band, 95%-100%=16分 or =16): no arithmetic of those figures."""
    if any(i in ("*", "/") for i in side):
        return False
    units = {i.unit for i in side if isinstance(i, Number) and i.unit}
    return len(units) == 1 and result.unit not in units \
        and not (units <= set(MONEY_UNITS) and result.unit in MONEY_UNITS)


def _meets(worked: tuple[Decimal, Decimal], low: Decimal, high: Decimal, loose: bool) -> bool:
    """The worked interval meets [low, high]; with `loose` (a bare ×100 written for ×100%), a factor
    of a hundred either way is the percent sign written loosely."""
    factors = (Decimal(1), HUNDRED, 1 / HUNDRED) if loose else (Decimal(1),)
    return any(worked[0] * f <= high and low <= worked[1] * f for f in factors)


def _mixed_money(sides: list[list]) -> bool:
    return len({i.unit for side in sides for i in side if isinstance(i, Number) and i.unit in MONEY_UNITS}) > 1


def shown(items: list) -> str:
    """A side as the finding writes it: its figures as printed, spaced operators."""
    signs = {"+": " + ", "-": " − ", "*": " × ", "/": " ÷ ", "(": "（", ")": "）"}
    return "".join(i.text if isinstance(i, Number) else signs[i] for i in items).strip()


def worked_text(slip: Slip) -> str:
    """The worked value in the result's unit and precision (0.966667 → 96.67%)."""
    value = slip.worked * SCALES.get(slip.result.unit, Decimal(1))
    return fmt(value, slip.result.places, slip.result.text) + slip.result.unit


def is_rate(slip: Slip) -> bool:
    """The worked side divides, or its result is a percentage: a rate or a figure per head."""
    return "/" in slip.side or slip.result.unit in SCALES
