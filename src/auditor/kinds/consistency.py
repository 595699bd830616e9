"""Kind `consistency`: one fact stated two ways in one document.

Checks (param `check`):
- indicator_actuals: the same indicator (三级指标, by name) with different actual values of
  the same unit in two score tables of the document.
- amount_descriptions: one approximate amount (逾 8 亿元以上) said to be two different things
  in different places (释放流动资金 vs 减少担保费用负担); the minority description is reported.
- role_signature: the person signing for a role (评价组组长（签字）) differs from the person
  the document names for that role (组长：…, or a 评价人员 table row).
- classification_names: a narrative item “…（类）…（款）…（项）” whose 项 no code table names,
  while the 款 is there and exactly one 项 under it prints the item's 决算 figure: the text
  calls that row by another name (其他行政事业单位养老支出 written 机关事业单位退休人员活动费支出).
"""
from __future__ import annotations

import re

from ..facts.base import fact_base
from ..facts.base.tables import table_subject
from ..facts.targets import parse_target
from ..knowledge import compact, han_bigrams
from ..model import Heading, Paragraph, Table, table_ordinal
from ..tables.typed import typed_tables
from .base import CHECKED, Hit, document_texts

KIND = "consistency"
PARAMS = {"check": (str, None), "roles": (list, ["组长", "副组长"]), "max_similarity": (float, 0.2),
          "name_pattern": (str, r"[\u4e00-\u9fa5]{2,4}"),
          # classification_names: endings a narrative may leave off a 科目 name (…事务 for …事务支出)
          "name_endings": (list, ["支出"]),
          # indicator_actuals: a rate in these units measures its own population (the district's
          # 群众满意度, a project's beneficiaries'): a department's form and a project's are not
          # compared on it, only forms of one scope
          "scope_bound_units": (list, ["%", "‰"]),
          # indicator_actuals: a table's title naming the project its form is of (表1 X项目绩效自评表)
          "title_project_pattern": (str, "")}
MESSAGE_FIELDS = {"subject", "value", "other"}
CHECKS = ("indicator_actuals", "role_signature", "amount_descriptions", "classification_names")
APPROX_RE = re.compile(
    r"(?P<desc>[\u4e00-\u9fa5“”]{4,16}?)\s*(?:逾|超过|近|约|达)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元)\s*(?:以上|余|多)"
    # not a threshold qualifying the words after it (100万元以上的采购项目, 100万元以上专用设备)
    r"(?![的\u4e00-\u9fa5])")

APPROX_TAIL_RE = re.compile(r"\d\s*(?:亿元|万元)\s*(?:以上|余|多)")  # what every APPROX_RE match ends with


def validate(params: dict) -> str | None:
    return None if params["check"] in CHECKS else f"check 应为 {', '.join(CHECKS)} 之一"


def check(doc, rule):
    return {"indicator_actuals": _check_indicator_actuals, "role_signature": _check_role_signature,
            "amount_descriptions": _check_amount_descriptions,
            "classification_names": _check_classification_names}[rule.params["check"]](doc, rule)


def _facts_subject(doc, block: int | None) -> str:
    facts = fact_base(doc).by_table.get(block, ()) if block is not None else ()
    subjects = {f.subject for f in facts}
    return subjects.pop() if len(subjects) == 1 else ""


def _check_indicator_actuals(doc, rule):
    seen: dict[str, list] = {}
    blocks = {id(b): k for k, b in enumerate(doc.blocks)}
    for t in typed_tables(doc):
        if t.type != "performance_scores":
            continue
        # the project its 项目名称 cell names, or the one the fact base gave its figures (a
        # heading naming the project it stands under)
        subject = table_subject(t.table) or _facts_subject(doc, blocks.get(id(t.table))) \
            or _title_project(rule, t.table.title)
        for r in t.records:
            actual = parse_target(r.actual or "")
            if actual is None or actual.comparator not in ("", "=") or "actual" not in r.cells:
                continue
            seen.setdefault(compact(r.indicator), []).append((actual, r.cells["actual"], t, subject))
    for name, mentions in seen.items():
        # where two or more projects' forms share the indicator's name, a form naming no project
        # (the department's) may sum them (20场 = 12场 + 8场): it is compared with none of them
        several = len({m[3] for m in mentions if m[3]}) >= 2
        for actual, cell, table, subject in mentions[1:]:
            # the first statement of the indicator in another table, unless both tables name their
            # projects and the projects differ (two projects may share an indicator's name, 培训场次;
            # a department form and one project's form state the department's figure alike)
            first = next((m for m in mentions if m[2] is not table and (m[3] == subject or not several
                                                                         and (not m[3] or not subject))), None)
            if first is None:
                continue
            first_actual, first_cell, first_table, first_subject = first
            if first_table.table.index > table.table.index or actual.unit != first_actual.unit \
                    or actual.value == first_actual.value:
                continue
            if first_subject != subject and actual.unit in rule.params["scope_bound_units"]:
                continue
            yield Hit(
                quote=table.table.row_text(cell.loc.row - 1).strip("\t "), location=cell.loc,
                stated=cell.text, expected=first_cell.text,
                formula=f"同一指标「{name}」在{table_ordinal(first_table.table.index)}（{first_cell.loc.describe()}）填写为 "
                        f"{first_cell.text}，在{table_ordinal(table.table.index)} 填写为 {cell.text}",
                fields={"subject": name, "value": cell.text, "other": first_cell.text},
                highlights=[first_cell.loc, cell.loc])


def _title_project(rule, title: str | None) -> str:
    """The project a form's title names (表2 妇幼健康服务项目绩效自评表: 妇幼健康服务项目), else ""."""
    pattern = rule.params["title_project_pattern"]
    found = re.search(pattern, compact(title or "")) if pattern else None
    return found.group("project") if found else ""


def _check_role_signature(doc, rule):
    blocks = doc.blocks
    signed = [i for i, block in enumerate(blocks) if isinstance(block, Paragraph) and "签字" in block.text]
    if not signed:
        return  # no signature line: the roles' declarations would be read for nothing
    name = rule.params["name_pattern"]
    declared: dict[str, list] = {}  # role -> its declarations in the document (several groups may have one)
    roles = rule.params["roles"]
    spaced = {role: r"\s*".join(role) for role in roles}
    patterns = {role: re.compile(rf"(?<![副评价])(?:^|[\s，。；])?{spaced[role]}\s*[:：]\s*({name})")
                for role in roles}
    for block in doc.blocks:  # one pass, each table row compacted once for all roles
        if isinstance(block, Paragraph):
            for role in roles:
                m = patterns[role].search(block.text)
                if m and "签" not in block.text:
                    declared.setdefault(role, []).append((m.group(1), block.loc, block.text))
        elif isinstance(block, Table):
            for row in block.rows:
                texts = [compact(c.text) for c in row]
                for role in (r for r in roles if r in texts):
                    names = [c for c, t in zip(row, texts) if re.fullmatch(name, t) and t != role]
                    if names:
                        declared.setdefault(role, []).append((compact(names[0].text), names[0].loc, names[0].text))
    for i in signed:
        block = blocks[i]
        role = next((r for r in rule.params["roles"] if re.search(rf"(?<!副){r}\s*[（(]?签字", block.text)), None)
        if role is None or role not in declared:
            continue
        signer = _signer(block.text, blocks[i + 1] if i + 1 < len(blocks) else None, name)
        if signer is None or any(signer[0] == named for named, _, _ in declared[role]):
            continue  # (a 领导小组 and an 评价工作组 may each have their 组长: any of them signs)
        expected, loc, _ = declared[role][0]
        yield Hit(quote=signer[0], location=signer[1] or block.loc, stated=signer[0], expected=expected,
                  formula=f"文中{role}为“{expected}”（{loc.describe()}），签字处为“{signer[0]}”",
                  fields={"subject": role, "value": signer[0], "other": expected},
                  highlights=[loc])


def _signer(text: str, following, name: str):
    m = re.search(rf"签字\s*[)）]?\s*[:：]\s*({name})\s*$", text)
    if m:
        return m.group(1), None
    if isinstance(following, Paragraph) and re.fullmatch(name, following.text.strip()):
        return following.text.strip(), following.loc
    return None


def _similar(a: str, b: str, limit: float) -> bool:
    x, y = han_bigrams(a), han_bigrams(b)
    return bool(x and y) and len(x & y) / len(x | y) > limit


def _check_amount_descriptions(doc, rule):
    mentions: dict[tuple, list] = {}
    for text, source in document_texts(doc, cell_filter=lambda t: len(t) > 8):
        if not APPROX_TAIL_RE.search(text):
            continue  # most text holds no “…万元以上”: skip the scan that tries every position
        for m in APPROX_RE.finditer(text):
            desc = re.split(r"[，。；、]", m.group("desc"))[-1]
            mentions.setdefault((m.group("num"), m.group("unit")), []).append((desc, source.loc, m.group(0)))
    limit = rule.params["max_similarity"]
    for (num, unit), found in mentions.items():
        groups: list[list] = []
        for mention in found:
            group = next((g for g in groups if _similar(g[0][0], mention[0], limit)), None)
            if group is None:
                groups.append([mention])
            else:
                group.append(mention)
        if len(groups) < 2:
            continue
        groups.sort(key=len, reverse=True)
        main = groups[0][0]
        for group in groups[1:]:
            if len(group) >= len(groups[0]):
                continue  # no description said more often: two things of the same round size, maybe
            for desc, loc, quote in group:
                yield Hit(quote=quote.strip(), location=loc, stated=f"{desc} {num}{unit}以上",
                          expected=f"{main[0]} {num}{unit}以上",
                          formula=f"同一金额 {num}{unit}以上 在文中 {len(groups[0])} 处描述为“{main[0]}”"
                                  f"（如 {main[1].describe()}），此处描述为“{desc}”",
                          fields={"subject": f"{num}{unit}", "value": desc, "other": main[0]},
                          highlights=[main[1]])


# a classification path: 社会保障和就业支出（类）行政事业单位养老支出（款）……支出（项）
# a name may hold a short bracketed part of its own: 政府办公厅（室）及相关机构事务, 因公出国（境）;
# 2-40 characters covers every 科目 name of the functional classification (the longest are ~30);
# a bracketed numeral is an item's number before the path ((一)…（款）), no part of a name; nor is the
# dot of a number run into it (1.城乡社区管理事务（款）…)
NAME = r"(?:[^（）()，。；：:、.．\s\d]|[（(](?![一二三四五六七八九十\d]+[）)])[^（）()类款项，。]{1,3}[）)]){2,40}?"
PATH_RE = re.compile(rf"(?P<kuan>{NAME})[（(]款[）)]\s*(?P<xiang>{NAME})[（(]项[）)]")
KUAN_DIGITS, XIANG_DIGITS = 5, 7  # 功能分类科目编码: 类 3 digits, 款 5, 项 7


def _may_hold_path(text: str) -> bool:
    """Whether PATH_RE can match: it needs （款） and （项） (either bracket closing them). The
    pattern tries every position of a paragraph, and most paragraphs that say 款 hold no path."""
    return ("款）" in text or "款)" in text) and ("项）" in text or "项)" in text)


def _check_classification_names(doc, rule):
    from ..facts.base import fact_base

    # a path in a paragraph, or on a line of its own (a title) whose figures the paragraph after
    # it states (12、住房保障支出（类）住房保障支出（款）住房公积金（项）。 / 年初预算为…，支出决算为…)
    items = [(index, block) for index, block in enumerate(doc.blocks)
             if isinstance(block, (Paragraph, Heading)) and _may_hold_path(block.text)]
    if not items:
        return  # no text names a 款 and a 项: no path to check
    rows = [r for t in typed_tables(doc) if t.type == "budget_by_code" for r in t.records if not r.is_total]
    if not rows:
        return
    names = _CodeNames(rows, tuple(rule.params["name_endings"]))
    base = fact_base(doc)
    for index, block in items:
        paths = list(PATH_RE.finditer(block.text))
        if len(paths) != 1:
            continue  # an item states one path; several in one paragraph cannot be told apart
        m = paths[0]
        after = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
        amount = _outturn(base, index) or (_outturn(base, index + 1, names, m, after.text) if isinstance(after, Paragraph)
                                           and not _may_hold_path(after.text) else None)
        if names.bare(m.group("xiang")) in names.all:  # a 项 the tables hold; its 款 may be misnamed
            outcome = _kuan_named_otherwise(m, amount, names, base, block) or CHECKED
        else:
            outcome = _xiang_named_otherwise(m, amount, names, base, block)
        if outcome is not None:
            yield CHECKED
            if outcome is not CHECKED:
                yield outcome


def _outturn(base, index: int, names: "_CodeNames | None" = None, path=None, text: str = ""):
    """The first outturn (支出决算为…) the block's text states. In the paragraph after a path
    (`names`, `path`, the paragraph's `text`), not one whose words name another row of the tables
    while the paragraph tells of the path's own 项 apart (本单位未发生提租补贴支出，住房公积金支出
    决算为28.96万元: 住房公积金's, no 提租补贴's); a paragraph naming only another row's figure is
    the one the path's name slipped from."""
    for f in base.by_block.get(index, ()):
        if f.measure in ("决算", base.bare_measure) and f.is_money and f.source == "text":
            if names is not None:
                own = (names.bare(path.group("xiang")), names.bare(path.group("kuan")))
                label = compact(f.label)
                other = any(n and n not in own[0] and n not in own[1] and n in label for n in names.all)
                if (other and own[0] in compact(text)) or (own[1] in label and own[0] not in label):
                    return None  # (…, or the 款's own figure: 以上住房改革支出决算为…)
            return f
    return None


class _CodeNames:
    """The rows of the budget tables by code, and their names without a closing word (支出)."""

    def __init__(self, rows, endings: tuple):
        self.rows, self.endings = rows, endings
        self.all = {self.bare(r.name) for r in rows}
        self.kuan = {self.bare(r.name) for r in rows if len(r.code) == KUAN_DIGITS}
        self.by_code = {r.code: r.name for r in rows}
        self.cells = None  # the money facts by cell, indexed for the first path that needs them

    def bare(self, name: str) -> str:
        name = compact(name)
        return next((name[:-len(e)] for e in self.endings if e and name.endswith(e)), name)

    def printing(self, base, rows, amount) -> dict[tuple, object]:
        """The rows among `rows` with a cell stating the item's figure (in a common unit, to its
        printed precision), one cell each: {(code, name): the cell's location}."""
        from ..facts.agreement import meets

        if self.cells is None:
            self.cells = {(f.loc.table, f.loc.row, f.loc.col): f for f in base.facts if f.source == "table" and f.is_money}
        matched: dict[tuple, object] = {}
        for r in rows:
            for cell in r.amounts.values():
                fact = self.cells.get((cell.loc.table, cell.loc.row, cell.loc.col))
                if fact is not None and meets(fact, amount):
                    matched.setdefault((r.code, r.name), cell.loc)
        return matched


def _xiang_named_otherwise(m, amount, names: _CodeNames, base, block):
    """A 项 named as no table row is: the one 项 row under the 款 printing the item's figure."""
    xiang = m.group("xiang")
    kuan_codes = {r.code for r in names.rows if len(r.code) == KUAN_DIGITS and names.bare(r.name) == names.bare(m.group("kuan"))}
    if not kuan_codes or amount is None:
        return None  # the 款 is not in the tables, or the item states no outturn: nothing to match
    matched = names.printing(base, [r for r in names.rows if len(r.code) == XIANG_DIGITS
                                    and r.code[:KUAN_DIGITS] in kuan_codes], amount)
    if len(matched) != 1:
        return CHECKED  # no row, or several rows, print that figure: which one is meant cannot be told
    (code, name), where = matched.popitem()
    return Hit(quote=m.group(0), location=block.loc, stated=f"{xiang}（项）", expected=f"{code} {name}",
               formula=f"“{m.group('kuan')}（款）”下金额为 {amount.text} 的科目是 {code}“{name}”"
                       f"（{where.describe()}），文中写作“{xiang}”",
               fields={"subject": f"{m.group('kuan')}（款）下金额相同的科目", "value": xiang, "other": name},
               highlights=[where])


def _kuan_named_otherwise(m, amount, names: _CodeNames, base, block):
    """A 款 named as no table row is, over a 项 the tables hold: the 款 of the one row of that 项
    printing the item's figure (住房保障支出（款）住房公积金（项） where 2210201 住房公积金 is under
    22102 住房改革支出)."""
    kuan = m.group("kuan")
    if amount is None or names.bare(kuan) in names.kuan:
        return None  # (a 类's name written as the 款's, 住房保障支出（款）, is no 款's)
    same = [r for r in names.rows if len(r.code) == XIANG_DIGITS and names.bare(r.name) == names.bare(m.group("xiang"))]
    matched = names.printing(base, same, amount)
    if len(matched) != 1:
        return None
    (code, name), where = matched.popitem()
    parent = names.by_code.get(code[:KUAN_DIGITS])
    if parent is None:
        return None
    return Hit(quote=m.group(0), location=block.loc, stated=f"{kuan}（款）", expected=f"{code[:KUAN_DIGITS]} {parent}",
               formula=f"金额为 {amount.text} 的“{name}”（{code}，{where.describe()}）属于 {code[:KUAN_DIGITS]}“{parent}”款，"
                       f"文中写作“{kuan}（款）”",
               fields={"subject": f"金额相同的“{m.group('xiang')}（项）”所属的款", "value": kuan, "other": parent},
               highlights=[where])
