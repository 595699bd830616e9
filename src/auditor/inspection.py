"""`auditor inspect`: what was read, so a user can see why a rule did or did not fire."""
from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

from .model import Document, Heading, Paragraph, Table, table_ordinal
from .tables.typed import typed_tables


CELL_FIELDS = ("cells", "label_cell", "amount_cell")  # where a value was read: not shown


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if k not in CELL_FIELDS}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "text") and hasattr(value, "loc"):
        return value.text
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a typed record
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in CELL_FIELDS}
    return value


def typed_view(doc: Document) -> list[dict]:
    from .tables.schemas import to_frame, validate

    views = []
    for typed in typed_tables(doc):
        frame = to_frame(typed)
        views.append({
            "table": typed.table.index, "type": typed.type, "title": typed.title,
            "header_row": typed.header_row + 1, "columns": typed.columns,
            # (a summary's sides: item column, amount columns, the one summing the others; 1-based)
            "sides": [{"item": s.item + 1, "amounts": [c + 1 for c in s.amounts],
                       "total": None if s.total is None else s.total + 1} for s in typed.sides],
            "records": [{**_jsonable(r), "row": r.row + 1} for r in typed.records],  # 1-based, as header_row
            "totals": _jsonable(typed.totals.get("score") and {"score": typed.totals.get("score"),
                                                               "weight": typed.totals.get("weight")}),
            "frame": frame.to_string(index=False) if not frame.empty else "",
            "problems": typed.problems + [p["message"] for p in validate(typed)],
        })
    return views


def to_json(doc: Document) -> str:
    blocks = []
    for b in doc.blocks:
        entry = {"kind": b.kind, "location": b.loc.to_dict()}
        if isinstance(b, Table):
            entry.update(index=b.index, title=b.title, unit=b.unit, grid=b.grid())
        else:
            entry["text"] = b.text
            if isinstance(b, Heading):
                entry.update(token=b.token, style=b.style, level=b.level)
        blocks.append(entry)
    data = {"path": doc.path, "meta": doc.meta, "blocks": blocks, "typed_tables": typed_view(doc)}
    return json.dumps(data, ensure_ascii=False, indent=2)


def describe(doc: Document) -> str:
    out = [f"文件：{doc.path}", f"元数据：{json.dumps(doc.meta, ensure_ascii=False)}", ""]
    for b in doc.blocks:
        where = b.loc.describe()
        if isinstance(b, Heading):
            out.append(f"[标题 L{b.level} {b.token}] {b.text}  ({where})")
        elif isinstance(b, Paragraph):
            out.append(f"[段落] {b.text[:120]}{'…' if len(b.text) > 120 else ''}  ({where})")
        else:
            out.append(f"[{table_ordinal(b.index)}] {b.title}  单位：{b.unit or '未注明'}  ({where})")
            for r, row in enumerate(b.grid(), start=1):
                out.append(f"  {r:>3} | " + " | ".join(cell[:24] for cell in row))
    for view in typed_view(doc):
        out += ["", f"== {table_ordinal(view['table'])} 识别为：{view['title']}（{view['type']}），表头在第{view['header_row']}行",
                f"   列：{view['columns']}"]
        for k, side in enumerate(view["sides"], start=1):
            total = f"，第{side['total']}列为其后各列之和" if side["total"] else ""
            out.append(f"   第{k}侧：项目第{side['item']}列，金额第{'、'.join(map(str, side['amounts']))}列{total}")
        if view["frame"]:
            out += ["   " + line for line in view["frame"].splitlines()]
        if view["totals"]:
            out.append(f"   总分：{view['totals']}")
        for problem in view["problems"]:
            out.append(f"   ⚠ {problem}")
    return "\n".join(out)


def describe_facts(doc: Document, as_json: bool = False) -> str:
    """The fact base: one line (or JSON record) per fact, then how many narrative amounts are
    linked to the table fact they restate."""
    from .facts.base import fact_base
    from .facts.frame import facts_frame, linked_share

    base = fact_base(doc)
    frame = facts_frame(base.facts)
    linked, amounts = linked_share(base)
    if as_json:
        records = frame.astype({"value": str}).to_dict(orient="records")
        return json.dumps({"facts": records, "linked_amounts": linked, "narrative_amounts": amounts},
                          ensure_ascii=False, indent=1)
    out = [f"事实 {len(base.facts)} 条（正文 {sum(1 for f in base.facts if f.source == 'text')}，"
           f"表格 {sum(1 for f in base.facts if f.source == 'table')}）"]
    for f in base.facts:
        out.append(f"{f.id}\t{f.concept or '-'}\t{f.measure}\t{f.period}\t{f.subject or '-'}\t{f.fund or '-'}\t"
                   f"{f.value}\t{f.unit or '-'}\t{f.places}\t{f.where()}\t{f.quote}")
    share = f"{linked / amounts:.0%}" if amounts else "-"
    out.append(f"正文中重述表格数字的金额 {amounts} 个，其中按概念、期间、口径关联到该表格事实的 {linked} 个（{share}）")
    return "\n".join(out)
