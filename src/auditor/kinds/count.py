"""Kind `count`: stated counts against what the document lists.

Checks (param `check`):
- enumeration: “N 个…，分别为：A、B、C。” — N against the items listed.
- breakdown: “产出指标 3 个目标值，分别是数量指标 4 个…质量指标 3 个…” — N against the sum
  of the counts it is broken into.
- indicator_rows: “共设置 N 个绩效指标” — N against the indicator rows of the next score
  table of the same part of the document.
"""
from __future__ import annotations

import re

from ..facts.numbers import cn_to_int, normalize_digits
from ..model import Heading, Paragraph, Table
from ..tables.typed import typed_tables
from .base import Hit

KIND = "count"
PARAMS = {
    "check": (str, None),
    "enumeration_pattern": (str, r"(\d+|[一二两三四五六七八九十]+)\s*个([^，。；：,]{0,10}?)[，,]?\s*(?:[(（][^)）]*[)）])?\s*[，,]?\s*(?:分别为|分别是|包括|即)\s*[:：]?\s*([^。；]+)"),
    "breakdown_pattern": (str, r"(?:(?<![\u4e00-\u9fa5])|(?<=其中))((?:成本|产出|效益|满意度)指标)(?:共有|共)?\s*(\d+)\s*个(?:目标值)?"),
    "part_pattern": (str, r"([\u4e00-\u9fa5]{1,8}指标)\s*(?:有)?\s*(\d+)\s*个"),
    "total_pattern": (str, r"共设置\s*(\d+)\s*个(?:绩效)?指标"),
}
MESSAGE_FIELDS = {"stated_count", "counted", "subject"}
CHECKS = ("enumeration", "breakdown", "indicator_rows")
ITEM_SPLIT_RE = re.compile(r"[、，,]")


def validate(params: dict) -> str | None:
    return None if params["check"] in CHECKS else f"check 应为 {', '.join(CHECKS)} 之一"


def check(doc, rule):
    return globals()[f"_check_{rule.params['check']}"](doc, rule)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_to_int(text)


def _paragraphs(doc):
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            yield block


def _items(listing: str) -> list[str]:
    quoted = re.findall(r"“([^”]+)”", listing)
    if len(quoted) >= 2:
        return quoted
    depth, current, items = 0, "", []
    for ch in listing:
        depth += ch in "（(《“" and 1 or 0
        depth -= ch in "）)》”" and 1 or 0
        if ITEM_SPLIT_RE.match(ch) and depth <= 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    return [i.strip() for i in items if i.strip()]


def _check_enumeration(doc, rule):
    pattern = re.compile(rule.params["enumeration_pattern"])
    for para in _paragraphs(doc):
        for sentence in para.sentences:
            text = normalize_digits(sentence.text)
            for m in pattern.finditer(text):
                stated = _number(m.group(1))
                listing = re.split(r"[；。]|[，,]\s*(?:均|共|合计|以上)", m.group(3))[0]
                if re.search(r"\d+\s*个", listing):
                    continue  # a breakdown into counted categories, not a list of items
                items = _items(listing)
                if stated is None or len(items) < 2 or stated == len(items):
                    continue
                yield Hit(quote=sentence.text[m.start():m.end()][:80], location=sentence.loc,
                          stated=f"{m.group(1)} 个", expected=f"{len(items)} 个",
                          formula=f"列出的项目：{'、'.join(items)}（共 {len(items)} 个）",
                          fields={"stated_count": m.group(1), "counted": str(len(items)),
                                  "subject": m.group(2).strip() or "项目"})


def _check_breakdown(doc, rule):
    head_re = re.compile(rule.params["breakdown_pattern"])
    part_re = re.compile(rule.params["part_pattern"])
    paragraphs = list(_paragraphs(doc))
    for k, para in enumerate(paragraphs):
        text = normalize_digits(para.text)
        if text.rstrip().endswith(("；", ";")) and k + 1 < len(paragraphs):
            text += normalize_digits(paragraphs[k + 1].text)  # the sentence goes on after a wrap
        for m in head_re.finditer(text):
            end = text.find("。", m.end())
            rest = text[m.end():end if end > 0 else len(text)]
            parts = [(p.group(1), int(p.group(2))) for p in part_re.finditer(rest)
                     if not p.group(1).startswith(m.group(1)[:2])]
            if len(parts) < 2 and not (parts and "分别" in rest[:6]):
                continue
            stated, counted = int(m.group(2)), sum(n for _, n in parts)
            if stated == counted:
                continue
            yield Hit(quote=para.text[m.start():m.start() + len(m.group(0)) + 30].strip(), location=para.loc,
                      stated=f"{m.group(1)} {stated} 个", expected=f"{counted} 个",
                      formula=" + ".join(f"{name} {n} 个" for name, n in parts) + f" = {counted} 个",
                      fields={"stated_count": str(stated), "counted": str(counted), "subject": m.group(1)})


def _check_indicator_rows(doc, rule):
    pattern = re.compile(rule.params["total_pattern"])
    score_tables = {id(t.table): t for t in typed_tables(doc) if t.type == "performance_scores"}
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        m = pattern.search(normalize_digits(block.text))
        if not m:
            continue
        table = _next_score_table(blocks, i, score_tables)
        if table is None:
            continue
        rows = [r for r in table.records if r["indicator"] and r["indicator"] not in ("无", "/")]
        stated = int(m.group(1))
        if stated == len(rows):
            continue
        sentence = next((s for s in block.sentences if m.group(0) in normalize_digits(s.text)), None)
        yield Hit(quote=(sentence.text if sentence else block.text).strip(), location=block.loc,
                  stated=f"{stated} 个", expected=f"{len(rows)} 个",
                  formula=f"表{table.table.index}列出指标 {len(rows)} 个：" + "、".join(r["indicator"] for r in rows),
                  fields={"stated_count": str(stated), "counted": str(len(rows)), "subject": "绩效指标"},
                  highlights=[r["cells"]["indicator"].loc for r in rows])


def _next_score_table(blocks, i, score_tables):
    for block in blocks[i + 1:]:
        if isinstance(block, Heading) and re.match(r"^\s*附件\s*\d", block.text):
            return None
        if isinstance(block, Paragraph) and re.match(r"^\s*附件\s*\d+\s*$", block.text):
            return None
        if isinstance(block, Table) and id(block) in score_tables:
            return score_tables[id(block)]
    return None
