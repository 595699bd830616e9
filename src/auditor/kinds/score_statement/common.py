"""What several checks of kind `score_statement` read: the vocabulary of category score lists
(concepts.yaml `score_lists`), the categories words name, the self-evaluation totals the text
states, how many brackets are open, the words naming the points a score is out of, and the words
saying a score is the item's just told of (该项, 本项)."""
from __future__ import annotations

from ...facts.base import Fact, FactBase
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ..base import sentence_figures


def score_lists() -> dict:
    """The vocabulary of category score lists (rules/concepts.yaml `score_lists`)."""
    lists = concepts().get("score_lists") or {}
    return {key: lists.get(key) or ({} if key == "categories" else [])
            for key in ("categories", "complete_sets", "optional", "category_classifiers", "total_points_words",
                        "list_closing_words", "possible_points_words", "rule_after_words",
                        "list_openers", "deduction_words", "respectively",
                        "method_nouns", "method_openers",
                        "scored_words", "weight_cues", "percent_weight_words")}


def category_word_pairs(params: dict) -> list[tuple[str, str]]:
    """(word, category), the longest words first."""
    return sorted(((w, name) for name, ws in params["categories"].items() for w in ws), key=lambda t: -len(t[0]))


def text_totals(base: FactBase, params: dict) -> list[Fact]:
    """The self-evaluation totals stated in the text, by their own words (a part's 得分 may carry
    the concept over)."""
    lex = lexicon()
    # (or by a total's word closing the categories' points: 决策15分，…，合计78分; see the fact reader)
    sums = set((concepts().get("score_total_rows") or {}).get(params["score_concept"]) or ())
    return [f for f in sentence_figures(base, "得分") if f.unit == "分"
            and not f.comparator and f.concept == params["score_concept"]
            and (lex.concepts.last(compact(f.label)) == params["score_concept"]
                 or compact(f.label).strip("，,；;：:、为是共") in sums)]


def bracket_depth(depth: int, text: str) -> int:
    """How many brackets are open after `text`."""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth


def categories_in(text: str, words) -> list[str]:
    """The categories the words name, in the order they stand (the longest word at a place)."""
    found = []
    for word, name in words:  # longest first
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, name))
            start = text.find(word, end)
    return [name for _, _, name in sorted(found)]


WEIGHT_WORDS = ("分值", "权重", "满分")  # words naming the points a score is out of

SCORED_REACH = 6  # the characters before a score that say it is scored (该项得, 得分为)


def applies_to_item(words: str, applying: list[str]) -> bool:
    """The words name the item just told of (按此, 该项, 本项), not the project (本项目, 该项目)."""
    return any(w in words and not words[words.find(w) + len(w):].startswith("目") for w in applying)
