"""Kind `presence`: what a document of a given type must contain.

Checks (param `check`):
- required_tables: each required item (with aliases) named somewhere in the document
  (heading, paragraph or table title); with `when_any_present`, only of a document naming one.
- empty_table_statement: a table with no figures must be accompanied by a statement that it
  is empty (本表无数据 / 故本表为空表 / 无…收支).
- data_said_empty: a table the note right after it calls empty (故本表无数据) must hold no figure
  but zeros.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..ingest.build import title_block
from ..knowledge import compact
from ..model import Heading, Table
from ..facts.numbers import parse_quantity, counts_up
from .base import CHECKED, Hit, NotAssessable, document_texts

KIND = "presence"
# what a document holds and says it holds is the document's: a bundle of several units' forms is
# judged whole (its 汇总 publishes the set), not one unit's part at a time (engine.audit_document)
WHOLE_DOCUMENT = True
PARAMS = {"check": (str, None), "required": (dict, {}),
          # the set is required only of a document printing at least one of its items, or whose
          # title calls it a disclosure (公开): a report alone (单位决算报告, 财务情况说明书) is not one
          "when_any_present": (bool, False), "disclosure_words": (list, []),
          # titles of a unit's own reports, which are no disclosure of the set
          "not_disclosure_words": (list, []),
          "empty_statement": (str, r"本表无数据|空表|无数据|本年度无|没有.{0,12}(?:收入|支出)|无.{0,16}(?:收入|支出)"),
          # a blank form's placeholders (上海市XX局, XXX万元, XX%): a form so marked is a template to
          # fill in, its tables empty by design
          "placeholder_pattern": (str, ""), "template_placeholders": (int, 5),
          # a line giving the set's tables as an attachment of their own (附件：…决算公开表（九张表）.xlsx):
          # where it stands and most of the set is not printed here, the set is not judged
          "attachment_pattern": (str, "(?!)"),
          # data_said_empty: how a note names a table, by the ending of its title (…决算表, 收支预算总表)
          # or by the words its number follows (附表3, 公开08表; 表3 in a title)
          "table_name_endings": (list, []), "table_number_words": (list, [])}
MESSAGE_FIELDS = {"item"}


def validate(params: dict) -> str | None:
    return None if params["check"] in CHECKS else f"check 应为 {', '.join(CHECKS)} 之一"


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, rule)


def _check_required_tables(doc, rule):
    text = compact(" ".join(b.text if not isinstance(b, Table) else b.title for b in doc.blocks))
    first = title_block(doc) or doc.blocks[0]
    title = first.text if not isinstance(first, Table) else first.title
    if any(w in compact(title) for w in rule.params["not_disclosure_words"]):
        return  # a unit's own report (单位决算报告, 财务情况说明书), not the public set
    named = _named_items(text, rule.params["required"])
    if rule.params["when_any_present"] and not any(named.values()) \
            and not any(w in title for w in rule.params["disclosure_words"]):
        return
    attached = _attachment(doc, rule)
    printed = _named_items(compact(" ".join(t.title for t in doc.tables)), rule.params["required"])
    if attached is not None and sum(printed.values()) * 2 < len(printed):
        yield NotAssessable(f"公开表以附件形式另行提供（“{attached}”），本文件只印出其中 {sum(printed.values())} 张，"
                            "未核对公开表是否齐全")
        return
    for item, aliases in rule.params["required"].items():
        names = [item, *(aliases or [])]
        if named[item]:
            continue
        yield Hit(quote=first.text[:30] if not isinstance(first, Table) else first.title[:30],
                  location=first.loc, stated="未找到", expected=item,
                  formula=f"按文档类型应包含「{item}」（可用名称：{'、'.join(names)}）",
                  fields={"item": item})


def _attachment(doc, rule) -> str | None:
    """The line giving the set's tables as an attachment (附件：…公开表（9张）), its first words."""
    pattern = re.compile(rule.params["attachment_pattern"])
    for text, _source in document_texts(doc, cells=False):
        m = pattern.search(text)
        if m:
            return m.group(0)[:ATTACHMENT_QUOTE]
    return None


ATTACHMENT_QUOTE = 40  # characters of the attachment line a notice quotes


def _named_items(text: str, required: dict) -> dict[str, bool]:
    """Which required items the text names, longest names first and each place read once: 收入支出
    决算表 is the 总表's name, not also a 支出决算表."""
    names = sorted(((_unquoted(n), item) for item, aliases in required.items() for n in [item, *(aliases or [])]),
                   key=lambda pair: len(pair[0]), reverse=True)
    named = dict.fromkeys(required, False)
    text = _unquoted(text)
    for name, item in names:
        if name and name in text:
            named[item] = True
            text = text.replace(name, "\0")
    return named


QUOTES_RE = re.compile("[“”‘’\"'「」]")


def _unquoted(text: str) -> str:
    """A title's words without quote marks, whichever a report prints (“三公”, "三公", 三公)."""
    return QUOTES_RE.sub("", compact(text))


def _has_data(table: Table) -> bool:
    return any(parse_quantity(c.text) is not None for row in table.rows[1:] if not _numbering_row(row)
               for c in row[1:])


def _has_amounts(table: Table) -> bool:
    """Figures beyond row numbers and codes: decimals, large numbers, money or percentages (a
    classification code, 2050205 before its 科目名称, is no amount)."""
    for row in table.rows:
        for k, cell in enumerate(row):
            q = parse_quantity(cell.text)
            if q is not None and (q.places or q.value >= 100 or q.unit) and not _code_before_name(row, k):
                return True
    return False


def _code_before_name(row, k: int) -> bool:
    """A bare whole number right before a cell of words: a code naming the row (205 | 教育支出)."""
    text = row[k].text.strip()
    return text.isdigit() and k + 1 < len(row) and parse_quantity(row[k + 1].text) is None \
        and bool(row[k + 1].text.strip())


def _template(doc, rule) -> bool:
    """The document is a blank form: placeholders where its figures go (XXX万元, XX%), enough of them."""
    pattern = rule.params["placeholder_pattern"]
    return bool(pattern) and _at_least(re.finditer(pattern, doc.text), rule.params["template_placeholders"])


def _at_least(matches, count: int) -> bool:
    return sum(1 for _ in zip(range(count), matches)) >= count


def _check_empty_table_statement(doc, rule):
    statement = re.compile(rule.params["empty_statement"])
    blocks = doc.blocks
    if len(doc.tables) >= 3 and not any(_has_amounts(t) for t in doc.tables):
        return  # a blank form (a template), not a report with some tables left empty
    template = None  # (read once, for the first empty table: most reports have none)
    for i, block in enumerate(blocks):
        if not isinstance(block, Table) or len(block.rows) < 2:
            continue
        if _has_data(block):
            continue
        if not _has_totals_row(block):
            continue
        nearby = " ".join(b.text for b in _neighbours(blocks, i))
        if statement.search(nearby) or _said_elsewhere(doc, block, statement):
            continue
        if template is None:
            template = _template(doc, rule)
        if template:
            return  # a template: its figures XXX, its tables left for the unit to fill in
        yield Hit(quote=block.row_text(0).strip("\t ")[:40], location=block.loc, stated="表中无数据，也无说明",
                  expected="注明“本表无数据”或说明原因",
                  formula="表格没有任何金额，前后文也没有说明该表为空的原因", fields={"item": block.title})


def _said_elsewhere(doc, table: Table, statement: re.Pattern) -> bool:
    """The document says elsewhere that the fund the table is of had none (本单位2024年度无政府性
    基金预算财政拨款支出, in 情况说明 far from the table): a sentence stating so names the fund its
    title names beside 财政拨款 (政府性基金, 国有资本经营预算), and no amount of it but zero."""
    funds = _own_funds(table.title or "")
    if not funds:
        return False
    for text, _source in document_texts(doc, cells=False):
        if statement.search(text) and funds & _own_funds(text) and not any(
                m.group(1).strip("0.,") for m in AMOUNT_RE.finditer(compact(text))):
            return True  # (收入0.00万元，故为空表; not 较上年无明显变化 in a sentence stating the fund's 86.00万元)
    return False


AMOUNT_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:亿元|万元|千元|元)")


def _own_funds(text: str) -> set[str]:
    """The funds a text names but the 财政拨款 every such table's title holds."""
    from ..facts.lexicon import lexicon

    return {name for _s, _e, name in lexicon().funds.all(compact(text))} - {"财政拨款"}


def _numbering_row(row) -> bool:
    """栏次 rows (1, 2, 3 …) number the columns; they are not data."""
    numbers = [c.text.strip() for c in row if c.text.strip()]
    # (small whole numbers not counting on by one, 24 | 0 | 18 | 0 | 18 | 6 under the 三公 heads or
    # 4 | 7 | 11 under 行政编制 | 事业编制 | 合计, are figures)
    return bool(numbers) and (numbers[0] == "栏次" or all(n.isdigit() and len(n) <= 2 for n in numbers)
                              and counts_up(numbers))


def _neighbours(blocks, i: int):
    """The block just before a table and the notes after it, up to the next heading or table."""
    if i > 0:
        yield blocks[i - 1]
    for block in blocks[i + 1:i + 5]:
        if isinstance(block, (Table, Heading)):
            return
        yield block


def _has_totals_row(table: Table) -> bool:
    return any(compact(c.text) in ("合计", "总计") for row in table.rows for c in row)


def _check_data_said_empty(doc, rule):
    """A note right after a table calling it empty (本部门…没有政府性基金预算财政拨款收入…，故本表无
    数据) over a table holding figures other than zero: the note or the figures are wrong."""
    said = re.compile(rule.params["empty_statement"])
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if not isinstance(block, Table) or len(block.rows) < 2:
            continue
        names = _table_names(tuple(rule.params["table_name_endings"]), tuple(rule.params["table_number_words"]))
        note = _note_after(blocks, i, said)
        if note is None or _of_another_table(note.text, block, names):
            continue
        yield CHECKED
        figure = next((c for row in block.rows[1:] if not _numbering_row(row) for c in row[1:]
                       if (q := parse_quantity(c.text)) is not None and q.value and (q.places or q.unit)), None)
        if figure is not None:
            name = block.name
            yield Hit(quote=said.search(note.text).group(0), location=note.loc, stated=f"表中有数据：{figure.text.strip()}",
                      expected="本表无数据，或删去“无数据”的说明", highlights=[figure.loc],
                      formula=f"说明称本表无数据，而「{name}」{figure.loc.describe()} 为 {figure.text.strip()}",
                      fields={"item": name})


def _note_after(blocks, i: int, said):
    """The note right after table i saying a table is empty: up to the next heading, table or line
    naming a table (公开08表, another table's title whose grid is left out); not one saying some of
    its rows or columns are (本表无数据的栏次已省略)."""
    for block in blocks[i + 1:i + 5]:
        if isinstance(block, (Table, Heading)) or TABLE_NAMED_RE.search(block.text.strip()):
            return None
        m = said.search(block.text)
        if m and not block.text[m.end():].startswith(("的", "之")):
            return block
    return None


# a line naming a table: its title (…决算表) or its number (公开08表)
TABLE_NAMED_RE = re.compile(r"表\s*(?:[（(][^）)]{0,12}[）)])?$")


@lru_cache(maxsize=8)
def _table_names(endings: tuple[str, ...], number_words: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a table's name in a note, …政府性基金预算财政拨款收入支出决算表, by the rule's title endings;
    a table's number in a title, 附表3 or 表3; a number a note says is empty, 附表3为空表), each built
    once from the rule's words, longest first."""
    ends = "|".join(map(re.escape, sorted(endings, key=len, reverse=True))) or "(?!)"
    words = "|".join(map(re.escape, sorted(number_words, key=len, reverse=True))) or "(?!)"
    return (re.compile(rf"[\u4e00-\u9fff“”\"《》]{{4,30}}?(?:{ends})"),
            re.compile(rf"(?:{words}|表)\s*0*(\d{{1,2}})(?!\d)"),
            re.compile(rf"(?:{words}|表)\s*0*(\d{{1,2}})\s*表?(?=\s*(?:为|是|系|属|无))"))  # (表7为空表 too)


def _of_another_table(text: str, table: Table, names: tuple[re.Pattern, re.Pattern, re.Pattern]) -> bool:
    """The note names a table by name other than this one (…政府性基金预算财政拨款收入支出决算表为空表
    under the 三公 table), or by a number other than this one's (附表3为空表 under 附表2)."""
    name_re, numbered_re, said_empty_re = names
    title = compact(table.title or "")
    numbers = {m.group(1) for m in said_empty_re.finditer(compact(text))}
    own = {m.group(1) for m in numbered_re.finditer(title)}
    if numbers and own and not numbers & own:
        return True
    named = [m.group(0) for m in name_re.finditer(text)]
    return bool(named) and not any(compact(n).strip("“”\"《》") in title or title.endswith(compact(n)[-6:]) for n in named)


CHECKS = {"required_tables": _check_required_tables, "empty_table_statement": _check_empty_table_statement,
          "data_said_empty": _check_data_said_empty}
