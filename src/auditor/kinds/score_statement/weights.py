"""Checks `weights_text` and `weights_exceeded` of kind `score_statement`: the weights a sentence
lists for a complete set of first-level categories add up to the full score, and a category's
score stated in words (…分别得分9分、18分…, 效益指标合计得分32.5分) is not above the weight the
report's own lists give it."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ...facts.base import FactBase, fact_base
from ...facts.lexicon import alternatives
from ...knowledge import concepts, vocabulary_generation
from ..base import CHECKED, Hit
from .common import score_lists, category_word_pairs, categories_in


@lru_cache(maxsize=4)
def _patterns(generation: int) -> tuple[re.Pattern, re.Pattern, re.Pattern, tuple[str, ...]]:
    """(the words of a sentence setting out weights, of weights given in %, a list of points taken
    in turn, the words taking them in turn) from score_lists (`generation`: of the vocabulary read)."""
    lists = score_lists()
    respectively = tuple(lists["respectively"])
    return (re.compile(alternatives(lists["weight_cues"]) or "(?!)"),
            re.compile(alternatives(lists["percent_weight_words"]) or "(?!)"),
            re.compile(rf"(?:{alternatives(respectively) or '(?!)'})(?:为|是|得分为?|得)?\s*"
                       r"((?:\d+(?:\.\d+)?\s*(?:分|[%％])\s*[、，,和及]?\s*)+)"), respectively)
POINTS_RE = re.compile(r"\d+(?:\.\d+)?\s*分(?!值)")
CATEGORY_POINTS_RE = r"({words})(?:{classifiers})?(?:指标)?(?:权重|分值)?(?:为|占)?\s*(\d+(?:\.\d+)?)\s*分"
# the points the list makes, stated with it (满分100分): score_lists total_points_words before them
TOTAL_POINTS_RE = r"(?:{words})(?:为|是)?\s*(\d+(?:\.\d+)?)\s*分"


def check_weights_text(doc, rule):
    """“指标体系权重为：预算执行率10分，产出指标50分，效益指标30分，满意度指标20分”: the points of a
    complete set of first-level categories (score_lists complete_sets) make up the full score
    (concepts.yaml full_score). A sentence stating what was scored (得) is no list of weights."""
    default_full = Decimal(str(concepts().get("full_score", 100)))
    base = fact_base(doc)
    for key, text, listed, (start, end), stated_full, unit in _weight_lists(base):
        yield CHECKED
        # (weights in % make up 100% whatever the points a report scores out of)
        full = stated_full if stated_full is not None else HUNDRED if unit == "%" else default_full
        total = sum((v for _, v, _, _ in listed), Decimal(0))
        if total == full:
            continue
        facts = base.by_sentence.get(key)
        if not facts:
            continue
        shown, whole = _points(total, unit), _points(full, unit)
        yield Hit(quote=text[start:end], location=facts[0].loc, stated=shown, expected=whole,
                  formula=" + ".join(f"{said} {_points(v, unit)}" for _, v, said, _ in listed) + f" = {shown}",
                  fields={"total": whole, "sum": shown, "parts": "、".join(written for _, _, _, written in listed)})


HUNDRED = Decimal(100)
POINT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(分|[%％])")
NAMES_BEFORE = 40  # characters before 分别 its list of names may stand in


def _respective_points(text: str, words) -> list[tuple[list[tuple[str, Decimal]], bool, tuple[int, int], str]]:
    """(the (category, points) pairs, whether they are scores, where the names start and the
    points end, the unit: 分, or % for weights so said) of each list naming categories and then
    their points 分别 or 依次 (决策、过程、产出、效益四类指标，分值分别为10分、20分、40分、30分; 权重依次为
    10%、…; …效益指标分别得分9分、18分、42分、17.5分): the names in order, as many as the figures."""
    out = []
    weight_cues, percent_weights, respective_points, _ = _patterns(vocabulary_generation())
    for m in respective_points.finditer(text):
        before = text[max(0, m.start() - NAMES_BEFORE):m.start()]
        before = re.split(r"[。；;：:]", before)[-1]
        names = categories_in(before, words)
        found = POINT_RE.findall(m.group(1))
        units = {"%" if unit in "%％" else unit for _, unit in found}
        if len(units) != 1 or units == {"%"} and not percent_weights.search(before + text[m.start():m.start(1)]):
            continue  # (points of one unit; in % only where the words say they are weights: 权重分别为10%…)
        points = [Decimal(x) for x, _ in found]
        if len(names) >= 2 and len(names) == len(points) and len(set(names)) == len(names):
            # (the clause right before 分别 saying so first: …权重分别为20分、…，得分分别为18分、…)
            own = re.split(r"[，,]", before)[-1]
            scored = "得" in text[m.start():m.start(1)] or ("得" in own and not weight_cues.search(own)) \
                or ("得" in before and not weight_cues.search(before))
            out.append((list(zip(names, points)), scored, (m.start() - len(before), m.end(1)), units.pop()))
    return out


def _weight_lists(base: FactBase) -> list[tuple]:
    """(sentence key, text, [(category, points, the words naming it, the item as written)], (start,
    end) of the list,
    the full score stated or None) of each sentence listing the weights of a complete set of
    first-level categories, each with its points (产出指标40分) or all of them named first and their
    points after 分别 (决策、过程、产出、效益四类指标，分值分别为…); no 得 in it: scores are no
    weights. Read once per document: two rules ask (weights_text, weights_exceeded), and
    the reading takes no rule's parameters; the callers only read it."""
    return base.remember(("weight lists",), lambda: list(_read_weight_lists(base)))


def _complete_set(names: list[str], sets: list[set], optional: list[str]) -> bool:
    """Three categories or more, none twice, making one of the complete sets (optional ones besides)."""
    return len(names) >= 3 and len(set(names)) == len(names) and any(s <= set(names) <= s | set(optional) for s in sets)


def _read_weight_lists(base: FactBase):
    params = score_lists()
    words = category_word_pairs(params)
    pattern = re.compile(CATEGORY_POINTS_RE.format(words="|".join(re.escape(w) for w, _ in words),
                                                   classifiers=alternatives(params["category_classifiers"])))
    total_pattern = re.compile(TOTAL_POINTS_RE.format(words=alternatives(params["total_points_words"])))
    name_of = dict(words)
    sets = [set(x) for x in params["complete_sets"]]
    closing = tuple(params["list_closing_words"])
    weight_cues, _, _, respectively = _patterns(vocabulary_generation())

    listed_in: set = set()  # the sentences a list was read in (a run of clauses holding one is not read again)
    for key, text, weights_at, keys in _weight_sentences(base):
        if not weight_cues.search(text) or (weights_at is not None and listed_in.intersection(keys)):
            continue
        for pairs, scored, span, unit in _respective_points(text, words) \
                if any(w in text for w in respectively) else ():
            # (…权重分别为20分、20分、45分和20分，得分分别为18分…: in a sentence stating scores too,
            # the list whose words say it is not of scores)
            if weights_at is not None and scored:
                continue
            if _complete_set([name for name, _ in pairs], sets, params["optional"]):
                listed_in.add(key)
                yield key, text, [(name, points, name, f"{name}{_points(points, unit)}") for name, points in pairs], \
                    span, None, unit
        listed = [(name_of[m.group(1)], Decimal(m.group(2)), m) for m in pattern.finditer(text)
                  if weights_at is None or m.start(2) in weights_at]
        if not _complete_set([n for n, _, _ in listed], sets, params["optional"]):
            continue
        # (the list's own total right after its last item, 效益指标20分，满分100分; not one of another
        # thing's, …，其中满意度指标满分10分, nor one below an item's points)
        stated = [m for m in total_pattern.finditer(text) if m.start() >= listed[-1][2].end()
                  and text[listed[-1][2].end():m.start()].strip("，,；; ") in ("", *closing)
                  and Decimal(m.group(1)) >= max(v for _, v, _ in listed)]
        printed = len(POINTS_RE.findall(text, listed[0][2].start())) if weights_at is None \
            else sum(1 for at in weights_at if at >= listed[0][2].start())
        if printed != len(listed) + len(stated[:1]):
            continue  # a category the vocabulary does not know is listed too (管理指标10分)
        listed_in.add(key)
        yield key, text, [(name, points, m.group(1), m.group(0)) for name, points, m in listed], \
            (listed[0][2].start(), listed[-1][2].end()), Decimal(stated[0].group(1)) if stated else None, "分"


def _weight_sentences(base: FactBase):
    """(key, text, None, (key,)) of each sentence stating no score; then, for runs of clauses joined by
    ；stating scores too (产出指标分值50分，得49.61分；效益指标分值35分，得30分。), (the first key, their
    words joined, where in those words the points the fact base reads as weights stand, the run's
    keys): only those points are listed, the scores after them left out."""
    run_of, runs = base.runs()
    for key, text in base.sentences.items():
        if "得" not in text:
            yield key, text, None, (key,)
    for k in sorted({run_of[key] for key, text in base.sentences.items() if "得" in text and key in run_of}):
        run = runs[k]
        (block, first), last = run[0][0], run[-1][0][1]
        joined, weights_at = "", set()
        for index in range(first, last + 1):
            offset = len(joined)
            joined += base.sentences.get((block, index), "")
            weights_at |= {offset + f.at for f in base.by_sentence.get((block, index), ())
                           if f.unit == "分" and f.measure == "分值"}
        yield run[0][0], joined, weights_at, tuple((block, index) for index in range(first, last + 1))


# a category's score in words: 效益指标合计得分32.5分 (after a break or at the start: 社会效益得分 is
# an indicator's)
CATEGORY_SCORE_RE = r"(?:^|(?<=[，,；;：:、。（(\s]))({words})(?:指标)?(?:合计|小计|总)?(?:得分|得)(?:为)?\s*(\d+(?:\.\d+)?)\s*分"


def check_weights_exceeded(doc, rule):
    """A first-level category's score stated in words above the weight the report's own list of
    weights gives it (效益30分 … 效益指标合计得分32.5分)."""
    base = fact_base(doc)
    weights: dict[str, Decimal] = {}
    words = category_word_pairs(score_lists())
    respectively = _patterns(vocabulary_generation())[3]
    respective = [(key, pairs, scored) for key, text in base.sentences.items() if any(w in text for w in respectively)
                  for pairs, scored, _span, unit in _respective_points(text, words) if unit == "分"]
    stated = [[(name, points) for name, points, _said, _written in listed]
              for _key, _text, listed, _span, _full, unit in _weight_lists(base) if unit == "分"]
    for listed in stated + [pairs for _key, pairs, scored in respective if not scored]:
        for name, points in listed:
            if weights.setdefault(name, points) != points:
                return  # two lists disagree: another rule's finding (a weight is not known)
    if not weights:
        return
    for key, pairs, scored in respective:
        for name, score in (pairs if scored else ()):
            if name not in weights:
                continue
            yield CHECKED
            if score > weights[name]:
                text = base.sentences.get(key, "")
                facts = base.by_sentence.get(key)
                yield Hit(quote=text.strip()[:120], location=facts[0].loc if facts else doc.blocks[key[0]].loc,
                          stated=_points(score), expected=f"≤ {_points(weights[name])}",
                          formula=f"{name}的权重为 {_points(weights[name])}，得分 {_points(score)} 超过权重",
                          fields={"total": _points(weights[name]), "sum": _points(score), "parts": name})
    pattern = re.compile(CATEGORY_SCORE_RE.format(words="|".join(re.escape(w) for w, _ in words)))
    name_of = dict(words)
    for key, text in base.sentences.items():
        if "得" not in text:
            continue
        for m in pattern.finditer(text):
            name, score = name_of[m.group(1)], Decimal(m.group(2))
            if name not in weights:
                continue
            yield CHECKED
            if score <= weights[name]:
                continue
            facts = base.by_sentence.get(key)
            yield Hit(quote=m.group(0), location=facts[0].loc if facts else doc.blocks[key[0]].loc,
                      stated=_points(score), expected=f"≤ {_points(weights[name])}",
                      formula=f"{m.group(1)}的权重为 {_points(weights[name])}，得分 {_points(score)} 超过权重",
                      fields={"total": _points(weights[name]), "sum": _points(score), "parts": m.group(1)})


def _points(value: Decimal, unit: str = "分") -> str:
    """Points as a report prints them: 110分, 7.5分 (weights in %: 105%)."""
    return f"{value.normalize():f}{unit}"
