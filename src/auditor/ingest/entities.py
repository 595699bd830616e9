"""Whose report each part of a document is: its reporting entity (编制单位).

A 主管部门's 部门决算 workbook (or .docx/.pdf) may bundle several units' forms: the 部门汇总, the
本级 and each 所属单位, every form captioned with its unit (编制单位：某县实验小学 / 填报单位 /
单位名称), the sheets often named after it. Their forms carry the same titles and rows, and one
unit's 本年收入合计 is no statement of another's. The document is cut into one part per entity, so
that no rule compares, sums or cross-checks the figures of two units.

An entity starts at a caption naming it (with the title lines right above the caption: 公开01表,
收入支出决算总表), or, in a workbook whose sheets are named after different units, at the first
line of a sheet so named that holds no caption. The text under a form is its entity's; the text
before the first entity is the first entity's (a bundle opens with the 汇总). A document naming
fewer than two entities is one part: the document itself, read as before.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge import compact, concepts, vocabulary
from ..model import SENTENCE_END_RE, Document, Heading, Paragraph, Table, is_prose

# a caption may be read into the first rows of a table's grid (a .docx form's top row)
CAPTION_ROWS = 3
# the title lines an entity's caption claims back above itself (公开01表 / 收入支出决算总表 / 2024年度)
TITLE_LINES = 4
MIN_NAME_CHARS = 2  # a name shorter than this (a stray character) names no unit


@lru_cache(maxsize=None)
def _caption_re() -> re.Pattern | None:
    """编制单位：<name>, the name ending at a space, a year (2024年度) or the next caption (单位：万元)."""
    labels = vocabulary().get("entity_caption_labels") or ()
    if not labels:
        return None
    # (a name justified over spaces, 某县 水利局, is one name: it ends at a year, a unit line, another
    # field's label or the line's end)
    # (a note in brackets may stand between the label and its colon: 编制单位（盖章）：某县教育局)
    return re.compile(rf"(?:{'|'.join(map(re.escape, labels))})\s*(?:[（(][^（）()]{{0,6}}[）)])?\s*[：:]\s*(?P<name>[^\s：:]+?(?:\s[^\s：:]+?)*?)"
                      r"(?=\s*(?:(?:19|20)\d\d|[（(]?(?:金额)?单位\s*[：:])|\s+[^\s：:]{1,8}\s*[：:]|\s*$)")


@lru_cache(maxsize=None)
def _sheet_unit_re() -> re.Pattern | None:
    # (a unit's name, or the words a bundle marks its parts with: 部门汇总, 局本级, 实验小学)
    endings = [*(concepts().get("organization_endings") or ()), *(vocabulary().get("entity_sheet_endings") or ())]
    return re.compile(rf"\w*?(?:{'|'.join(map(re.escape, endings))})") if endings else None


# a sheet named after its form and its unit: the unit after the last dash or in closing brackets
# (01表收入支出决算-部门汇总, 收入支出(汇总))
SHEET_TAIL_RE = re.compile(r"[-—－_（(]([^-—－_（()）]+)[）)]?$")


# a trailing note in brackets, (盖章) / （公章）: no part of the name
STAMP_RE = re.compile(r"[（(][^（）()]*章[）)]$")
# what a sheet name adds to a unit's name: a number (某县实验小学-2, 某局1), dashes, brackets
SHEET_NOISE_RE = re.compile(r"[\d\W_]+")


def caption_name(text: str) -> str | None:
    """The unit a caption line names (编制单位：某县实验小学 2024年度 单位：万元: 某县实验小学)."""
    pattern = _caption_re()
    match = pattern.search(compact_spaces(text)) if pattern is not None else None
    if match is None:
        return None
    name = STAMP_RE.sub("", re.sub(r"\s+", "", match.group("name"))).rstrip("，,；;。（(")
    return name if len(name) >= MIN_NAME_CHARS else None


def compact_spaces(text: str) -> str:
    # re.sub(r"\s+", " ", text.strip()) without a regex call: str.split() splits where \s matches (str.isspace)
    return " ".join(text.split())


def sheet_unit(sheet: str | None) -> str | None:
    """The unit a sheet's name names (某县实验小学-2: 某县实验小学), when the name, without its
    numbers and punctuation, ends as a unit's name does (concepts.yaml organization_endings)."""
    pattern = _sheet_unit_re()
    if not sheet or pattern is None:
        return None
    tail = SHEET_TAIL_RE.search(sheet.strip())
    for name in (SHEET_NOISE_RE.sub("", tail.group(1)) if tail else "", SHEET_NOISE_RE.sub("", sheet)):
        if len(name) >= MIN_NAME_CHARS and pattern.fullmatch(name):
            return name
    return None


def _block_caption(block) -> str | None:
    if isinstance(block, (Paragraph, Heading)):
        # (a caption is a field line, no sentence: 编制单位：指纳入部门决算编制范围的… defines the word)
        return None if SENTENCE_END_RE.search(block.text) else caption_name(block.text)
    if isinstance(block, Table):
        for row in block.rows[:CAPTION_ROWS]:
            texts = [c.text.strip() for c in row]
            for k, text in enumerate(texts):
                alone = text.rstrip("：: ") in _caption_labels()
                if not alone and "：" not in text and ":" not in text:
                    continue
                # (the label alone in its cell, the name in the next filled one: 编制单位： | 某县教育局,
                # 单位名称 | 某县教育局（汇总） over a form's head)
                after = next((t for t in texts[k + 1:] if t), "") if alone else ""
                name = caption_name(text) or (caption_name(f"{text.rstrip('：: ')}：{after}") if after else None)
                if name:
                    return name
    return None


def _caption_labels() -> frozenset:
    return frozenset(vocabulary().get("entity_caption_labels") or ())


def _title_line(block) -> bool:
    """A line that may title the form below (公开01表, 收入支出决算总表): short, no sentence (a note
    under the form above, 注：本单位无经营收入。, is that form's)."""
    text = block.text.strip() if isinstance(block, (Paragraph, Heading)) else ""
    return bool(text) and not is_prose(text) and SENTENCE_END_RE.search(text) is None


def _claimed_start(blocks: list, at: int, floor: int) -> int:
    """Where the entity captioned at block `at` starts: with the title lines right above the
    caption on its sheet (not below `floor`, where the previous entity started)."""
    start, sheet = at, blocks[at].loc.sheet
    while start - 1 > floor and at - (start - 1) <= TITLE_LINES and _title_line(blocks[start - 1]) \
            and blocks[start - 1].loc.sheet == sheet and _block_caption(blocks[start - 1]) is None:
        start -= 1
    return start


def entity_starts(doc: Document) -> list[tuple[int, str]]:
    """(first block, entity name) of each run of blocks of one entity, in order."""
    blocks = doc.blocks
    captions = [(i, name) for i, block in enumerate(blocks) for name in [_block_caption(block)] if name]
    captioned_sheets = {blocks[i].loc.sheet for i, _ in captions}
    sheet_units: dict[str, str] = {}
    for block in blocks:
        sheet = block.loc.sheet
        if sheet and sheet not in sheet_units:
            sheet_units[sheet] = sheet_unit(sheet) or ""
    named_sheets = len({u for u in sheet_units.values() if u}) >= 2  # (sheets naming different units)
    marks: dict[int, str] = {}
    if named_sheets:
        first_of_sheet: dict[str, int] = {}
        for i, block in enumerate(blocks):
            first_of_sheet.setdefault(block.loc.sheet, i)
        marks.update({i: sheet_units[s] for s, i in first_of_sheet.items()
                      if s not in captioned_sheets and sheet_units.get(s)})
        marks.update(_unnamed_sheets(blocks, first_of_sheet, sheet_units, captions))
    floor = -1
    for i, name in captions:
        start = _claimed_start(blocks, i, max(floor, max((k for k in marks if k < i), default=-1)))
        marks[start] = name
        floor = start
    starts, current = [], None
    for i in sorted(marks):
        if marks[i] != current:
            starts.append((i, marks[i]))
            current = marks[i]
    return starts


WHOLE = "（部门整体）"  # the part of a bundle's sheets that name no one unit (see _unnamed_sheets)


def _unnamed_sheets(blocks: list, first_of_sheet: dict[str, int], sheet_units: dict[str, str],
                    captions: list[tuple[int, str]]) -> dict[int, str]:
    """The entity of each sheet after the first unit's of a workbook whose sheets name units, that
    is neither named after a unit nor captioned with one (说明, 年度对比): the unit its title alone
    names, else its text alone (测绘院决算说明: 测绘院's), else the bundle's whole (本部门由局机关、规划中心、测绘院3个单位
    组成; 某市自然资源局部门…对比表), no last unit's, whose forms it would be compared with. The whole is
    the bundle's first part where that is its 汇总 (部门汇总), else a part of its own."""
    captioned = {blocks[i].loc.sheet: name for i, name in captions}
    owners = {s: captioned.get(s) or sheet_units.get(s) for s in first_of_sheet}
    units = {s: owner for s, owner in owners.items() if owner}
    if not units:
        return {}
    first = min(first_of_sheet[s] for s in units)
    first_owner = owners[blocks[first].loc.sheet]
    whole = first_owner if any(w in first_owner for w in _whole_marks()) else WHOLE
    # (each unit by every name it goes by: its caption's, its sheet's)
    aliases = {s: {n for n in (captioned.get(s), sheet_units.get(s)) if n} for s in units}
    texts: dict[str, list[str]] = {}
    for block in blocks:
        if block.loc.sheet in first_of_sheet and block.loc.sheet not in units:
            texts.setdefault(block.loc.sheet, []).append(compact(block.title or "") if isinstance(block, Table)
                                                         else compact(block.text))
    def named_in(text: str) -> set[str]:
        return {units[s] for s, names in aliases.items() if any(compact(n) in text for n in names)}

    out = {}
    for sheet, at in first_of_sheet.items():
        if sheet in units or at < first:
            continue  # (a unit's sheet; a sheet before the first unit's is the first's, as the text is)
        lines = texts.get(sheet, [])
        # (its title naming one unit, 某县文化馆2024年度部门决算说明, whatever units its text names after;
        # not one naming it with others, 某县文化馆等2个单位…)
        title = lines[0] if lines else ""
        titled = named_in(title) if not any(f"{compact(n)}等" in title for names in aliases.values() for n in names) else set()
        named = titled if len(titled) == 1 else named_in(compact("".join(lines)))
        out[at] = named.pop() if len(named) == 1 else whole
    return out


def _whole_marks() -> tuple[str, ...]:
    """The words a part holding the whole's accounts is named with (汇总: vocabulary entity_whole_marks)."""
    return tuple(vocabulary().get("entity_whole_marks") or ())


def entity_parts(doc: Document) -> list[Document]:
    """The document cut into one part per entity (several runs of one entity make one part), each
    a Document of the same path and meta; the document itself when it names fewer than two."""
    starts = entity_starts(doc)
    if starts:
        starts = _recurring_forms_split(doc, starts)
    if len({name for _, name in starts}) < 2:
        return [doc]
    runs: dict[str, list] = {}
    bounds = [0] + [i for i, _ in starts[1:]] + [len(doc.blocks)]
    for (_, name), begin, end in zip(starts, bounds, bounds[1:]):
        runs.setdefault(name, []).extend(doc.blocks[begin:end])
    if not _forms_recur(list(runs.values())):
        # (one unit's report whose captions name it in two ways, 某区规划和自然资源局 on one form and
        # 某区规划与自然资源局 on the next: no bundle, whose every unit prints the same forms)
        return [doc]
    return [Document(doc.path, blocks, dict(doc.meta), list(doc.notes)) for blocks in runs.values()]


def _recurring_forms_split(doc: Document, starts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The runs of one caption's name cut where a form of a unit's whole accounts comes again with
    other figures (某县教育局's 汇总 and 本级 captioned alike; a 汇总 printed uncaptioned before the
    first captioned unit): each copy another unit's part, named after the caption and its count."""
    from ..tables.typed import typed_tables

    kinds = set(vocabulary().get("entity_form_types") or ())
    at = {id(block): i for i, block in enumerate(doc.blocks) if isinstance(block, Table)}
    forms = sorted({(at[id(t.table)], t.type) for t in typed_tables(doc) if t.type in kinds and id(t.table) in at})
    if not forms:
        return starts
    bounds = [0] + [i for i, _ in starts[1:]] + [len(doc.blocks)]
    cut = list(starts)
    for (first, name), begin, end in zip(starts, bounds, bounds[1:]):
        seen: dict[tuple, tuple] = {}
        floor, copies = begin - 1, 1
        for i, kind in forms:
            if not begin <= i < end:
                continue
            table = doc.blocks[i]
            key = (kind, _form_name(table))
            figures, rows = _figures(table), _row_labels(table)
            if key in seen and seen[key][0] != figures and _same_rows(seen[key][1], rows):
                start = _claimed_start(doc.blocks, i, floor)
                copies += 1
                cut.append((start, f"{name}（{copies}）"))
                floor, seen = start, {}
            seen[key] = (figures, rows)
    return sorted(cut)


def _row_labels(table: Table) -> set[str]:
    """The labels a form's rows open with (its first filled cell each)."""
    return {compact(next((c.text for c in row if c.text.strip()), "")) for row in table.rows} - {""}


def _same_rows(first: set[str], second: set[str]) -> bool:
    """The second table prints the first's rows again, its total row among them (another unit's
    copy of the form), not the rows after them (the form going on over a page under its title again)."""
    totals = {compact(w) for w in vocabulary().get("entity_total_rows") or ()}
    shared = first & second
    return bool(shared & totals) and len(shared) * 2 >= min(len(first), len(second))



def _forms_recur(parts: list[list]) -> bool:
    """Some form stating a unit's whole accounts (a 收入支出决算总表, a table by 科目 code, the 三公
    table: vocabulary entity_form_types) is printed in two entities' parts: a bundle of units'
    forms, each unit filling in the same set. (Project forms captioned with the units that carried
    the projects out recur in any report of two projects: no bundle.)"""
    from ..tables.typed import classify

    kinds = set(vocabulary().get("entity_form_types") or ())
    seen: dict[tuple, tuple[int, tuple]] = {}
    for k, blocks in enumerate(parts):
        for block in blocks:
            if not isinstance(block, Table) or not block.rows:
                continue
            name = _form_name(block)
            figures = _figures(block)
            for key in {(typed.type, name) for typed in classify(block) if typed.type in kinds}:
                part, printed = seen.setdefault(key, (k, figures))
                if part != k and printed != figures:
                    # (the same form with other figures: another unit's; with the same ones, the
                    # unit's own form printed again under a short name, 县二中 for 某县第二中学)
                    return True
    return False


def _form_name(table: Table) -> str:
    """A form by its title, a note in brackets after it aside (收入支出决算总表（本级）: the 收入支出
    决算总表), and the unit and year it opens with (某县文化馆2024年度收入支出决算总表: each unit's copy
    titled with its name); an untitled form by its head row."""
    title = TITLE_LEAD_RE.sub("", _copy_note_re().sub("", compact(table.title or "")))
    return title or "|".join(compact(c.text) for c in table.rows[0])


TITLE_LEAD_RE = re.compile(r"^.{0,30}?(?:19|20)\d\d\s*年度?")  # (a title's unit and year before the form's name)


@lru_cache(maxsize=None)
def _copy_note_re() -> re.Pattern:
    """A note in brackets ending a title that names whose copy the form is (vocabulary entity_copy_marks)."""
    marks = vocabulary().get("entity_copy_marks") or ()
    return re.compile(rf"[（(][^（）()]*(?:{'|'.join(map(re.escape, marks))})[）)]$" if marks else "(?!)")


def _figures(table: Table) -> tuple:
    """The figures a form prints, in order (what tells two units' copies of one form apart)."""
    return tuple(t for row in table.rows for c in row for t in [c.text.strip()] if t[:1].isdigit())
