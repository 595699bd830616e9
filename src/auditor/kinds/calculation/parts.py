"""What counts as a part of a declared sum (kind `calculation`, rules/concepts.yaml
`calculations`): the names a sum's parts go by (sum_part_names, read once per vocabulary, read by
kinds/derived/wholes.py too), the totals and part names of every declared sum, a figure that adds
up (money_amount), and a fund's part."""
from __future__ import annotations

from ...facts.base import Fact
from ...facts.base.figures import per_unit
from ...facts.base.model import FORECAST
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts, vocabulary_generation


def sum_part_names(calc: dict) -> dict[str, str]:
    """concept -> the part it counts as: an alternative stands for its group, and so do the
    parts of a part's own declared sum (公务用车运行维护费 for 公务用车购置及运行维护费). Read once
    per vocabulary (every document asks for every sum's)."""
    # (a total may be summed two ways, 收支总计 by either side: its parts are part of the key)
    key = (vocabulary_generation(), calc["total"], calc.get("fund"), tuple(calc["parts"]))
    if key not in _PART_NAMES:
        _PART_NAMES[key] = _read_part_names(calc)
    return _PART_NAMES[key]


_PART_NAMES: dict[tuple, dict[str, str]] = {}  # a few entries per vocabulary: one per declared sum


def declared_names() -> tuple[frozenset, frozenset]:
    """(the declared sums' totals, those totals and every name of their parts), read once per vocabulary."""
    key = vocabulary_generation()
    if key not in _DECLARED:
        calcs = lexicon().checked_sums  # (the grand total's spending side too: 结余分配 is a part's name)
        totals = frozenset(calc["total"] for calc in calcs)
        _DECLARED.clear()  # (one vocabulary at a time: the cache does not grow)
        _DECLARED[key] = totals, totals | frozenset(n for calc in calcs for n in sum_part_names(calc))
    return _DECLARED[key]


_DECLARED: dict[int, tuple[frozenset, frozenset]] = {}


def _read_part_names(calc: dict) -> dict[str, str]:
    names = {p: p for p in calc["parts"]}
    for other in lexicon().calculations:
        if other["total"] in calc["parts"]:
            # the part's own parts and what may stand for them (一般公共预算财政拨款收入 for the
            # 财政拨款收入 of 本年收入): a 收支总表 states 本年收入 by its sources, without the total
            for sub in [*other["parts"], *(m for ms in (other.get("alternatives") or {}).values() for m in ms)]:
                names.setdefault(sub, other["total"])
    for group, members in (calc.get("alternatives") or {}).items():
        for m in members:
            names[m] = group
    for p in calc.get("optional") or ():
        names[p] = p
    return names


def money_amount(f: Fact) -> bool:
    # a table printing no unit still adds up: its cells share the unit, whichever it is; last
    # year's column adds up as this year's does (parts are taken of the total's period)
    # (an amount per head, 每生每年1,100元 or 人均…, is no part of any total; a forecast's column,
    # 预计全年执行数, adds up as the others do)
    return (f.is_money or (f.source == "table" and not f.unit)) and f.measure in ("决算", "年初预算", "全年预算", FORECAST) \
        and not (f.source == "text" and per_unit(f))


def of_fund(fact: Fact, calc: dict) -> bool:
    """A part of a fund's sum (`fund`, see lexicon.fund_calculations) is that fund's figure: one
    stated for it, or one whose concept names it."""
    fund = calc.get("fund")
    return not fund or fact.fund == fund or fund in fact.concept


def kind_beside_balance(whole: Fact, part: Fact) -> bool:
    """The part names a kind of money no balance is broken into (…，年末结转和结余42.25万元。其中：
    下属单位…收入1,245.60万元: concepts.yaml not_balance_kinds; a balance is broken into 基本支出 and
    项目支出, what each left) and its whole is a balance (balance_words) naming no such kind: a part
    of another amount of the sentences before, not of the balance named last."""
    own = compact(part.label)
    kinds = [k for k in concepts().get("not_balance_kinds") or () if k in own]
    words = compact(f"{whole.concept or ''}{whole.label or ''}")
    balances = concepts().get("balance_words") or ()
    # (a balance's own parts name the kind they are left of, 基本支出结转: a balance word too)
    return bool(kinds) and not any(k in words for k in kinds) and any(w in words for w in balances) \
        and not any(w in own for w in balances)
