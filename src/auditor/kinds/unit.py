"""Kind `unit`: unit slips diagnosed, not just mismatches.

Checks (param `check`):
- peer_magnitude: in one sentence, a budget-like amount in 元 that reads like its 万元 peer
  (全年预算数 17.8元 beside 执行数 17.67万元), or the one item in 元 of a 其中 list in 万元 (and so
  for each pair of units of the rule's `unit_pairs`: 千元 beside 万元, 元 beside 千元).
- rate_unit: the same change of a rate stated in % in one place and in ‰ in another
  (由 8% 降至 5% vs 由 8‰ 下降至 5‰).
- bracket_restatement: an amount restated in brackets right after it in another unit
  (128,600.00元（12.86万元）) is the same figure once converted.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..facts.agreement import hedge_spread, round_hedge
from ..facts.base import fact_base
from ..facts.base.figures import per_unit
from ..facts.base.words import CLAUSE_BREAK_RE, CLOSING_BRACKET_RE
from ..facts.lexicon import alternatives, lexicon
from ..facts.numbers import (CAPITAL_AMOUNT_RE, CAPITAL_DIGITS, CN_BIG_UNITS, MONEY_UNITS, capital_amount, cn_numerals,
                             fmt, half_unit, normalize_digits)
from ..knowledge import compact
from .base import CHECKED, Hit, document_texts

KIND = "unit"
PARAMS = {"check": (str, None), "peer_measures": (list, ["年初预算", "全年预算", "决算"]),
          # peer_magnitude: words of an amount naming no measure that still state one flow of an
          # item's money (到位, 支出): such amounts are peers of its budget and outturn
          "peer_flow_words": (list, []),
          # words of an amount per head or per item (人均补助500元): no part of a list of totals
          "per_unit_words": (list, ["人均", "户均", "生均", "每人", "每户", "每", "标准", "单价", "平均"]),
          # an item in 元 among items in 万元 reads as a slip when its digits are within this
          # factor of the others' median (86.30元 beside 80.20万元, 186.30万元)
          "list_peer_factor": (int, 20),
          # two figures of one thing, one in 元 and one in 万元, read as the same amount when their
          # digits are within this ratio of each other (budget 86.40万元 beside outturn 84.20元)
          "peer_ratio": (list, [0.8, 1.25]), "flow_peer_ratio": (list, [0.8, 1.25]),
          # peer_magnitude: the (smaller, larger) money units one may be slipped for the other
          "unit_pairs": (list, [["元", "万元"]]),
          # bracket_restatement: the words a bracket restating an amount may open with (即, 折合)
          "restating_words": (list, [""]),
          # …and those naming how an amount in financial capitals and its figure are written
          # (（大写：壹佰贰拾万元整）, （小写：¥1,200,000.00）)
          "capital_labels": (list, [])}


def _peers(ratio: Decimal, rule, param: str = "peer_ratio") -> bool:
    """Two figures' digits close enough to be one amount written twice (rule param peer_ratio)."""
    low, high = (Decimal(str(x)) for x in rule.params[param])
    return low <= ratio <= high


MESSAGE_FIELDS = {"peer", "other", "where", "slip", "scale"}


def _unit_pairs(rule) -> list[tuple[str, str, dict]]:
    """(smaller unit, larger unit, the finding's fields saying how they differ) of each of the rule's
    unit_pairs."""
    out = []
    for small, big in rule.params["unit_pairs"]:
        scale = int(MONEY_UNITS[big] / MONEY_UNITS[small])
        out.append((small, big, {"slip": f"“{big}”误写为“{small}”", "scale": f"{cn_numerals(scale)}倍"}))
    return out
TRANSITION_RE = re.compile(
    r"(?:由|从)\s*(?:去年|上年|原来的?)?\s*(\d+(?:\.\d+)?)\s*(%|‰)\s*(?:下降|降低|降|上升|提高|提升|增加|减少)(?:至|到|为)\s*"
    r"(\d+(?:\.\d+)?)\s*(%|‰)")


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    if any(not isinstance(p, list) or len(p) != 2 or not all(u in MONEY_UNITS for u in p)
           or MONEY_UNITS[p[0]] >= MONEY_UNITS[p[1]] for p in params["unit_pairs"]):
        return "unit_pairs 的每一项应为两个金额单位，小者在前（如 [元, 万元]）"
    return None


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, rule)


def _check_peer_magnitude(doc, rule):
    """Budget and outturn of one item in one sentence, one in 元 and one in 万元, with nearly the
    same digits: the 元 figure is a 万元 figure with the wrong unit (they differ ×10⁴ as written)."""
    found = set()
    for hit in [*_check_list_peers(doc, rule), *_check_rate_peers(doc, rule), *_check_row_peers(doc, rule)]:
        if (hit.location, hit.stated) in found:
            continue
        found.add((hit.location, hit.stated))
        yield hit
    pairs = _unit_pairs(rule)  # (the same for every sentence)
    for facts in fact_base(doc).by_sentence.values():
        for small_unit, big_unit, words in _pairs_in(facts, pairs):
            for hit in _sentence_peers(doc, facts, rule, small_unit, big_unit, words):
                if (hit.location, hit.stated) not in found:
                    found.add((hit.location, hit.stated))
                    yield hit


def _pairs_in(facts: list, pairs: list[tuple]) -> list[tuple]:
    """The unit pairs (_unit_pairs) whose two units the facts both carry: the checks set an amount
    in one beside one in the other of the same facts, and read nothing where either is missing
    (most sentences state no amount in 元)."""
    units = {f.unit for f in facts}
    return [pair for pair in pairs if pair[0] in units and pair[1] in units]


def _sentence_peers(doc, facts, rule, small_unit: str, big_unit: str, words: dict):
    """An amount in the smaller unit whose digits read like a peer's in the larger (see
    _check_peer_magnitude), once each."""
    measures = set(rule.params["peer_measures"])
    flows = tuple(rule.params["peer_flow_words"])
    # (an amount naming no measure but a flow of the item's money, 到位312.00万元，已支出198.72元,
    # is a peer too)
    peers = [f for f in facts if f.measure in measures and f.unit in (small_unit, big_unit)
             and (not f.implicit or (_names_flow_only(f.label, flows) and not per_unit(f)))]
    for small in (f for f in peers if f.unit == small_unit):
        for peer in (f for f in peers if f.unit == big_unit and f.value > 0):
            # (what came in and what went out of one item's money may differ more than its budget
            # and outturn do: the flows' own, wider, ratio)
            flow = small.implicit or peer.implicit
            if _peers(small.value / peer.value, rule, "flow_peer_ratio" if flow else "peer_ratio"):
                yield Hit(
                    quote=fact_base(doc).span(min(small, peer, key=lambda f: f.at), max(small, peer, key=lambda f: f.at)),
                    location=small.loc, stated=small.text, expected=f"{small.value}{big_unit}",
                    formula=f"{small.text} 与同句的 {peer.text} 数量级相同，按“{small_unit}”计两者相差约{words['scale']}",
                    fields={"peer": small.text, "other": peer.text, "where": "同句", **words})
                break


def _names_flow_only(label: str, flows: tuple[str, ...]) -> bool:
    """The amount's words end on a flow of the item's money (…到位, 已支出): no other thing named
    after the flow word (支出银行手续费80.00元 is a fee, no flow of the item's money)."""
    at = max((label.rfind(w) + len(w) for w in flows if w in label), default=-1)
    return at >= 0 and not lexicon().filler.sub("", compact(label[at:]))


def _check_list_peers(doc, rule):
    """A 其中 list of amounts of one kind (or a run of them joined by 、), all in 万元 but one in 元
    whose digits read like the others' (其中：农林水支出2,562.80万元，…住房保障支出80.20万元，卫生健康
    支出86.30元): that one carries the wrong unit. At least two 万元 items beside it; amounts per
    head are no items."""
    base = fact_base(doc)
    openers = lexicon().list_openers
    factor = Decimal(rule.params["list_peer_factor"])
    pairs = _unit_pairs(rule)
    for (block, index), facts in base.by_sentence.items():
        stated = _pairs_in(facts, pairs)
        if not stated:
            continue
        text = base.sentences.get((block, index), "")
        opened = min((text.find(o) for o in openers if o in text), default=-1)
        listed = [f for f in facts if f.is_money and f.measure != "变动额" and not f.comparator]
        # (a 其中 list, and any run of items joined by 、; an item both hold is told once, see
        # _check_peer_magnitude)
        for items in ([[f for f in listed if f.at > opened]] if opened >= 0 else []) + _enumerations(text, listed):
            for small_unit, big_unit, words in stated:
                yield from _odd_unit(items, rule, factor, small_unit, big_unit, words)


def _enumerations(text: str, facts: list) -> list[list]:
    """Runs of three amounts or more joined by 、 with no clause break between them (培训费5.40万元、
    会议费2.15元、差旅费18.63万元): items of one list, whatever opens it."""
    runs, run = [], facts[:1]
    for before, f in zip(facts, facts[1:]):
        between = text[before.at + len(before.text):f.at]
        if "、" in between and not CLAUSE_BREAK_RE.search(between):
            run.append(f)
            continue
        runs.append(run)
        run = [f]
    runs.append(run)
    return [r for r in runs if len(r) >= 3]


def _odd_unit(items: list, rule, factor: Decimal, small_unit: str, big_unit: str, words: dict):
    """The one item in the smaller unit (元) of a list in the larger (万元) whose digits read like
    the others'."""
    small = [f for f in items if f.unit == small_unit]
    peers = sorted(f.value for f in items if f.unit == big_unit and f.value > 0)
    if len(small) != 1 or len(peers) < 2 or any(w in small[0].label for w in rule.params["per_unit_words"]):
        return
    median = peers[len(peers) // 2]
    odd = small[0]
    if odd.value > 0 and median / factor <= odd.value <= median * factor:
        others = "、".join(f.text for f in items if f.unit == big_unit)
        yield Hit(quote=odd.quote, location=odd.loc, stated=odd.text, expected=f"{odd.value}{big_unit}",
                  formula=f"同一列举中其余 {len(peers)} 项均以“{big_unit}”计（{others}），"
                          f"{odd.text} 按“{small_unit}”计与其相差约{words['scale']}",
                  fields={"peer": odd.text, "other": others, "where": "同一列举", **words})


def _check_row_peers(doc, rule):
    """An indicator row whose target and actual are amounts in 元 and 万元 with nearly the same
    digits (户均补助 ≤3,500元 | 3,420万元): the actual carries the wrong unit, the target being
    the one set beforehand."""
    rows: dict[tuple, list] = {}
    pairs = {frozenset((small, big)): words for small, big, words in _unit_pairs(rule)}
    units = {u for pair in pairs for u in pair}
    for f in fact_base(doc).facts:
        if f.source == "table" and f.unit in units and f.measure in ("目标值", "实际值") and f.value > 0:
            rows.setdefault((f.block, f.loc.row), []).append(f)
    for facts in rows.values():
        targets = [f for f in facts if f.measure == "目标值"]
        actuals = [f for f in facts if f.measure == "实际值"]
        if len(targets) != 1 or len(actuals) != 1 or frozenset((targets[0].unit, actuals[0].unit)) not in pairs:
            continue
        target, actual = targets[0], actuals[0]
        scale = pairs[frozenset((target.unit, actual.unit))]["scale"]
        if _peers(actual.value / target.value, rule):
            yield Hit(quote=actual.quote, location=actual.loc, stated=actual.text,
                      expected=f"{actual.value.normalize():f}{target.unit}",
                      formula=f"同一指标的目标值为 {target.text}，实际值 {actual.text} 数字相近而单位相差{scale}",
                      fields={"peer": actual.text, "other": target.text, "where": "同一指标", "scale": scale,
                              "slip": f"单位笔误（应与目标值同为“{target.unit}”）"}, highlights=[target.loc])


def _check_rate_peers(doc, rule):
    """An amount in 元 and one in 万元 of a sentence whose rate holds on their digits only
    (全年预算1150.00元，执行1104.60万元，执行率96.05%: 1104.60 ÷ 1150.00 = 96.05%): the 元 is a slip."""
    base = fact_base(doc)
    pairs = _unit_pairs(rule)
    for facts in base.by_sentence.values():
        stated = _pairs_in(facts, pairs)
        rates = [f for f in facts if f.unit == "%" and not f.comparator] if stated else None
        if not rates:
            continue
        money = [f for f in facts if f.is_money and f.measure != "变动额" and not f.comparator
                 and not any(w in f.label for w in rule.params["per_unit_words"])]
        for small_unit, big_unit, words in stated:
            for small in (f for f in money if f.unit == small_unit and f.value > 0):
                peer = next((p for p in money if p.unit == big_unit and p.value > 0
                             and any(r.at > max(p.at, small.at) and _digits_rate(r, small, p) for r in rates)), None)
                if peer is not None:
                    yield Hit(quote=base.span(min(small, peer, key=lambda f: f.at), max(small, peer, key=lambda f: f.at)),
                              location=small.loc, stated=small.text, expected=f"{small.value}{big_unit}",
                              formula=f"比率按 {small.text} 与 {peer.text} 的数字成立，按所写单位相差{words['scale']}",
                              fields={"peer": small.text, "other": peer.text, "where": "同句", **words})


def _digits_rate(rate, a, b) -> bool:
    """The rate is one figure's digits over the other's, either way, within its printed precision."""
    lo, hi = rate.interval()
    return any(lo <= x / y * 100 <= hi or abs(x / y * 100 - rate.value) <= rate.half_unit + Decimal("0.005")
               for x, y in ((a.value, b.value), (b.value, a.value)) if y)


def _may_transition(text: str) -> bool:
    """Whether TRANSITION_RE can match the text once its digits are normalised: it needs 由 or 从
    and a % (full-width ％ before normalising) or ‰. Most sentences have neither."""
    return ("由" in text or "从" in text) and ("%" in text or "％" in text or "‰" in text)


def _check_rate_unit(doc, rule):
    seen: dict[tuple, list] = {}
    for text, source in document_texts(doc, cell_filter=lambda t: "%" in t or "‰" in t):
        if not _may_transition(text):
            continue
        for m in TRANSITION_RE.finditer(normalize_digits(text)):
            if m.group(2) != m.group(4):
                continue
            key = (Decimal(m.group(1)), Decimal(m.group(3)))
            seen.setdefault(key, []).append((m.group(2), source.loc, text[m.start():m.end()]))
    for key, mentions in seen.items():
        units = {u for u, _, _ in mentions}
        if len(units) < 2:
            continue
        majority = max(units, key=lambda u: sum(1 for x, _, _ in mentions if x == u))
        for unit, loc, text in mentions:
            if unit == majority:
                continue
            other = next(t for u, _, t in mentions if u == majority)
            yield Hit(quote=text, location=loc, stated=text, expected=other,
                      formula=f"同一费率变化在文中 {sum(1 for u, _, _ in mentions if u == majority)} 处写作"
                              f"“{majority}”，此处写作“{unit}”，相差 10 倍",
                      fields={"peer": text, "other": other, "where": "文中", "slip": "单位笔误"})


def _check_bracket_restatement(doc, rule):
    """An amount restated right after it in brackets in another unit (128,600.00元（12.86万元）,
    53,200人次（5.32万人次）): the two are one figure once converted, each standing for its
    printed interval."""
    base = fact_base(doc)
    words = rule.params["restating_words"]
    pairs = [(first, second) for facts in base.by_sentence.values() for first, second in zip(facts, facts[1:])]
    # (the brackets the reader read as restating the amount before them, set apart from the sentence's facts)
    pairs += [(first, base.facts[id_]) for id_, first in base.restating.items()]
    for first, second in sorted(pairs, key=lambda pair: pair[1].id):
        if first.comparator or second.comparator or first.unit == second.unit or not first.unit:
            continue
        scale = _scale(first.unit, second.unit)
        text = base.sentences.get((first.block, first.sentence), "")
        between = text[first.at + len(first.text):second.at].strip()
        if scale is None or not (between.startswith(("（", "(")) and between[1:].strip() in words) \
                or not text[second.at + len(second.text):].lstrip().startswith(("）", ")")):
            continue
        yield CHECKED
        lo, hi = (v * scale for v in first.interval())
        s_lo, s_hi = second.interval()
        # a round first figure (近100万人次（976,420人次）): the bracket's is the exact one, within
        # as far off as a round figure may be (agreement.hedge_spread), below it after 近, above
        # it after 超过, either after 约
        side = round_hedge(first, any_digits=True)
        if side:
            spread, value = hedge_spread(first) * scale, first.value * scale
            lo = value if side == "above" else value - spread
            hi = value if side == "below" else value + spread
        if s_lo <= hi and lo <= s_hi:
            continue
        shown = fmt(first.value * scale / 1, max(second.places, 2)) if second.places else fmt(first.value * scale, 0)
        yield Hit(quote=base.span(first, second), location=second.loc, stated=second.text,
                  expected=f"{shown}{second.unit}",
                  formula=f"{first.text} = {shown}{second.unit}，括号内写作 {second.text}",
                  fields={"peer": second.text, "other": first.text, "where": "括号内", "slip": "换算不符"},
                  highlights=[first.loc])


# a figure of money beside its amount in financial capitals: a currency sign, the digits, a unit
CAPITAL_PEER = r"(?P<sign>[¥￥])?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s*(?P<unit>万元|元)?"
CAPITAL_CHAR_RE = re.compile(f"[{CAPITAL_DIGITS}]")


@lru_cache(maxsize=4)
def _capital_peer_res(labels: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """(after, before): a bracket right after an amount in capitals holding its figure
    (壹佰贰拾万元整（¥1,200,000.00）), and a figure right before a bracket the amount in capitals
    stands in (¥1,200,000.00（大写：壹佰贰拾万元整）; the text before the capitals, to its end)."""
    label = f"(?:(?:{alternatives(labels)})\\s*[：:]?\\s*)*"
    return (re.compile(f"\\s*[（(]\\s*{label}{CAPITAL_PEER}\\s*[）)]"),
            re.compile(f"(?<![\\d.,]){CAPITAL_PEER}\\s*[（(]\\s*{label}$"))


def _check_capital_restatement(doc, rule):
    """An amount in financial capitals with its figure in brackets right after it, or the other
    way round (人民币壹佰贰拾万元整（¥1,200,000.00）, 1,200,000.00元（大写：壹佰贰拾万元整）): the two
    are one amount, the capitals exact to the 分, the figure standing for its printed interval."""
    after_re, before_re = _capital_peer_res(tuple(rule.params["capital_labels"]))
    for text, source in document_texts(doc):
        if not CAPITAL_CHAR_RE.search(text):
            continue  # (most texts: no capitals, no search for their amounts)
        plain = normalize_digits(text)
        for capital in CAPITAL_AMOUNT_RE.finditer(plain):
            amount = capital_amount(capital)
            if amount is None:
                continue
            figure = after_re.match(plain, capital.end())
            if figure is None:
                figure = before_re.search(plain, max(0, capital.start() - CAPITAL_REACH), capital.start())
                if figure is None or not CLOSING_BRACKET_RE.match(plain, capital.end()):
                    continue
            yield CHECKED
            hit = _capital_mismatch(text, source, capital, amount, figure)
            if hit is not None:
                yield hit


CAPITAL_REACH = 40  # characters from a figure to the amount in capitals in the bracket after it


def _capital_mismatch(text: str, source, capital: re.Match, amount: Decimal, figure: re.Match) -> Hit | None:
    """The finding when the figure's interval does not hold the amount in capitals, else None."""
    scale = MONEY_UNITS[figure.group("unit") or "元"]
    value = Decimal(figure.group("num").replace(",", ""))
    places = len(figure.group("num").partition(".")[2])
    low, high = ((value - half_unit(places)) * scale, (value + half_unit(places)) * scale)
    if low <= amount <= high:
        return None
    start = figure.start("sign") if figure.group("sign") else figure.start("num")
    end = figure.end("unit") if figure.group("unit") else figure.end("num")
    written = text[start:end]
    words = text[capital.start():capital.end()]
    first, second = (words, written) if start > capital.start() else (written, words)
    if second == written:
        shown = f"{figure.group('sign') or ''}{fmt(amount / scale, places, figure.group('num'))}{figure.group('unit') or ''}"
        formula = f"{words} = {shown}，括号内写作 {written}"
    else:
        shown = f"{fmt(value * scale, 2, ',')}元"
        formula = f"{written} = {shown}，括号内的 {words} 为 {fmt(amount, 2, ',')}元"
    # (the quote: both, and the bracket closing after the second)
    close = CLOSING_BRACKET_RE.match(text, max(capital.end(), end))
    quote = text[min(capital.start(), start):close.end() if close else max(capital.end(), end)].strip()
    return Hit(quote=quote, location=source.loc, stated=second, expected=shown,
               formula=formula, fields={"peer": second, "other": first, "where": "括号内", "slip": "大写金额与小写不符"})


def _scale(unit: str, other: str) -> Decimal | None:
    """What a figure in `unit` is multiplied by to read in `other` (元 → 万元: 0.0001; 人次 → 万人次),
    or None when the two units measure different things."""
    if unit in MONEY_UNITS and other in MONEY_UNITS:
        return MONEY_UNITS[unit] / MONEY_UNITS[other]
    if other[:1] in CN_BIG_UNITS and other[1:] == unit:
        return 1 / Decimal(CN_BIG_UNITS[other[:1]])
    if unit[:1] in CN_BIG_UNITS and unit[1:] == other:
        return Decimal(CN_BIG_UNITS[unit[:1]])
    return None


def _check_bracket_restatements(doc, rule):
    """A figure restated in brackets in another unit, or an amount in capitals and its figure."""
    yield from _check_bracket_restatement(doc, rule)
    yield from _check_capital_restatement(doc, rule)


CHECKS = {"peer_magnitude": _check_peer_magnitude, "rate_unit": _check_rate_unit,
          "bracket_restatement": _check_bracket_restatements}
