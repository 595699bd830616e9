"""Row labels named in running text: their heads and tails, the things a join word sets side by side."""

from __future__ import annotations

import re

from ...knowledge import compact, concepts
from .words import CLASS_LEVEL_RE, CLAUSE_BREAK_RE, blank, names_nothing


# the characters ending a row label that name what it counts: most such words are two characters
# (培训, 检查, 养护, 改造); a phrase missing them counts another thing (see _indicator_like)
LABEL_HEAD = 2
# the characters of words a figure's phrase may hold before a row's tail and still name it by the
# tail alone (实现利润收入, 全年利润收入; see _sibling_opening)
SIBLING_LEAD_CHARS = 2

# (each written as one word then any more, X(?:X)*, not (?:X)+: a pattern opening with a repeat has
# no first-character set, and the regex engine then tries every position of a phrase; : and ： are
# written as words for the same reason, a class opening an alternative leaving the set out)
INDICATOR_FILLER_RE = re.compile(r"(?:为|是|达到?|约|共|了|累计|全年|:|：)(?:为|是|达到?|约|共|了|累计|全年|[:：])*")  # see _indicator_like
LABEL_UNIT_RE = re.compile(r"[（(][^（）()]{1,8}[）)]$")  # a row label's unit in brackets (（公里）)
HOLDING_TAIL_RE = re.compile(r"(?:为|是|达到?|约|共|了|:|：)(?:为|是|达到?|约|共|了|[:：])*$")  # see _label_holding


class LabelReading:
    """FactReader's reading of row labels in running text."""

    def _label_tail(self, phrase: str, end: int, label: str) -> int:
        """The length of a word naming the kind of row right after a row label in a phrase (项目
        after 农村人居环境整治): only after a name of the report's own, not one of the vocabulary's
        (一般公共预算项目支出 is the fund's project spending, not the row 一般公共预算)."""
        tail = next((w for w in self.row_label_tails if phrase.startswith(w, end)), "")
        if tail and (self.lex.concepts.all(label) or self.lex.funds.all(label)):
            return 0
        if not tail:
            tail = next((w for w in self._thing_tails(label) if phrase.startswith(w, end)), "")
        return len(tail)

    def _thing_tails(self, label: str) -> list[str]:
        """The words after a row label naming the thing of a money column its row has a figure in
        (see _read_thing_tails), longest first."""
        return self.label_tails.get(self.row_labels.get(label, label), [])

    def _read_thing_tails(self) -> dict[str, list[str]]:
        """row label -> the words after it naming the thing of a money column its row has a figure
        in, after a verb of the vocabulary's or none (补助资金, 获得资金: concepts.yaml row_label_verbs),
        longest first; read once, when the tables are. The thing's last word (资金 of 补助资金:
        concepts.yaml thing_last_words) alone only where the row's money columns name one thing
        (补助资金 | 配套资金: 获得资金 is either)."""
        tails = {}
        for label, things in self.label_things.items():
            words = set(things)
            if len(things) == 1:
                words |= {w for thing in things for w in self.thing_last_words if thing.endswith(w) and thing != w}
            tails[label] = sorted({verb + word for word in words for verb in self.row_label_verbs
                                   if verb or word in things}, key=lambda w: (-len(w), w))
        return tails

    def _sibling_opening(self, concept: str | None, phrase: str, text: str) -> str | None:
        """The row a sentence's first clause names by its own head when the figure's phrase, in a
        later clause, names only the tail that row shares with its siblings (建筑施工企业受行业下行
        影响，利润收入812万元 beside the rows 商贸企业利润收入, 建筑施工企业利润收入, 利润收入小计):
        that row's figure, not the subtotal's nor another sibling's. None where no one row is so named."""
        if not concept or self.row_labels.get(concept) != concept or not self.label_pattern:
            return None
        found = [(start, key) for start, _end, key in self.label_pattern.finditer(phrase) if self.row_labels[key] == concept]
        if not found:
            return None
        start, named = found[-1]
        first = compact(CLAUSE_BREAK_RE.split(text, 1)[0])
        # (the figure's own clause opens the sentence, or names more than the tail: 全市国有企业利润收入)
        if len(first) >= len(text) or len(self._unnamed(phrase[:start])) > SIBLING_LEAD_CHARS:
            return None
        # (the clause opens on the row's head and says what befell it, 建筑施工企业受…影响 (concepts.yaml
        # subject_cause_words): its subject; not one the head merely stands in, 能源企业带动增长, the whole's)
        causes = tuple(concepts().get("subject_cause_words") or ())
        heads = {label[:-len(named)]: label for label in self._rows_ending(named)}
        opening = {label for head, label in heads.items() if first.startswith(head) and first[len(head):].startswith(causes)}
        return next(iter(opening)) if len(opening) == 1 and concept not in opening else None

    def _rows_ending(self, tail: str) -> list[str]:
        """The table rows whose own labels end with `tail` and a head of their own before it (see
        _sibling_opening), read once per tail."""
        if tail not in self.rows_ending:
            self.rows_ending[tail] = [label for label, concept in self.row_labels.items()
                                      if label == concept and label.endswith(tail) and len(label) - len(tail) >= LABEL_HEAD]
        return self.rows_ending[tail]

    def _unnamed(self, words: str) -> str:
        """The words with the vocabulary's concepts, funds and filler taken out."""
        return self.lex.filler.sub("", blank(blank(words, self.lex.concepts), self.lex.funds)).replace(" ", "")

    def _indicator_like(self, phrase: str, unit: str, counted: str = "") -> str | None:
        """A counted figure (“检查特种设备 2529 台”) names an indicator in other words
        (“特种设备安全检查”): the one row label printed in the same unit whose characters the
        phrase holds for the most part (≥ 75%, at least 4 of them). A noun right after the figure
        (共设置4个绩效指标) names what it counts: the label must hold it."""
        noun = INDICATOR_FILLER_RE.sub("", phrase)
        if len(noun) < 4 or self._joins_things(noun):
            return None  # (too short to tell, or two things joined: their figure together)
        chars = set(noun)
        # (the characters a label shares may leave out its last word, what it counts: 社会体育指导员
        # 培训 counts trainings, 惠及社会体育指导员1,453人 the instructors, another thing)
        close = [label for label in sorted(self.label_pattern.sharing(noun))
                 if unit in self.label_units.get(label, ()) and len(label) >= 4
                 and ((len(set(core := self._label_core(label)) & chars) >= max(4, 0.75 * len(set(core)))
                       and self._label_head(label) in noun)
                      or _counted_name(label, unit) in phrase)]  # (年接待读者人次 in 全年接待读者)
        if counted:
            close = [label for label in close if counted in label]
        return self.row_labels[close[0]] if len(close) == 1 else None

    def _label_head(self, label: str) -> str:
        """The last word of a row label, what it counts (培训 of 骨干培训; 养护 of 农村公路养护里程,
        past the words of its measure, concepts.yaml label_measure_tails, and its unit in brackets)."""
        return self._label_core(label)[-LABEL_HEAD:]

    def _label_core(self, label: str) -> str:
        """A row label without its unit in brackets and the word of its measure (新建排水管网 of
        新建排水管网长度（公里）): the characters a phrase naming its thing shares. Read once per label
        (every counted figure's phrase asks of the labels near it)."""
        cores = self.__dict__.setdefault("_label_cores", {})
        if label not in cores:
            core = LABEL_UNIT_RE.sub("", label)
            tail = next((t for t in self.label_measure_tails if core.endswith(t) and len(core) > len(t) + LABEL_HEAD), "")
            cores[label] = core[:len(core) - len(tail)] if tail else core
        return cores[label]

    def _last_row_label(self, label: str) -> str | None:
        if not self.label_pattern:
            return None
        bare = CLASS_LEVEL_RE.sub("", label)
        found = [label for _, end, label in self.label_pattern.finditer(bare) if names_nothing(bare[end:], self.lex)]
        return self.row_labels[found[-1]] if found else None

    def _label_holding(self, phrase: str) -> str | None:
        """A row label that holds the phrase's noun whole (“维修养护验收合格率” inside the
        indicator “工程维修养护验收合格率”), when exactly one label does."""
        noun = HOLDING_TAIL_RE.sub("", phrase)
        if len(noun) < 5:
            return None
        # (not the rest of its kind: 其他国有资本经营预算收入 holds 国有资本经营预算收入, the whole)
        holders = [w for w in self.label_pattern.holding(noun) if not self._one_conjunct(noun, w)
                   and not w[:max(w.find(noun), 0)].endswith(self.other_words)]
        return self.row_labels[holders[0]] if len(holders) == 1 else None

    def _includes_part(self, phrase: str, start: int, end: int) -> bool:
        """The label at phrase[start:end] names a part of the same thing named before it with an
        inclusion word between (雨量站含自动雨量站): the figure is the part's."""
        before = phrase[:start]
        k = before.find(phrase[start:end])
        return k >= 0 and any(w in before[k + end - start:] for w in self.inclusion_words)

    def _conjuncts(self, words: str) -> list[str]:
        """The names a join word (和, 及) sets side by side in the words, [] where it joins none: two of
        CONJUNCT_MIN characters or more (及 of 整改及时率, 参与 are no joins)."""
        for word in self.not_joins:
            words = words.replace(word, "\0" * len(word))
        if not any(j in words for j in self.joins):
            return []
        conjuncts = re.split("|".join(map(re.escape, self.joins)), words)
        return conjuncts if sum(1 for c in conjuncts if len(c) >= CONJUNCT_MIN) >= 2 else []

    def _joins_things(self, words: str) -> bool:
        """The words join two things (受理法律援助案件及值班律师法律帮助)."""
        return bool(self._conjuncts(words))

    def _one_conjunct(self, noun: str, label: str) -> bool:
        """The noun names one of the things a label joins (专项债券项目 in 争取中央预算内投资和专项
        债券项目数): a part of the indicator's count, not the indicator."""
        return any(noun in c for c in self._conjuncts(label))


CONJUNCT_MIN = 3  # the shortest thing a label's 和/及 joins (及 of 及时率 leaves 时率: no thing)


def _counted_name(label: str, unit: str) -> str:
    """An indicator's name without the words saying it is counted in its unit (年接待读者人次 ->
    年接待读者; 保教人员培训期数 -> 保教人员培训): the words a sentence states it by."""
    bare = unit[1:] if unit.startswith(("万", "千", "亿")) and len(unit) > 1 else unit
    for tail in (f"{bare}数", bare, "数量", "个数", "数"):
        if tail and label.endswith(tail) and len(label) - len(tail) >= 4:
            return label[:-len(tail)]
    return label + "\0"  # (no counted tail: never inside a phrase)
