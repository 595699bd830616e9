"""Sub-check `restated_total` of kind `count`: “共涉及项目 N 个” without a list of its own, against
the one complete list of the same thing in the same section (“本年共安排项目 M 个，分别为：……”)."""
from __future__ import annotations

from ...facts.base.grids import heads_a_column
from ...knowledge import compact
from ..base import Hit
from .passages import clause_start, noun_before, stated_counts, counted_passages, quote_for, joined_names, shortened
from .enumeration import Enumeration, enumerations


def check_restated_total(doc, rule):
    """A total (共…N个) with no list of its own, against the complete list of the same noun in
    the same section; quiet when the section lists that noun more than once, or differently."""
    params = rule.params
    lists: dict[tuple[int, str], list[Enumeration]] = {}
    listed_at = set()
    for e in enumerations(doc, params):
        lists.setdefault((e.passage.section, e.count.noun), []).append(e)
        listed_at.add((id(e.passage), e.count.start))
    # a count that is no list's own (the others are skipped below) is compared with all of them
    summary = {key: ({len(e.items) for e in same}, any(e.ambiguous for e in same)) for key, same in lists.items()}
    cues = sorted(params["total_cues"], key=len, reverse=True)
    forms: list[str] | None = None  # the project forms: read only for a total of projects listed nowhere
    for passage in counted_passages(doc, params):
        for count in stated_counts(passage, params):
            if (id(passage), count.start) in listed_at:
                continue
            clause = passage.text[clause_start(passage.text, count.start):count.start]
            if not any(cue in clause for cue in cues):
                continue
            noun = noun_before(passage.text, count.start, params) if not passage.text.startswith(
                count.noun, count.end) else count.noun
            same = lists.get((passage.section, noun), [])
            sizes, ambiguous = summary.get((passage.section, noun), (set(), False))
            if not same and noun in params["project_nouns"]:
                forms = _project_forms(doc, params) if forms is None else forms
                if len(forms) > count.value:
                    quote, loc = quote_for(passage, count)
                    yield Hit(quote=quote, location=loc, stated=f"{count.written} 个", expected=f"至少 {len(forms)} 个",
                              formula=f"附有项目支出绩效自评表 {len(forms)} 张：{joined_names(forms)}",
                              fields={"stated_count": count.written, "counted": str(len(forms)), "subject": noun})
                    continue
            if len(same) < 1 or len(sizes) != 1 or ambiguous:
                continue
            n = next(iter(sizes))
            if n == count.value:
                continue
            e = same[0]
            quote, loc = quote_for(passage, count)
            where, _ = e.passage.quote(clause_start(e.passage.text, e.count.start), e.count.end, e.count.start)
            yield Hit(quote=quote, location=loc, stated=f"{count.written} 个", expected=f"{n} 个",
                      formula=f"同节“{where}”列出：{joined_names(shortened(i) for i in e.items)}（共 {n} 个）",
                      fields={"stated_count": count.written, "counted": str(n), "subject": noun})


def _project_forms(doc, params: dict) -> list[str]:
    """Distinct project names of the project self-evaluation forms (the cell after 项目名称)."""
    labels = {compact(x) for x in params["project_name_labels"]}
    names: list[str] = []
    for table in doc.tables:
        # compact() works character by character: a cell whose compacted text is a label puts
        # that label in the table's compacted text, so a table without any is skipped whole
        whole = compact("".join(c.text for row in table.rows for c in row))
        if not any(label in whole for label in labels):
            continue
        grid = [[c.text.strip() for c in row] for row in table.rows]
        for r, cells in enumerate(grid):
            for i, text in enumerate(cells):
                if compact(text) in labels:
                    # (a summary list's 项目名称 heads its column of names: the cell after it is
                    # another column's head, 年初预算数, no project)
                    name = "" if heads_a_column(grid, r, i) else next((t for t in cells[i + 1:] if t), "")
                    if name and name not in names:
                        names.append(name)
                    break
    return names
