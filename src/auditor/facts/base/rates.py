"""A figure in per cent read as a rate or a share, and the concept a phrase names."""

from __future__ import annotations

import re

from ...knowledge import compact
from .model import CURRENT, FORECAST, LATER, BUDGET_MEASURES, ADJUSTMENT, Fact
from .heads import names_forecast
from .labels import HOLDING_TAIL_RE
from .words import CLASS_LEVEL_RE, change_sign, BRACKETED_RE, blank, names_nothing, kind_total


def _starts(text: str, words) -> list[int]:
    """Where each of the words starts in the text (first place of each)."""
    return [k for k in (text.find(w) for w in words) if k >= 0]


PROJECTS_RATE_RE = re.compile(r"项目(?:支出)?(?:预算)?(?:资金)?执行率")  # the rate of projects, not of the unit

# a name right before a word that may close it (文物保护修缮 before 项目支出): four or more
# characters of words, after the vocabulary's own words are taken out
NAMED_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{4,}$")
# the words between a row's name and its execution rate (…项目的预算执行率, 中央资金2025年度执行率)
RATE_ROW_GAP = r"(?:项目)?(?:(?:\d{4}|上|本|当|全)年度?|年度)?的?(?:预算)?(?:资金)?"
RATE_WORD_RE = re.compile(r"执行率(?!.*执行率)")  # the rate's word, its last mention before the figure
HAN_END_RE = re.compile(r"[\u4e00-\u9fff]$")
PERIOD_END_RE = re.compile(r"(?:\d{4}年度?|全年|本年度?|当年|年度)$")
ROW_NAME_CHARS = 4  # …and a table row's label so long at least names that row (not a two-character 其他)


class RateReading:
    """FactReader's reading of a rate and of the concept a phrase names."""

    def _closes_joined_list(self, last: Fact | None) -> bool:
        """The amount is the last of two parts or more a 其中 list right after their whole joins by
        、 (和, 及) in its sentence (…3,284.42万元，其中基本支出…、项目支出…)."""
        if last is None:
            return False
        facts, text = self.base.facts, self.base.sentences.get((last.block, last.sentence), "")

        def alike(f: Fact) -> bool:
            return (f.block, f.sentence) == (last.block, last.sentence) and f.is_money

        k = last.id  # (back over the parts joined to the one after them)
        while k >= 2 and alike(facts[k - 1]) \
                and self.lex.list_join.match(text[facts[k - 1].at + len(facts[k - 1].text):facts[k].at].strip()):
            k -= 1
        if k == last.id or k < 1 or not alike(facts[k - 1]):
            return False
        whole = facts[k - 1]
        return self.lex.list_opener.match(text[whole.at + len(whole.text):facts[k].at].lstrip("，,：: ")) is not None

    def _rate(self, phrase, concept, carried, last_money, out) -> dict:
        embedded = self._embedded_share(phrase, last_money)
        if embedded is not None:
            return dict(out, **embedded)
        if self.reached.search(phrase):
            reached = dict(out, concept=concept or carried, measure="实际值")  # (下降到39.91%: a level)
            self._carry_row(reached)  # (中央资金执行率由2024年的95.20%提升至97.00%: that row's level)
            return reached
        worded = self.lex.measures.last(phrase)
        if worded in ("目标值", "实际值") or (worded == "决算" and phrase.endswith(("实际完成", "实际完成了"))):
            # an indicator's rate stated as its target or as what it reached (覆盖率目标值60%，实际
            # 完成63.6%): a value of the indicator, no completion of a budget
            # (the indicator named here, or none: not the concept of an earlier sentence, 自评得分)
            # (the paragraph's run-in indicator label, 建档率：目标值≥90%，实际完成92%: that one's)
            named = concept if concept and concept not in self.money else \
                carried if carried and carried == self.lead and carried not in self.money else None
            return dict(out, concept=named, measure="目标值" if worded == "目标值" else "实际值")
        kind = self.lex.rate_measures.last(phrase)
        within = self.lex.share_within.search(phrase) if kind == "占比" else None
        if kind is None and self.lex.comparative and self.lex.comparative.search(phrase):
            kind = "变动率"  # (比上年少9.98%: 多 / 少 after a period compared with say a change, as 减少 does)
        after = (within.group("of") if within else phrase[phrase.rfind("占") + 1:]) if kind == "占比" else None
        if kind is None:
            copula = self.lex.share_of.search(phrase)
            of = copula.group("of") if copula else ""
            if of and (self._concept(of, last=False) or self.lex.measures.last(of) in BUDGET_MEASURES):
                kind, after = "占比", of  # “为全年预算的92.50%”, “为基本支出的64.20%”: as 占 reads
        if kind == "占比":
            base = self._concept(after, last=False)
            if base is not None and self._qualified_whole(after):
                # (占预留给中小企业的政府采购项目预算总额的: a whole narrower than the kind it names,
                # left to the words it is named in)
                return self._share(out, phrase, within, last_money, carried, None)
            # (预算 inside a fund's name before the kind of money, 占政府性基金预算支出的, names no
            # budget; 占年初政府性基金预算的 names that fund's budget)
            budget = self.lex.measures.last(self._fund_money_blanked(after)) if base is None else None
            # (in a project's report its 实际支出 is the project's, no unit's total)
            whole = kind_total(after, self.self_words) if base is None and self.doc.meta.get("report_type") != self.project_report \
                else None
            if whole and (budget not in BUDGET_MEASURES or self.base.plan):
                # “占部门实际支出的11.25%”, a plan's “占支出预算的86.90%”: the whole of that kind
                # of money (in a plan every amount is a budget: a share of the budget, no rate of
                # spending it)
                base, budget = whole, None
            if budget in BUDGET_MEASURES:
                subject = phrase[:len(phrase) - len(after)]
                if self.lex.measures.last(subject) == ADJUSTMENT or (
                        last_money is not None and last_money.measure == ADJUSTMENT and not last_money.implicit
                        and self.lex.measures.last(subject) != "决算"):
                    # “年中追加预算300.00万元，占年初预算的25.00%”, “…，追加预算占全年预算的20.00%”: a
                    # change to the budget over the budget is a share of it, no rate of spending it
                    return self._share(out, phrase, within, last_money, carried, None)
                if last_money is not None and last_money.measure in BUDGET_MEASURES \
                        and self.lex.measures.last(subject) != "决算":
                    if self._whole_budget_before(last_money):
                        # “全年预算数52.00万元，其中：财政拨款45.00万元，占全年预算数的86.54%”: a
                        # part's share of the whole budget the sentence states
                        return self._share(out, phrase, within, last_money, carried, None)
                    # “基本支出预算2,000.00万元，占全年预算的64.10%”: a budget's share of the
                    # budget, which no amount here is stated as the whole of (unless the clause
                    # names the spending its subject: 较年初预算…增加…，决算数为年初预算的104.64%)
                    return dict(out, concept=None, measure="实际值")
                # “支出352.18万元，占全年预算的91.12%”: a share of the budget is how much of it was spent
                # (a bare 预算, “为预算的92.24%”, names no budget: either, as after 完成; see DRV002)
                if budget == "全年预算" and compact(after).rstrip("的数") in ("预算", "当年预算", "本年预算"):
                    budget = "预算"
                # (一般公共预算支出累计完成87.15亿元，占调整预算的99.6%: the outturn of a whole right
                # before, as 为…的 reads; 教育支出…占调整预算的19.0% is a part's share of the budget)
                spent = last_money.concept if last_money is not None and last_money.measure == "决算" \
                    and last_money.concept in self.whole_totals else None
                return dict(out, concept=concept or carried or spent, measure="完成率", base=budget)
            return self._share(out, phrase, within, last_money, carried, base)
        if kind == "完成率" and "完成率" not in phrase and last_money is not None and self.base.facts \
                and self.base.facts[-1] is last_money and self._completed_whole(phrase):
            # “累计完成投资的72.50%”, “完成计划投资的”: a share of the whole the words name, which is
            # no budget (DRV001 finds the amount so named)
            return self._share(out, phrase, None, last_money, carried, None)
        if kind == "完成率" and "完成率" not in phrase:
            # “完成年初预算的”, “完成全年（调整）预算的”; a bare “完成预算的” names no budget ("预算":
            # the full-year one where one is stated, else the initial one; see DRV002)
            base = "年初预算" if "年初" in phrase else "全年预算" if any(w in phrase for w in self.full_year_words) \
                else "预算"
            if carried not in self.money:
                # (…执行率95.26%，完成年初预算的105.18%: a budget's completion is the money spent's,
                # not the rate's named before it)
                carried = self._whole_spent_before(last_money)
            return dict(out, concept=concept or carried, measure="完成率", base=base)
        if kind == "变动率":
            # (比上年增长: this year's change, 上年 naming its base; a later year's, 预计2026年…增长4%, a plan's)
            return dict(out, concept=concept or carried, measure="变动率", sign=change_sign(phrase, self.lex),
                        period=LATER if out["period"] == LATER else CURRENT)
        if kind == "执行率" or concept == "预算执行率":
            row = self._rate_row_named()
            if row is not None:
                # (慢性病管理子项目执行率为82.39% beside the table's row 慢性病管理子项目 | … | 84.39%: that
                # row's rate, a part's or a listed project's, as the row states it)
                subject, member = row
                measure = FORECAST if names_forecast(compact(phrase), self.lex) else "实际值"
                return dict(out, concept="预算执行率", measure=measure, member=member,
                            **({"subject": subject} if subject else {}))
            if self._rate_row_said_before(phrase) and (last_money is None or (last_money.block, last_money.sentence)
                                                       != self.sentence_key):
                # (慢性病管理子项目上年执行率为80.00%，本年执行率为84.39%; A、B执行率分别为…: the rate of a row
                # the sentence named before, or of rows listed, no statement of the unit's rate; not
                # a rate after amounts, 农村供水保障：安排资金…，实际支出…，执行率…, those amounts')
                return dict(out, concept=None, measure="实际值")
        if kind == "执行率" and concept not in (None, "预算执行率") and concept not in self.money:
            return dict(out, concept=concept, measure="实际值")  # a row's own 政府采购执行率
        if kind == "执行率" and concept is None and any(
                self._other_named_before(phrase, k) for k in _starts(phrase, self.bare_names)):
            return dict(out, concept=None, measure="实际值")  # another thing's execution rate
        if kind == "完成率" and concept is None and last_money is not None and last_money.measure == "决算" \
                and not last_money.implicit and self._money_rate(phrase[:phrase.rfind("完成率")]):
            # “预算资金560.00万元，实际执行515.20万元，资金完成率为92.00%”: a completion rate of money
            # right after what was spent is how much of the budget was spent, whatever it is called
            kind = "执行率"
        if kind == "执行率" or (concept == "预算执行率"):
            # the execution rate of the amounts before it: of a part (基本支出…实际支出…，执行率
            # 100.00%) it is that part's, a member of the unit's rate
            part = last_money.concept if last_money is not None else None
            if part is None and self.clause_owner and self._bare_rate(phrase):
                # “基本支出全年预算…、执行…，执行率99.38%”: the rate of the thing the clause is about
                owner_concept, owner_phrase = self.clause_owner
                part = owner_concept or self.lex.filler.sub("", blank(blank(
                    owner_phrase, self.lex.measures), self.lex.directions)).replace(" ", "") or None
            # (not a table column's total thing, 1-6月支出 of its 合计 row: the whole the table sums)
            member = part if part and part not in self.unit_totals and part not in self.column_total_of else ""
            named = self._part_named_before_rate(phrase)
            if named:
                member = named  # (其中基本支出执行率99.20%: that part's rate, whatever amount came last)
            elif member and any(w in phrase for w in self.whole_rate_words):
                member = ""  # (…项目支出1,892.11万元，整体预算执行率为96.43%: the whole's rate, its words say)
            elif member and self._closes_joined_list(last_money):
                member = ""  # (…，其中基本支出1,248.96万元、项目支出2,035.46万元，预算执行率为98.02%: the
                # whole's, after its parts listed in one breath; not 其中项目支出…，执行率…: the item's own)
            if self.singling_words and any(w in phrase for w in self.singling_words):
                return dict(out, concept=None, measure="实际值")  # (执行率最低的是某某项目，为64.26%: that item's)
            projects_rate = PROJECTS_RATE_RE.search(phrase)
            row = self._row_label_before(phrase, projects_rate.start()) if projects_rate else None
            if row is not None and len(row) >= ROW_NAME_CHARS:
                # (公厕建设改造项目执行率83.78% beside a table's row 公厕建设改造: that project's rate, the row's)
                return dict(out, concept=self.row_labels.get(row), measure="实际值")
            if not member and projects_rate and not any(c in phrase for c in self.own_cues) \
                    and not (self._forms_name_subjects() and any(name in compact(phrase) for name in self.form_projects)):
                # 项目预算执行率, 重点项目…执行率: the projects' rate, not the unit's (本项目, 该项目
                # 预算执行率 is the report's own project's, as its form states it; so is one a form
                # names, 养老服务补贴项目预算执行率, that project's own)
                member = "项目支出"
            # (预计全年预算执行率98.00%: a forecast, no rate achieved)
            measure = FORECAST if names_forecast(compact(phrase), self.lex) else "实际值"
            return dict(out, concept="预算执行率", measure=measure, member=member)
        return dict(out, concept=concept, measure="实际值")

    def _whole_spent_before(self, last_money) -> str | None:
        """The concept of the whole amount spent its sentence states before a rate (全年支出3,105.48
        万元，其中基本支出1,000.00万元，…，完成年初预算的…: 本年支出, not the part after 其中)."""
        if last_money is None:
            return None
        key = (last_money.block, last_money.sentence)
        for f in reversed(self.base.facts):
            if (f.block, f.sentence) != key:
                return None
            if f.is_money and f.measure == "决算" and f.concept in self.whole_totals:
                return f.concept
        return None

    def _concept(self, phrase: str, last: bool, after: int = 0) -> str | None:
        """The concept a phrase names: vocabulary first, then the document's own row labels.
        With `after`, only a name reaching past that offset counts. Phrases repeat (每项 …, 其中
        …): each is read once per document (the row labels are fixed by then)."""
        if after and "(" not in phrase and "（" not in phrase and not self._may_cross(phrase, after):
            # (no name may reach across `after`, read as _read_names reads it, the phrase holding
            # no bracket it would take out first: most such phrases, each new, told before any memo)
            return None
        key = (phrase, last, after)
        found = self.concept_memo.get(key, NOT_READ)
        if found is NOT_READ:
            # (a word saying the figure after it is round, 项目支出近, 基本支出超过, names nothing:
            # the name before it is the figure's)
            hedge = None if after else self.lex.approximate.search(phrase)
            found = self.concept_memo[key] = self._read_concept(phrase[:hedge.start()] if hedge else phrase, last, after)
        return found

    def _names_in(self, phrase: str, after: int) -> tuple:
        """(the phrase as read, the vocabulary's names in it, the row labels in it, both in order
        of their ends): what _read_concept reads whether it asks for the `last` name or the first,
        read once per (phrase, after) of the document."""
        key = (phrase, after)
        names = self.names_memo.get(key)
        if names is None:
            names = self.names_memo[key] = self._read_names(phrase, after)
        return names

    def _read_names(self, phrase: str, after: int) -> tuple:
        # (both patterns removed below open with a bracket: most phrases hold none, and are kept as they are)
        bracketed = "(" in phrase or "（" in phrase
        if bracketed:
            phrase = CLASS_LEVEL_RE.sub("", phrase)
        if after and not self._may_cross(phrase, after):
            return phrase, [], [], []  # (no name reaches across `after`: none counts, none is looked for)
        if not after and bracketed:
            # a bracketed definition (全年可使用资金（年初结转和结余…加本年收入）) names no thing of
            # its own; short brackets are parts of names (因公出国（境）费)
            phrase = DEFINITION_RE.sub("", phrase)
        if not after and self.self_words:
            phrase = self.self_words.sub("", phrase)  # 本年度医院收入: the unit's own 本年收入
        found = self.lex.concepts.all(phrase)
        # a table's row label names a sentence's figure only as the last noun before it
        # (“法律援助 1341.13” yes; “法律援助办案补贴经费 615.11” is another thing)
        # (a word naming what the row is, 项目 after 农村人居环境整治, may stand between)
        labels = [(start, named_end, self.row_labels[label]) for start, end, label in self.label_pattern.finditer(phrase)
                  for named_end in [end + self._label_tail(phrase, end, label)]
                  if names_nothing(phrase[named_end:], self.lex)
                  and not phrase[:start].endswith(self.excluding_words)
                  and not (label.endswith("率") and phrase[:start].endswith(self.rate_counted_by))
                  and not self._sibling_compound(phrase, start, label)]
        short_end = 2 + self._label_tail(phrase, 2, phrase[:2]) if not labels and phrase[:2] in self.short_labels else 0
        if short_end and names_nothing(phrase[short_end:], self.lex):
            # a two-character item (防汛, 林业) names a figure only as the whole phrase (防汛支出
            # 1,820.64万元; a score category's row 效益 as 效益指标得分), never inside others' words
            # (政府购买服务支出 is no 服务 row's)
            labels = [(0, short_end, self.row_labels[phrase[:2]])]
        named = found + labels
        if after:
            named = [t for t in named if t[1] > after and t[0] < after]
        both = sorted(named, key=_end_then_length)
        return phrase, found, labels, both

    def _may_cross(self, phrase: str, after: int) -> bool:
        """Whether a name may reach across `after` in the phrase: the two characters there stand
        together inside a name the vocabulary finds (a qualifier before it included) or inside a
        row label, a tail it takes included (name_pairs, label_pairs); a name across it holds
        them. Most such phrases are a clause's words before a break and the words after it (，
        then 支出…): no pair of a name, no name to look for."""
        pair = phrase[after - 1:after + 1]
        return pair in self.name_pairs or pair in self.label_pairs

    def _fund_money_blanked(self, words: str) -> str:
        """The words with each fund's name blanked where a kind of money follows it (政府性基金预算支出:
        its money, no budget), and taken out where none does, so that the measure words round it
        read as one (年初政府性基金预算: 年初预算, the fund's)."""
        for start, end, _fund in reversed(self.lex.funds.all(words)):
            name = words[start:end]
            kept = " " * len(name) if words.startswith(self.fund_money_words, end) \
                else "预算" if name.endswith("预算") else ""  # (the fund's 预算: its budget, 年初…预算 → 年初预算)
            words = words[:start] + kept + words[end:]
        return words

    def _rate_row_named(self) -> tuple[str, str] | None:
        """(subject, member) of the table row the sentence names right before the figure's execution
        rate's words (慢性病管理子项目执行率, 公厕建设改造项目的预算执行率, 中央资金执行率), a row printing a
        rate of its own (cells.py rate_rows); None where no such row is named so, where the name is
        part of a longer one (重点桥梁养护工程 for the row 桥梁养护工程) or a list's (中央和省级资金执行率:
        the two's together) or a comparison's base (比中央资金的执行率低9.00%), or the figure is no
        rate stated (执行率…分别为: the names' in turn; 执行率低9.00%: a difference).
        Two tables' rows of one name (rate_rows None) name no one row."""
        rows = self.rate_rows_re
        if rows is None:
            return None
        words = self._said_to_figure()
        found = RATE_WORD_RE.search(words)
        if found is None or not self._plainly_stated(words[found.end():]):
            return None
        named = rows.search(words, 0, found.start())
        if named is None or not self._name_opens(words[:named.start()]):
            return None
        return self.rate_rows.get(named.group("row"))

    def _said_to_figure(self) -> str:
        """The figure's sentence up to the figure, compacted."""
        return compact(self.base.sentences.get(self.sentence_key, "")[:self.figure_at])

    def _compile_rate_rows(self) -> None:
        """The patterns of the rows printing rates of their own (cells.py rate_rows), once the tables
        are read: a row's name, then the words between it and 执行率 (…项目, a year, 的, 预算, 资金), up
        to the rate's word; and the names alone (longest first: 中央资金 before a shorter row's)."""
        if not self.rate_rows:
            return
        names = "|".join(map(re.escape, sorted(self.rate_rows, key=len, reverse=True)))
        self.rate_rows_re = re.compile(f"(?P<row>{names}){RATE_ROW_GAP}$")
        self.rate_names_re = re.compile(f"(?P<row>{names})")

    def _carry_row(self, fact: dict) -> None:
        """A rate of the concept the sentence's rate before it is of takes that rate's row (its member
        and subject; see _row_carried)."""
        last = self.base.facts[-1] if self.base.facts else None
        if last is None or last.unit != "%" or last.concept != fact.get("concept"):
            return
        row = self._row_carried(last)
        if row is not None:
            fact["member"] = row[1]
            if row[0]:
                fact["subject"] = row[0]

    def _row_carried(self, last: Fact) -> tuple[str, str] | None:
        """(subject, member) a bare rate after a row's rate in its sentence takes (…子项目上年执行率为
        80.00%，本年执行率为84.39%): that row's, or the row the words since name (中央资金…97.00%，县级
        资金次之，执行率为88.00%: 县级资金's); None where neither is one row's."""
        if (last.block, last.sentence) != self.sentence_key or self.rate_names_re is None:
            return None
        since = compact(self.base.sentences.get(self.sentence_key, "")[last.at + len(last.text):self.figure_at])
        named = [m.group("row") for m in self.rate_names_re.finditer(since)]
        if named:
            return self.rate_rows.get(named[-1])
        return (last.subject, last.member) if last.member else None

    def _name_opens(self, before: str) -> bool:
        """The words before a row's name leave it whole: a break or a figure, a list's opener (其中),
        a year or the whole year (2025年, 全年), the project's own cue (该项目); not more of a name
        (重点), a list's joint (和, 、) or a comparison (比, 较)."""
        if before and self.lex.list_join.fullmatch(before[-1]):
            return False  # (中央资金、省级资金执行率: the two's together)
        if not before or not HAN_END_RE.search(before):
            return True
        return before.endswith(self.lex.list_openers) or PERIOD_END_RE.search(before) is not None \
            or before.endswith(tuple(self.own_cues))

    def _plainly_stated(self, after: str) -> bool:
        """The words from 执行率 to its figure state it (为, 是, 达到, ：), no change or gap (低, 提高,
        较…) and no list in turn (分别为)."""
        for word in self.singling_words:  # (X执行率最高，为97.00%: X's, singled out)
            after = after.replace(word, "")
        return not (self.respectively.search(after) or self.lex.directions.all(after)
                    or (self.lex.comparative and self.lex.comparative.search(after))
                    or not names_nothing(after, self.lex))

    def _rate_row_said_before(self, phrase: str) -> bool:
        """The figure's sentence names a table row printing a rate of its own before the figure,
        not joined to another (中央资金和县级资金均已足额到位，全年预算执行率…: the whole's), and the
        rate's own words name no whole (整体, 部门: concepts.yaml whole_rate_words): the rate is no
        statement of the unit's (慢性病管理子项目上年执行率…，本年执行率…; …，执行率…分别为…)."""
        if self.rate_names_re is None or any(w in phrase for w in self.whole_rate_words):
            return False
        words = self._said_to_figure()
        names = list(self.rate_names_re.finditer(words))
        if not names:
            return False
        joined = any(self.lex.list_join.fullmatch(words[a.end():b.start()]) for a, b in zip(names, names[1:]))
        return not joined or self.respectively.search(words, names[-1].end()) is not None

    def _row_label_before(self, phrase: str, at: int) -> str | None:
        """The table row label a phrase's words close on right before `at` (公厕建设改造 before 项目执行率),
        None where none does."""
        if not self.label_pattern:
            return None
        return next((label for _, end, label in self.label_pattern.finditer(phrase[:at]) if end == at), None)

    def _read_concept(self, phrase: str, last: bool, after: int) -> str | None:
        phrase, found, labels, both = self._names_in(phrase, after)
        if not both:
            return None if after else self._label_holding(phrase)
        if not last:
            return min(both)[2]
        if not after and len(both) > 1 and both[-1][2] in self.unit_totals and both[-2][1] <= both[-1][0] \
                and names_forecast(phrase[both[-2][1]:both[-1][0]], self.lex):
            # (项目支出预计全年支出: the unit's whole after a forecast word is the forecast's verb, the
            # thing forecast the name before it)
            return self._read_concept(phrase[:both[-2][1]], last, after)
        # a name followed by other nouns only qualifies them (州直政府采购及重点项目招投标组织经费
        # is no 政府采购 figure); measure words, 支出/金额, the fund paying (“三公”经费财政拨款预算)
        # and remarks in brackets may follow
        # (…均为: a word saying the figure is each name's, 收入总计和支出总计均为, names nothing)
        rest = phrase[both[-1][1]:]
        rest = rest[len(next((w for w in self.all_of_them if rest.startswith(w)), "")):]
        if not after and not names_nothing(blank(BRACKETED_RE.sub("", rest), self.lex.funds), self.lex):
            return None
        if (len(both) > 1 and phrase[both[-2][1]:both[-1][0]] in self.joins
                or phrase[:both[-1][0]].endswith(self.joins)) and self.sum_words.search(phrase, both[-1][1]):
            # 人员经费和公用经费合计, 营房维修、宣传培训、执勤业务经费合计: the sum of the things
            # listed, none of them (the names before the last may be none the vocabulary knows)
            return None
        if both[-1] in labels and both[-1] not in found and (
                phrase[:both[-1][0]].endswith(self.joins) or self._includes_part(phrase, both[-1][0], both[-1][1])):
            # (受理法律援助案件及值班律师法律帮助2,246件: the figure of both things joined; 雨量站含自动
            # 雨量站25处: of a part the row's thing includes; not the table row's own)
            return None
        # “三公经费财政拨款支出”: a concept right after another only qualifies it (a name inside
        # another, a table's row 财政拨款 inside 财政拨款支出, stands in no such chain)
        if len(both) > 2:  # (two names alone: no chain a nested one could break)
            both = [t for t in both if not any(o[0] <= t[0] and t[1] <= o[1] and o[1] - o[0] > t[1] - t[0] for o in both)]
        pick = len(both) - 1
        while pick > 0 and both[pick - 1][1] == both[pick][0]:
            pick -= 1
        start = both[pick][0]
        if phrase.startswith(self.name_heads, start) and NAMED_BEFORE_RE.search(self._unnamed(phrase[:start])):
            # 文物保护修缮项目支出: one named project's spending, not the unit's 项目支出; a table's row
            # where one is so named (公园设施维护 | … | 227.45): that row's figure
            row = self._row_label_before(phrase, start)
            return self.row_labels.get(row) if row and len(row) >= ROW_NAME_CHARS else None
        if phrase.endswith(self.other_words, 0, start):
            return None  # 其他国有资本经营预算支出: an item beside the others of that kind, not the kind
        if phrase.endswith(self.selection_words, 0, start):
            return None  # 重点项目支出: a selection of the kind's items, not the kind
        if phrase.endswith(self.narrower_words + self.narrower_kinds.get(both[pick][2], ()), 0, start) \
                or self._narrower_inside(phrase[start:both[pick][1]], both[pick][2]):
            return None  # 国内公务接待费, 科研事业收入: a part of the kind (a table's row so named too)
        if phrase[start:both[pick][1]] in self.bare_names and self._other_named_before(phrase, start):
            return None  # 政府采购执行率: another thing's rate, not the budget's
        if both[pick] in found and self._row_label_before(phrase, start) is not None:
            return None  # 第一小学公用经费: a table row's (第一小学 | 公用经费拨款) share of it, not the unit's whole
        return both[pick][2]


    def _narrower_inside(self, words: str, concept: str) -> bool:
        """A row label the phrase names (其中：教育事业收入 | 1,120.30) holding the concept's name after
        a word that narrows it (concepts.yaml narrower_words, narrower_kinds): a part of the kind,
        whatever concept the table gave the row."""
        narrow = self.narrower_words + self.narrower_kinds.get(concept, ())
        return bool(narrow) and any(c == concept and s and words.endswith(narrow, 0, s)
                                    for s, _e, c in self.lex.concepts.all(words))


NOT_READ = object()  # (a memo's miss: None is an answer)


def _end_then_length(name: tuple[int, int, str]) -> tuple[int, int]:
    """A name's (start, end, concept) ordered by where it ends, then by its length."""
    return name[1], name[1] - name[0]


def may_hold_label(phrase: str, label: str) -> bool:
    """Whether the row label may take part in reading `phrase` (a phrase as _read_names leaves it):
    found in it (its characters all the phrase's: this covers a label inside it, a two-character
    item opening it, and a sibling compound of its words and a label's tail) or holding its noun
    (see _label_holding). A phrase for which no label the document gained or lost may is read
    alike before and after (FactReader._reuse_memos)."""
    return set(label) <= set(phrase) or HOLDING_TAIL_RE.sub("", phrase) in label

DEFINITION_RE = re.compile(r"[（(][^（()）]{8,}[）)]")  # (8 characters or more: more than a name's part)
