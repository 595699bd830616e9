"""Word .docx: paragraphs and tables in body order, merged cells, headings.

`read_docx` reads the package with lxml directly (ingest/package.py: limits checked, no entity
expansion, no DTD) and resolves paragraph styles once per document. The former reader through
python-docx's objects is kept in tests/reference_readers.py, the reference the tests compare the
document model with. Where python-docx loses text of the accepted document (tracked insertions,
content controls: RUN_WRAPPERS, BLOCK_WRAPPERS) this reader reads it.
"""
from __future__ import annotations

import re

from . import package
from .cleanup import clean_text, join_wrapped, raised_text
from .docx_notes import Notes
from .docx_numbering import read_numbering, style_numbers
from .raw import PAGE_BREAK, RawBlock, RawCell, ReadError, bounded_int, over_limit

HEADING_STYLE_RE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
WORD_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


W_DOCUMENT, W_BODY, W_P, W_TBL, W_TR, W_TC = _w("document"), _w("body"), _w("p"), _w("tbl"), _w("tr"), _w("tc")
W_R, W_T, W_TAB, W_BR, W_CR = _w("r"), _w("t"), _w("tab"), _w("br"), _w("cr")
W_PTAB, W_NOBREAKHYPHEN = _w("ptab"), _w("noBreakHyphen")
W_PPR, W_PSTYLE, W_TCPR, W_VMERGE, W_GRIDSPAN = _w("pPr"), _w("pStyle"), _w("tcPr"), _w("vMerge"), _w("gridSpan")
W_STYLE, W_NAME = _w("style"), _w("name")
W_RPR, W_DEL, W_MOVE_FROM, W_TXBX_CONTENT = _w("rPr"), _w("del"), _w("moveFrom"), _w("txbxContent")
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC_CHOICE, MC_FALLBACK = f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
# what in a run may hold a text box: a DrawingML drawing, a VML picture, or alternate content with both
BOX_HOLDERS = {_w("drawing"), _w("pict"), f"{{{MC_NS}}}AlternateContent"}
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
# Elements that wrap runs (or, in the body and in cells, whole paragraphs and tables) without
# changing the text of the accepted document: tracked insertions and moves-to, content
# controls, smart tags, custom XML, simple fields, bidirectional spans. python-docx reads none
# of them (`Paragraph.text` sees only direct runs and hyperlinks, `Document.tables` only direct
# tables), so the figures inside were lost: a tracked-changes draft read with a blank cell.
# Deleted text (w:del, w:moveFrom) is not in the accepted document and stays out.
RUN_WRAPPERS = {_w(name) for name in ("ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent",
                                      "fldSimple", "bdo", "dir", "hyperlink")}
BLOCK_WRAPPERS = {W_SDT, W_SDT_CONTENT, W_CUSTOM_XML, _w("ins"), _w("moveTo")}
# …except a content control showing its placeholder prompt (请输入执行率，如100%: no text of the
# document) and a table of contents (its entries name the tables whether the body holds them or not)
W_SDT_PR, W_PLACEHOLDER_SHOWN = _w("sdtPr"), _w("showingPlcHdr")
# a row's cells skipped before its first and after its last (w:trPr/w:gridBefore, w:gridAfter):
# the grid columns it leaves empty, as WPS and tables pasted from Excel write a short side
W_TRPR, W_GRID_BEFORE, W_GRID_AFTER = _w("trPr"), _w("gridBefore"), _w("gridAfter")
# hidden text (w:rPr/w:vanish): a template's fill-in example or a note to its author, not printed
W_VANISH = _w("vanish")
W_RSTYLE, W_BASED_ON = _w("rStyle"), _w("basedOn")
W_VERT_ALIGN, W_SYM, W_CHAR, W_FONT = _w("vertAlign"), _w("sym"), _w("char"), _w("font")
# characters Word inserts from the Symbol font (Insert › Symbol: w:sym w:font="Symbol"), by code,
# as Unicode; another w:sym shows as U+FFFD, so a sign lost is seen, not silently dropped
SYMBOL_CHARS = {"F0B3": "≥", "F0A3": "≤", "F0B1": "±", "F0B4": "×", "F0B8": "÷", "F0BB": "≈", "F0B9": "≠",
                "F03E": ">", "F03C": "<", "F03D": "=", "F02B": "+", "F02D": "−", "F0B0": "°", "F025": "%"}
WINGDINGS_CHARS = {"F0FE": "☑", "F0A8": "☐", "F06F": "☐", "F078": "☒", "F0FC": "✓", "F0FB": "✗"}
# tables in a cell hold at most so many levels (a frame table round the report's table; Word nests
# a few deep): a deeper table is read as its cell's text no further
MAX_NESTED_TABLES = 8
W_DOC_PART_OBJ, W_DOC_PART_GALLERY = _w("docPartObj"), _w("docPartGallery")
TOC_GALLERY = "Table of Contents"
W_VAL, W_TYPE, W_STYLE_ID, W_DEFAULT = _w("val"), _w("type"), _w("styleId"), _w("default")
W_SECT_PR, W_TITLE_PG, W_HEADER_REFERENCE = _w("sectPr"), _w("titlePg"), _w("headerReference")
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
LABEL = "Word 文件"


def read_docx(path: str) -> list[RawBlock]:
    with package.open_package(path, LABEL, ".docx") as pkg:
        main = _main_part(pkg)
        root = pkg.xml(main, remove_blank_text=True)  # python-docx's parser drops blank text too
        if root.tag != W_DOCUMENT:
            raise ReadError(f"无法打开 Word 文件：主文档部件「{main}」不是 Word 正文（根元素 {_local(root.tag)}）")
        body = _first(root, W_BODY)
        if body is None:
            raise ReadError(f"无法打开 Word 文件：主文档部件「{main}」没有正文（w:body）")
        level_of_style, numbered_styles, hidden_styles = _style_levels(pkg, main)
        if hidden_styles:
            _hide_styled_runs(body, hidden_styles)
        numbering = read_numbering(pkg, main, numbered_styles)
        notes = Notes(pkg, main, lambda p: clean_text(paragraph_text(p)))
        blocks: list[RawBlock] = []
        ordinal = 0
        cells = [0]
        held = ""  # a paragraph's text whose mark a tracked change deleted: the next paragraph's start
        for child in _blocks(body):
            tag = child.tag
            if tag == W_P:
                ordinal += 1
                for box in _text_box_paragraphs(child):
                    # (a cover title in a text box: a paragraph of the page where its anchor stands)
                    box_text = clean_text(paragraph_text(box))
                    if box_text.strip():
                        blocks.append(RawBlock("para", text=box_text, paragraph=ordinal))
                style_id = _style_id(child)
                text = clean_text(paragraph_text(child))
                if held:
                    text, held = held + text, ""
                if text.strip() and _mark_deleted(child):
                    # (its mark deleted, the paragraph runs on into the next, as Word's Accept All
                    # joins them: 全年支出3,081.62 ¶ 万元，…)
                    held = text
                    continue
                if numbering is not None and (text.strip() or not _mark_deleted(child)):
                    # (the number Word draws before an auto-numbered paragraph: 一、部门概况; an empty
                    # one still shows its number, 二、 alone counts in the sequence; one deleted under
                    # tracked changes is gone, number and all)
                    label = numbering.label(child, style_id)
                    text = f"{label}{text}" if label and text.strip() else label.strip() or text
                if not text.strip() and _breaks_page(child):
                    text = PAGE_BREAK  # (a page break alone in its paragraph: a table may go on after it)
                level = level_of_style(style_id)
                kind = "heading" if level and text.strip() else "para"
                blocks.append(RawBlock(kind, text=text, paragraph=ordinal, level=level))
            elif tag == W_TBL:
                ordinal += 1
                if held:  # (no paragraph to run on into: the words stay where they stood)
                    blocks.append(RawBlock("para", text=held, paragraph=ordinal - 1))
                    held = ""
                blocks.extend(RawBlock("table", rows=rows, paragraph=ordinal) for rows in _tables(child, cells))
            # (the notes the block refers to, printed at the page's foot: paragraphs of its own place)
            blocks.extend(RawBlock("para", text=text, paragraph=ordinal) for text in notes.referred(child))
        if held:
            blocks.append(RawBlock("para", text=held, paragraph=ordinal))
        # (the running header atop the first page, as a PDF of the document prints it: where the body
        # opens with no title, 第一部分 部门概况, the header's 某局2023年度部门决算说明 names the report;
        # build.py decides)
        header = [RawBlock("page_header", text=text) for text in _first_page_header(pkg, main, body)]
        return header + blocks


def _first_page_header(pkg, main: str, body) -> list[str]:
    """The paragraphs of the header printed atop the first page: the first section's first-page
    header where its properties ask for one (w:titlePg), else its default one ([] for none)."""
    section = next(body.iter(W_SECT_PR), None)
    if section is None:
        return []
    kinds = ("first", "default") if next(section.iter(W_TITLE_PG), None) is not None else ("default",)
    refs = {ref.get(W_TYPE) or "default": ref.get(R_ID) for ref in section.iter(W_HEADER_REFERENCE)}
    targets = {rel_id: target for rel_id, _, target in pkg.relationships(main)}
    for kind in kinds:
        target = targets.get(refs.get(kind) or "")
        if target and pkg.find(target) is not None:
            root = pkg.xml(target, remove_blank_text=True)
            texts = [clean_text(paragraph_text(p)) for p in _blocks(root) if p.tag == W_P]
            return [t for t in texts if t.strip()]
    return []


def _text_box_paragraphs(p) -> list:
    """The paragraphs of the text boxes anchored in a paragraph (w:txbxContent of a DrawingML
    shape or a VML one), each box once: the copy an mc:Fallback keeps for older readers is left
    out. Most paragraphs hold no drawing at all and are not looked into."""
    if next(p.iter(*BOX_HOLDERS), None) is None:  # (runs in wrappers, w:ins or w:hyperlink, too)
        return []
    return [el for box in p.iter(W_TXBX_CONTENT) if not _copy_of_choice(box) and not _not_accepted(box, p)
            for el in _blocks(box) if el.tag == W_P]


def _not_accepted(box, p) -> bool:
    """The box stands in a tracked deletion or move-away inside the paragraph: not in the accepted
    document (its move-to copy, if any, is read where it now stands)."""
    for ancestor in box.iterancestors():
        if ancestor is p:
            return False
        if ancestor.tag in (W_DEL, W_MOVE_FROM):
            return True
    return False


def _copy_of_choice(box) -> bool:
    """The box stands in an mc:Fallback whose mc:AlternateContent also offers an mc:Choice holding
    a box: the same box again (an mc:Fallback alone is the only copy, and is read)."""
    fallback = next(box.iterancestors(MC_FALLBACK), None)
    if fallback is None:
        return False
    choice = next((el for el in fallback.getparent() if el.tag == MC_CHOICE), None)
    return choice is not None and next(choice.iter(W_TXBX_CONTENT), None) is not None


def _mark_deleted(p) -> bool:
    """The paragraph's mark is deleted or moved away under tracked changes (w:pPr/w:rPr/w:del,
    w:moveFrom): not in the accepted document."""
    ppr = _first(p, W_PPR)
    rpr = _first(ppr, W_RPR) if ppr is not None else None
    return rpr is not None and (_first(rpr, W_DEL) is not None or _first(rpr, W_MOVE_FROM) is not None)


def _blocks(container):
    """The paragraphs and tables of the body (or of a cell) in order, those inside block-level
    content controls and custom XML included (see BLOCK_WRAPPERS)."""
    for child in container:
        tag = child.tag  # (read once: lxml builds the tag's text anew on each read)
        if tag in BLOCK_WRAPPERS:
            if tag != W_SDT or not _not_text(child):
                yield from _blocks(child)
        else:
            yield child


def _not_text(sdt) -> bool:
    """A content control whose content is no text of the document: its placeholder prompt, or a
    table of contents (see BLOCK_WRAPPERS)."""
    pr = _first(sdt, W_SDT_PR)
    if pr is None:
        return False
    if _first(pr, W_PLACEHOLDER_SHOWN) is not None:
        return True
    part = _first(pr, W_DOC_PART_OBJ)
    gallery = None if part is None else _first(part, W_DOC_PART_GALLERY)
    return gallery is not None and gallery.get(W_VAL) == TOC_GALLERY


def _first(element, tag):
    """The first child with that tag (python-docx's ZeroOrOne). A plain loop: the child is
    nearly always the first one, and `find` goes through lxml's Python path matcher (four
    times slower), `iterchildren(tag)` sets up a matcher per call (twice)."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def _first_two(element, tag_a, tag_b):
    """(the first child with tag_a, the first with tag_b), each as `_first` finds it, in one pass
    over the children (a properties element is looked through once, not once for each)."""
    a = b = None
    for child in element:
        tag = child.tag
        if tag == tag_a:
            if a is None:
                a = child
        elif tag == tag_b:
            if b is None:
                b = child
    return a, b


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else "?"


def _main_part(pkg) -> str:
    """The part the package's officeDocument relationship names, as python-docx finds it."""
    for _, rel_type, target in pkg.relationships(""):
        if rel_type == RT_OFFICE_DOCUMENT and target:
            if pkg.find(target) is None:
                raise ReadError(f"无法打开 Word 文件（文件损坏）：缺少主文档部件「{target}」")
            content_type = pkg.content_type(target)
            if content_type in WORD_MAIN_TYPES:
                return target
            if content_type and "spreadsheetml" in content_type:
                raise ReadError("无法打开 Word 文件：这是 Excel 工作簿，不是 .docx（扩展名与内容不符）")
            if content_type and "presentationml" in content_type:
                raise ReadError("无法打开 Word 文件：这是 PowerPoint 演示文稿，不是 .docx（扩展名与内容不符）")
            raise ReadError(f"无法打开 Word 文件（文件损坏或不是 .docx）：主文档部件的类型为「{content_type or '未声明'}」")
    raise ReadError("无法打开 Word 文件（文件损坏或不是 .docx）：找不到主文档部件")


def _style_id(p) -> str | None:
    """`CT_P.style`: w:pPr/w:pStyle/@w:val of the paragraph (first of each), None without."""
    ppr = _first(p, W_PPR)
    if ppr is None:
        return None
    pstyle = _first(ppr, W_PSTYLE)
    return None if pstyle is None else pstyle.get(W_VAL)


def _style_levels(pkg, main: str):
    """style id -> heading level, resolved once per document with python-docx's rules for
    `Paragraph.style.name`: the first style with that id; the default paragraph style (the
    last one marked w:default) when the id is missing, unknown or not a paragraph style; a
    missing styles part gives python-docx's default template, whose default style is
    Normal (no level). Returned with the styles that number their paragraphs (numbering)."""
    for _, rel_type, target in pkg.relationships(main):
        if rel_type == RT_STYLES and pkg.find(target) is not None:
            data = pkg.read(target)  # read whole (and counted) every time: the limits still hold
            levels = _LEVELS_BY_STYLES.get(data)
            if levels is None:
                levels = _levels_of(pkg.xml(target, remove_blank_text=True, data=data))
                _remember_levels(data, levels)
            default_level, by_id, numbered, hidden = levels
            return (lambda style_id: default_level if style_id is None else by_id.get(style_id, default_level)), \
                numbered, hidden
    return (lambda style_id: None), {}, frozenset()


# The styles part of the documents made from one template is the same, byte for byte (Word's
# default one is 350 KB: its parse is half the read of a short report). A batch's worker keeps
# the levels of the last few styles parts, keyed by the part's exact bytes (no hash to collide),
# within a bound on their number and on the bytes kept.
_LEVELS_BY_STYLES: dict[bytes, tuple] = {}
STYLES_MEMO_BYTES = 8 * 1024 * 1024
STYLES_MEMO_ENTRIES = 16
_kept_bytes = [0]  # the bytes the memo's keys hold


def _remember_levels(data: bytes, levels: tuple) -> None:
    if len(data) > STYLES_MEMO_BYTES // 4:
        return
    while _LEVELS_BY_STYLES and (len(_LEVELS_BY_STYLES) >= STYLES_MEMO_ENTRIES
                                 or _kept_bytes[0] + len(data) > STYLES_MEMO_BYTES):
        oldest = next(iter(_LEVELS_BY_STYLES))
        del _LEVELS_BY_STYLES[oldest]
        _kept_bytes[0] -= len(oldest)
    _LEVELS_BY_STYLES[data] = levels
    _kept_bytes[0] += len(data)


def _levels_of(styles) -> tuple:
    """(the default paragraph style's level, style id -> level, the numbered styles: see
    docx_numbering.style_numbers) of a parsed styles part."""
    elements = [el for el in styles if el.tag == W_STYLE]
    default_name = None
    for el in elements:
        # `CT_Styles.default_for`: w:type must say paragraph here (no default to paragraph)
        if el.get(W_TYPE) == "paragraph" and el.get(W_DEFAULT) in ("1", "true", "on"):
            default_name = _style_name(el)
    default_level = _level_of(default_name)
    by_id: dict = {}
    for el in elements:
        style_id = el.get(W_STYLE_ID)
        if style_id not in by_id:
            paragraph = (el.get(W_TYPE) or "paragraph") == "paragraph"
            by_id[style_id] = _level_of(_style_name(el)) if paragraph else default_level
    return default_level, by_id, style_numbers(elements), _hidden_styles(elements)


def _hidden_styles(elements) -> frozenset:
    """The ids of the styles whose text is hidden (w:vanish in their run properties, or in a
    style they are based on): a template's 填写说明 style, its runs not printed."""
    own, parent = {}, {}
    for el in elements:
        style_id = el.get(W_STYLE_ID)
        rpr = _first(el, W_RPR)
        vanish = _first(rpr, W_VANISH) if rpr is not None else None
        own.setdefault(style_id, None if vanish is None else _hidden(rpr))
        based = _first(el, W_BASED_ON)
        parent.setdefault(style_id, based.get(W_VAL) if based is not None else None)
    hidden = set()
    for style_id in own:
        seen, at = set(), style_id
        while at is not None and at not in seen and own.get(at) is None:
            seen.add(at)
            at = parent.get(at)
        if at is not None and own.get(at):
            hidden.add(style_id)
    return frozenset(hidden)


def _hide_styled_runs(body, hidden: frozenset) -> None:
    """Mark hidden the runs a hidden character or paragraph style hides, unless the run says
    otherwise itself (w:vanish w:val="0"): read then as direct hiding is (_run_text)."""
    for p in body.iter(W_P):
        ppr = _first(p, W_PPR)
        pstyle = _first(ppr, W_PSTYLE) if ppr is not None else None
        para_hidden = pstyle is not None and pstyle.get(W_VAL) in hidden
        for run in p.iter(W_R):
            rpr = _first(run, W_RPR)
            rstyle = _first(rpr, W_RSTYLE) if rpr is not None else None
            if not (para_hidden or (rstyle is not None and rstyle.get(W_VAL) in hidden)):
                continue
            if rpr is not None and _first(rpr, W_VANISH) is not None:
                continue  # (the run's own setting wins)
            if rpr is None:
                rpr = run.makeelement(W_RPR, {})
                run.insert(0, rpr)
            rpr.append(rpr.makeelement(W_VANISH, {}))


def _style_name(style) -> str | None:
    name = _first(style, W_NAME)
    return None if name is None else name.get(W_VAL)


def _tables(tbl, cells: list[int], depth: int = 0) -> list[list[list[RawCell]]]:
    """The table's rows, then the rows of each table nested in its cells, in order: a table laid
    out inside another's cell is a table of the report too. A frame (a table whose cells hold
    tables and no text of their own) is no table: only what it holds is."""
    inner: list = []
    # (a table with no drawing in it, nearly all, has no text box in its cells to look for)
    rows = _table_rows(tbl, cells, inner, next(tbl.iter(*BOX_HOLDERS), None) is not None)
    nested = [rows for t in inner for rows in _tables(t, cells, depth + 1)] if depth < MAX_NESTED_TABLES else []
    if inner and not any(cell.text for row in rows for cell in row):
        return nested
    return [rows, *nested]


def _table_rows(tbl, cells: list[int], inner: list | None = None, boxes: bool = True) -> list[list[RawCell]]:
    """Each merged region keeps its text in the top-left cell; the cells it covers are empty.
    Rows and cells are the w:tr / w:tc children (`tbl.tr_lst`, `tr.tc_lst`), those a content
    control or custom XML wraps included (a repeating section's rows, a cell bound to data);
    the grid columns a row skips before and after its cells (w:gridBefore, w:gridAfter) are
    empty cells. `cells` counts the document's cells against package.MAX_CELLS; `inner` gets the
    tables nested in the cells. (Children are walked in plain loops: `iterchildren(tag)` sets up
    a matcher per call, a cost per cell.)"""
    rows = []
    for tr in _blocks(tbl):
        if tr.tag != W_TR:
            continue
        before, after = _grid_skipped(tr)
        row = [RawCell("") for _ in range(before)]
        for tc in _blocks(tr):
            if tc.tag != W_TC:
                continue
            continued, span = _merge_of(tc)
            row.append(RawCell("" if continued else _cell_text_of(tc, inner, boxes)))
            if span > 1:
                if len(row) + span - 1 > package.MAX_COLUMNS:
                    raise over_limit(f"Word 表格一行超过 {package.MAX_COLUMNS:,} 列",
                                     f"上限 {package.MAX_COLUMNS:,} 列")
                row.extend(RawCell("") for _ in range(span - 1))
        row.extend(RawCell("") for _ in range(after))
        cells[0] += len(row)
        package.check_cells(cells[0])
        rows.append(row)
        for cell in row:  # (its row as Word shows the table: the title rows read as lines above it count)
            cell.row = len(rows)
    return rows


def _cell_text_of(tc, inner: list | None = None, boxes: bool = True) -> str:
    """A cell's text: its paragraphs', and those of the text boxes anchored in them (`boxes`: the
    table holds a drawing somewhere); the tables nested in it go to `inner`."""
    lines = []
    for p in _blocks(tc):
        if p.tag == W_P:
            if boxes:
                lines.extend(paragraph_text(box) for box in _text_box_paragraphs(p))
            lines.append(paragraph_text(p))
        elif p.tag == W_TBL and inner is not None:
            inner.append(p)
    lines = [line for line in lines if line] or [""]
    return _cell_text(lines[0] if len(lines) == 1 else "\n".join(lines))


def _grid_skipped(tr) -> tuple[int, int]:
    """The grid columns the row leaves empty before its first cell and after its last."""
    trpr = _first(tr, W_TRPR)
    if trpr is None:
        return 0, 0
    before, after = _first_two(trpr, W_GRID_BEFORE, W_GRID_AFTER)
    return _columns_skipped(before), _columns_skipped(after)


def _columns_skipped(prop) -> int:
    """A w:gridBefore's or w:gridAfter's (or None's) count of grid columns; 0 unless a whole number
    within package.MAX_COLUMNS."""
    value = bounded_int((prop.get(W_VAL) or "").strip()) if prop is not None else None
    return value if value is not None and value <= package.MAX_COLUMNS else 0


def _merge_of(tc) -> tuple[bool, int]:
    """(`tc.vMerge == "continue"`, `tc.grid_span`) from the cell's first w:tcPr. A gridSpan
    that is not a whole number cannot be laid out and is refused; below 1 it spans nothing
    extra, as python-docx reads it."""
    tcpr = _first(tc, W_TCPR)
    if tcpr is None:
        return False, 1
    vmerge, span = _first_two(tcpr, W_VMERGE, W_GRIDSPAN)
    continued = vmerge is not None and (vmerge.get(W_VAL) or "continue") == "continue"
    if span is None:
        return continued, 1
    value = span.get(W_VAL)
    try:
        grid_span = int(value)
    except (TypeError, ValueError):
        raise ReadError(f"Word 表格单元格的合并列数（w:gridSpan）不是整数：「{(value or '')[:40]}」，"
                        "无法确定表格的列") from None
    if grid_span > package.MAX_COLUMNS:
        raise over_limit(f"Word 表格单元格的合并列数（w:gridSpan）为 {grid_span:,}",
                         f"上限 {package.MAX_COLUMNS:,} 列")
    return continued, grid_span


def paragraph_text(p) -> str:
    """`Paragraph.text` of python-docx: the paragraph's runs, each run's w:t, w:tab, w:br,
    w:cr, w:noBreakHyphen and w:ptab rendered as python-docx renders them (a w:br is a newline
    only when it is a line break); and, beyond python-docx, the runs inside RUN_WRAPPERS."""
    out: list[str] = []
    _runs_text(p, out)
    return "".join(out)


def _runs_text(container, out: list[str]) -> None:
    for element in container:
        tag = element.tag
        if tag == W_R:
            _run_text(element, out)
        elif tag in RUN_WRAPPERS and not (tag == W_SDT and _not_text(element)):
            _runs_text(element, out)


def _run_text(run, out: list[str]) -> None:
    raised = False
    for item in run:
        tag = item.tag
        if tag == W_RPR:
            hidden, raised = _run_marks(item)
            if hidden:
                return
        elif tag == W_T:
            if item.text:
                out.append(_raised(item.text, out) if raised else item.text)
        elif tag == W_SYM:
            out.append(_symbol(item))
        elif tag == W_TAB or tag == W_PTAB:
            out.append("\t")
        elif tag == W_BR:
            if (item.get(W_TYPE) or "textWrapping") == "textWrapping":
                out.append("\n")
        elif tag == W_CR:
            out.append("\n")
        elif tag == W_NOBREAKHYPHEN:
            out.append("-")


def _run_marks(rpr) -> tuple[bool, bool]:
    """(`_hidden(rpr)`, the run is superscript) read in one pass over the run's properties: the
    first w:vanish and the first w:vertAlign, as `_first` finds each."""
    vanish, align = _first_two(rpr, W_VANISH, W_VERT_ALIGN)
    return _vanishes(vanish), align is not None and align.get(W_VAL) == "superscript"


def _raised(text: str, out: list[str]) -> str:
    """A superscript's text as the figure before it reads (cleanup.raised_text: 498.30² reads 498.30, m² m²)."""
    return raised_text(text, out[-1][-1:] if out and out[-1] else "")


def _symbol(sym) -> str:
    """A character Word inserted from a symbol font (w:sym), as Unicode."""
    char, font = (sym.get(W_CHAR) or "").upper(), (sym.get(W_FONT) or "").lower()
    if len(char) == 4 and char[:2] != "F0":
        char = "F0" + char[2:]  # (F0B3 and 00B3 name the same glyph of a symbol font)
    table = WINGDINGS_CHARS if font.startswith("wingdings") else SYMBOL_CHARS
    return table.get(char, "\ufffd")


def _breaks_page(p) -> bool:
    """The paragraph holds a page break (w:br w:type="page" in one of its runs)."""
    return any(br.get(W_TYPE) == "page" for br in p.iter(W_BR))


def _hidden(rpr) -> bool:
    """The run is hidden text (w:vanish on, as a toggle property reads: no w:val, or one not
    false / 0 / off)."""
    return _vanishes(_first(rpr, W_VANISH))


def _vanishes(vanish) -> bool:
    """A w:vanish (or None) that hides: on, as a toggle property reads."""
    return vanish is not None and (vanish.get(W_VAL) or "true").lower() not in ("false", "0", "off")


def _level_of(name) -> int | None:
    """Heading level a style name gives: Title 0, Heading N / 标题 N N; a style without a
    name (python-docx gives None) has none."""
    if not name:
        return None
    if name.lower() == "title":
        return 0
    m = HEADING_STYLE_RE.search(name or "")
    return int(m.group(1)) if m else None


def _cell_text(cell_text: str) -> str:
    if "\n" not in cell_text:  # one line: what the loop below gives for it
        return clean_text(cell_text).strip()
    text = ""
    for line in cell_text.split("\n"):
        line = clean_text(line).strip()
        # (a line break Word keeps is typed, never a wrap inside a number: 45.00↵38.26 are two
        # figures stacked in one cell, not 45.0038.26)
        text = f"{text} {line}" if text[-1:].isdigit() and line[:1].isdigit() else join_wrapped(text, line)
    return text
