"""Sub-check `share_sum` of kind `derived`: the shares a sentence states of one whole adding up
to more than 100%."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base import Fact, FactBase
from ...facts.base.figures import part_names
from ...facts.lexicon import lexicon
from ...facts.numbers import fmt
from ...knowledge import compact, concepts, last_open_bracket
from ..base import CHECKED, Hit
from .intervals import HUNDRED
from .lookup import same_sentence, facts_before
from .wholes import opens_between
from .share import stated_shares


def check_share_sum(base: FactBase, rule):
    """Shares of one whole listed together cannot add up to more than 100%. A share after 其中
    following another (中小企业…占86.94%，其中：小微企业…占36.06%) is a share of a part of that
    part, not a sibling: it and those after it are left out."""
    groups: dict[tuple, list[Fact]] = {}
    nested: set[tuple] = set()
    openers = lexicon().list_openers
    # a list runs over clauses joined by ；: a share stated after a full stop (授予中小企业合同金额…，
    # 占政府采购支出总额的94.56%) splits the whole another way, it is no item of the list before
    run_of = {key: k for k, run in enumerate(base.clause_runs()) for key, _ in run}
    declared = {}  # whole -> the parts its declared sums name (None: no sum declared for it)
    for calc in lexicon().calculations:
        declared.setdefault(calc["total"], set()).update(part_names(calc))
    placed = set()
    seen_parts: dict[tuple, set] = {}  # group key -> (id, concept) of the parts its shares are of
    # (in the order stated: a 其中 share nests under the share stated before it)
    own_bases = tuple(rule.params["own_base_words"])
    progress = tuple(rule.params["progress_words"])
    split_whole = re.compile(rule.params["split_whole_pattern"]) if rule.params["split_whole_pattern"] else None
    for rate, part, whole in sorted([*stated_shares(base), *_bare_shares(base, own_bases, split_whole)],
                                    key=lambda t: t[0].id):
        if rate.id in placed:
            continue
        placed.add(rate.id)
        if part is not rate and _progress_share(rate, part, whole, own_bases, progress):
            continue
        parts = declared.get(whole.concept) if whole is not None else None
        if parts and part.concept and part.concept not in parts and part.concept in lexicon().concepts.canonical:
            continue  # a known thing no part of the whole's declared sum (授予中小企业合同金额 of 政府采购支出)
        # (one year's shares: 上年…占比为45.00%，本年…占比为48.00% are two wholes' shares, one each year's)
        key = (rate.block, whole.id if whole is not None else None, run_of.get((rate.block, rate.sentence)), rate.period) \
            if part is not rate else (rate.block, NAMED_PART_SHARES, rate.sentence, rate.period)  # (a share standing for its part)
        before = groups.get(key)
        if before and (key in nested or opens_between(base, before[-1], part, openers)):
            nested.add(key)
            continue
        if part is not rate and (part.id, part.concept) in seen_parts.get(key, set()) \
                or part.concept and part is not rate and part.concept in {c for _, c in seen_parts.get(key, set())}:
            continue  # (…人员经费约占81%，公用经费占19%，人员经费约占81.0%: a part's share said again, summed once)
        seen_parts.setdefault(key, set()).add((part.id, part.concept))
        groups.setdefault(key, []).append(rate)
    runs = [run for key, rates in groups.items()
            for run in (_closed_runs(rates) if key[1] == NAMED_PART_SHARES else [rates])]
    for rates in runs:
        if len(rates) < 2:
            continue
        yield CHECKED
        low = sum((r.interval()[0] for r in rates), Decimal(0))
        if low <= HUNDRED:
            continue
        total = sum((r.value for r in rates), Decimal(0))
        last = rates[-1]
        yield Hit(quote=base.passage(rates[0], last), location=last.loc,
                  stated=f"{fmt(total, max(r.places for r in rates))}%",
                  expected="≤ 100%", formula=" + ".join(r.text for r in rates) + f" = {fmt(total)}%，超过 100%",
                  fields={"rate": f"{fmt(total)}%", "computed": "≤ 100%", "relation": "同一总额下各项占比之和"},
                  highlights=[r.loc for r in rates[:-1]])


def _progress_share(rate: Fact, part: Fact, whole: Fact | None, own_bases: tuple[str, ...],
                    progress: tuple[str, ...]) -> bool:
    """A share of what was done of a plan (2025年完成投资…，占总投资的40.00%，累计完成投资…，占80.00%;
    中央资金…占60.00%；已完成投资…，占总投资的80.00%): the plan is each doing's own base, the doings
    overlap (the year's is in the cumulative) or split the whole another way than its sources do;
    no share of a split of the whole (own_base_words, progress_words)."""
    named = compact(rate.label) + (compact(whole.label) if whole is not None else "")
    if not any(w in named for w in own_bases):
        return False
    # (the doing of a part named, 中央资金已到位…，占计划的60.00%, splits the plan's doing by source:
    # summed with its siblings; 已完成投资, 累计完成投资 name the doing of the whole)
    words = compact(part.label)
    if not any(w in words for w in progress):
        return False
    for w in (*progress, *own_bases):
        words = words.replace(w, "")
    return not lexicon().concepts.all(words) and len(THING_RE.sub("", words)) < THING_CHARS


# (what is left of a doing's words once its doing and the plan are out, 投资 of 完成投资, 年 and 已:
# fewer than THING_CHARS characters of its own name no part)
THING_RE = re.compile(r"\d{4}年度?|[已年度的其中，,：:]")
THING_CHARS = 3

NAMED_PART_SHARES = "named parts"  # the key of a sentence's shares standing for the parts they name


def _closed_runs(rates: list[Fact]) -> list[list[Fact]]:
    """A sentence's shares standing for their parts, in runs each closed by a residual part
    (…，其他占3.27%；中、低收入占96.84%，高收入占3.16%: one partition, then another left open): only
    a closed run is a whole split complete; the shares after the last closing are not summed."""
    residual = tuple(concepts().get("residual_words") or ())
    runs, run = [], []
    for rate in rates:
        run.append(rate)
        named = SHARE_NAMED_PART_RE.search(compact(rate.label).strip("，,；;、：:"))
        if named and named.group(1).startswith(residual):
            runs.append(run)
            run = []
    return runs


def _bare_shares(base: FactBase, own_bases: tuple[str, ...], split_whole: re.Pattern | None = None
                 ) -> list[tuple[Fact, Fact, None]]:
    """(rate, part, None) for shares that name no whole (社会保障和就业支出142.18万元，占4.37%；…):
    listed together, they are shares of one whole the text leaves unsaid, whatever it is. A share
    of a base each thing has of its own (一般债务余额…，占限额的94.06%；专项债务余额…，占限额的
    94.78%: own_base_words) is each part's, no share of one whole."""
    out = []
    for rate in base.facts:
        if rate.measure != "占比" or rate.source != "text" or rate.comparator or rate.unit != "%" \
                or rate.base is not None:
            continue
        words = compact(rate.label).strip("，,；;、：:")
        if any(w in words for w in own_bases):
            continue
        before = facts_before(same_sentence(base, rate), rate)
        part = before[-1] if before else None
        if _names_no_whole(words):
            if part is not None and part.is_money and part.measure != "变动额":
                out.append((rate, part, None))
        elif part is None or part.measure == "占比":
            # (缴存职工中，国家机关和事业单位占21.46%，国有企业占18.30%，…: the part named right before
            # its 占 and no amount, in a sentence opening on the whole they split: the share stands
            # for its part, grouped within its sentence. Without that opening the shares may be of
            # several wholes: 女性占55%，党员占40%，本科以上占80%)
            named = SHARE_NAMED_PART_RE.search(words)
            sentence = base.sentences.get((rate.block, rate.sentence), "")
            if named and not lexicon().measures.all(named.group(1)) \
                    and split_whole is not None and split_whole.search(sentence, 0, max(sentence.find("占"), 0)) \
                    and last_open_bracket(sentence, 0, rate.at) is None:
                # (a share in brackets after another, 住房消费提取占79.52%（购买…占21.34%…）, splits that part)
                out.append((rate, rate, None))
    return out


# a share's words ending on its part's name and 占 (…，国有企业占): the part, after the clause's break
SHARE_NAMED_PART_RE = re.compile(r"(?:^|[，,；;、：:])([^，,；;、：:\d%]{2,16})占$")


def _names_no_whole(words: str) -> bool:
    """A share's words name no thing it is of: 占, 占比, or 占 a few words of no concept (占执行数的:
    a measure of the whole the list is about, 执行数中，…)."""
    if words in BARE_SHARE_WORDS:
        return True
    return words.startswith("占") and len(words) <= 8 and not lexicon().concepts.all(words)


BARE_SHARE_WORDS = frozenset({"占", "占比", "占比为", "比重", "比重为", "占比重"})
