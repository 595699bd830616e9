"""A hostile corpus generated from scratch (no downloads, nothing copied from ../shared):
small reports written here in every supported format, byte-mutated copies of them, odd file
names, and broken config, rule, ignore and baseline files.

Deterministic for a seed: `generate(folder, seed, cases)` writes the same bytes every time.
"""
from __future__ import annotations

import io
import os
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPORT_TXT = """示范县档案服务中心
2024年度部门整体支出绩效自评报告

一、部门基本情况
本中心核定事业编制12人，实有在职人员11人。内设机构3个，分别为：综合科、档案科、财务科。

二、部门整体支出情况
2024年本中心整体支出500.00万元，其中基本支出320.00万元，项目支出180.00万元。
基本支出320.00万元，其中人员经费260.00万元，公用经费60.00万元。

三、“三公”经费情况
2024年“三公”经费支出6.00万元，其中公务接待费1.00万元，公务用车运行维护费5.00万元，因公出国（境）费0万元。

四、部门整体支出绩效情况
本年度共开展档案数字化项目3个。档案利用满意度达到96%。

附件：2024年度部门整体支出绩效自评表

项目资金（万元）	年初预算数	全年预算数	全年执行数	分值	执行率	得分
年度资金总额	500.00	500.00	480.00	10	96.00%	9.6
一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分
产出指标（50分）	数量指标	数字化档案	≥3万卷	3.2万卷	25	25
	质量指标	数字化合格率	≥98%	99%	25	25
满意度指标（40分）	服务对象满意度指标	档案利用满意度	≥90%	96%	40	40
总分	　	　	　	　	100	99.6

2025年3月15日
"""

ROWS = [("项目", "决算数", "项目", "决算数"),
        ("一、一般公共预算财政拨款收入", "300.00", "一、一般公共服务支出", "280.00"),
        ("二、事业收入", "20.00", "二、住房保障支出", "40.00"),
        ("本年收入合计", "320.00", "本年支出合计", "320.00")]

HEAD = "示范县档案服务中心2024年度部门决算"


def report_md() -> bytes:
    lines = [f"# {HEAD}", "", "## 一、收入支出决算总表", "", "单位：万元", ""]
    lines.append("| " + " | ".join(ROWS[0]) + " |")
    lines.append("|" + "---|" * len(ROWS[0]))
    lines += ["| " + " | ".join(r) + " |" for r in ROWS[1:]]
    lines += ["", "本年支出合计320.00万元，其中基本支出200.00万元，项目支出120.00万元。", ""]
    return "\n".join(lines).encode("utf-8")


def report_html() -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}</title></head><body><h1>{HEAD}</h1>"
            f"<h2>一、收入支出决算总表</h2><p>单位：万元</p><table>{cells}</table>"
            "<p>本年支出合计320.00万元，其中基本支出200.00万元，项目支出120.00万元。</p></body></html>").encode()


def report_docx() -> bytes | None:
    try:
        import docx
    except ImportError:
        return None
    document = docx.Document()
    document.add_heading(HEAD, 1)
    for line in REPORT_TXT.split("附件")[0].splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for i, row in enumerate(ROWS):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_xlsx() -> bytes | None:
    try:
        import openpyxl
    except ImportError:
        return None
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "收入支出决算总表"
    sheet.append([HEAD])
    sheet.append(["单位：万元"])
    for row in ROWS:
        sheet.append([float(c) if c.replace(".", "").isdigit() else c for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_pdf() -> bytes | None:
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas
    except ImportError:
        return None
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setFont("STSong-Light", 10)
    y = 800
    for line in REPORT_TXT.splitlines()[:30]:
        page.drawString(40, y, line.replace("\t", "    "))
        y -= 14
    page.save()
    return buffer.getvalue()


def bases() -> dict[str, bytes]:
    """The small, valid reports every mutation starts from, by file suffix."""
    found = {".txt": REPORT_TXT.encode("utf-8"), ".md": report_md(), ".html": report_html(),
             ".docx": report_docx(), ".xlsx": report_xlsx(), ".pdf": report_pdf()}
    return {k: v for k, v in found.items() if v}


# --- byte mutations -------------------------------------------------------------------

def _flip(r: random.Random, data: bytearray) -> None:
    for _ in range(r.randint(1, 8)):
        i = r.randrange(len(data))
        data[i] ^= 1 << r.randrange(8)


def _overwrite(r, data):
    i = r.randrange(len(data))
    data[i:i + r.randint(1, 32)] = bytes(r.randrange(256) for _ in range(r.randint(1, 32)))


def _delete(r, data):
    i = r.randrange(len(data))
    del data[i:i + r.randint(1, max(1, len(data) // 4))]


# What broke the text/HTML readers and the count kind (issue 9): a character reference of 5,000
# digits, spans beyond HTML's maxima, bookmark and checkbox starts that never close, byte-order
# marks of UTF-32, and a run of stated counts each opening a list.
READER_PAYLOADS = [("&#" + "9" * 5000 + ";").encode(), b'<td rowspan="4294967296" colspan="99999">',
                   b'<td rowspan="' + b"9" * 5000 + b'">', b"[bookmark:" * 300, b"<input checked " * 100,
                   b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", "1111111111个：".encode() * 200,
                   "产出指标1个，其中数量指标1个，".encode() * 100]


def _insert(r, data):
    i = r.randrange(len(data) + 1)
    data[i:i] = r.choice([b"\x00" * 64, b"\xff\xfe", b"\xef\xbb\xbf", bytes(r.randrange(256) for _ in range(40)),
                          "\x1b[2J\x1b]0;x\x07\u202e\ufeff".encode(), b"9" * 5000,
                          "1%".encode() * 2000, "　\t\r".encode() * 300, b"<input " * 200,
                          "。；".encode() * 500, ("甲\n" * 800).encode(), *READER_PAYLOADS])


def _duplicate(r, data):
    i = r.randrange(len(data))
    chunk = data[i:i + r.randint(1, 256)]
    data[i:i] = chunk * r.randint(2, 20)


def _truncate(r, data):
    if len(data) > 1:
        del data[r.randrange(1, len(data)):]


MUTATORS = [_flip, _overwrite, _delete, _insert, _duplicate, _truncate]


def mutate_bytes(r: random.Random, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(r.randint(1, 4)):
        if not buffer:
            break
        r.choice(MUTATORS)(r, buffer)
    return bytes(buffer)


def mutate_zip(r: random.Random, data: bytes) -> bytes:
    """docx/xlsx: mutate the XML inside a member (reaching the parser), or the archive itself."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = [(i, source.read(i.filename)) for i in source.infolist()]
    except zipfile.BadZipFile:
        return mutate_bytes(r, data)
    target = r.randrange(len(members))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for k, (info, body) in enumerate(members):
            if k == target:
                body = mutate_bytes(r, body)
            archive.writestr(info.filename, body)
    return out.getvalue()


def reencode(r: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoding = r.choice(["gbk", "gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-32", "utf-32-le", "utf-32-be",
                         "big5", "latin-1"])
    body = text.encode(encoding, errors="replace")
    return r.choice([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe\x00\x00"]) + body


SPANS = ["0", "1", "2", "3", "-1", "abc", "2.5", " 4 ", "+3", "３", "", "65534", "65535", "1000", "1001",
         "99999999999", "9" * 5000]
CELL_TEXT = ["合计", "项目", "本年支出", "12.5", "1,234.00", "100%", "—", "", "&amp;", "&#" + "9" * 50 + ";",
             "&ldquo;三公&rdquo;", "<input type=checkbox checked>", "[bookmark: x]"]


def html_tables(r: random.Random) -> bytes:
    """An HTML page of random tables: spans of every odd kind, nested and unclosed tables, cells
    outside rows; what the HTML reader must read or refuse with a reason."""
    parts = [f"<html><body><h1>{HEAD}</h1>"]
    for _ in range(r.randint(1, 4)):
        parts.append("<table>")
        for _ in range(r.randint(0, 40)):
            parts.append(r.choice(["<tr>", "<tr>", "<tr>", ""]))
            for _ in range(r.randint(0, 10)):
                attrs = "".join(f' {name}="{r.choice(SPANS)}"' for name in ("rowspan", "colspan") if r.random() < 0.3)
                tag = r.choice(["td", "th"])
                parts.append(f"<{tag}{attrs}>{r.choice(CELL_TEXT)}" + (f"</{tag}>" if r.random() < 0.9 else ""))
                if r.random() < 0.02:
                    parts.append("<table><tr><td>内</td></tr>" + ("</table>" if r.random() < 0.5 else ""))
            parts.append(r.choice(["</tr>", "</tr>", ""]))
        parts.append(r.choice(["</table>", "</table>", ""]))
    parts.append("<p>本年支出合计320.00万元。</p></body></html>")
    return "".join(parts).encode("utf-8")


def document_cases(r: random.Random, count: int) -> list[tuple[str, bytes]]:
    """`count` mutated reports, spread over the formats; names are unique."""
    sources = bases()
    suffixes = sorted(sources)
    cases = []
    for n in range(count):
        suffix = suffixes[n % len(suffixes)]
        data = sources[suffix]
        if suffix in (".docx", ".xlsx") and r.random() < 0.6:
            body = mutate_zip(r, data)
        elif suffix in (".txt", ".md", ".html") and r.random() < 0.15:
            body = reencode(r, data)
        elif r.random() < 0.03:
            body = b""
        else:
            body = mutate_bytes(r, data)
        cases.append((f"m{n:05d}{suffix}", body))
    return cases


ODD_NAMES = [b"\xff\xfe\xb0bad", b"caf\xe9-latin1", "esc\x1b[2Jname\x07".encode(), b"-dash", b"--report",
             " lead space".encode(), "trail space ".encode(), "tab\tname".encode(), "new\nline".encode(),
             "引号'\"".encode(), "反斜杠\\".encode(), "\u202e右至左".encode(), "零宽\u200b".encode(),
             "emoji😀".encode(), "全角　空格".encode(), b"*?[glob]", b"%s%n%x", b"$(echo x)",
             "Ａ大写".encode(), b"a" * 200, "中".encode() * 70, b"..dots..", b"#hash", b"~tilde",
             "é".encode("utf-8"), "e\u0301".encode("utf-8")]


def odd_name_cases(r: random.Random, count: int) -> list[tuple[bytes, bytes]]:
    """Valid little reports under odd names (bytes: some are not UTF-8)."""
    body = REPORT_TXT.encode("utf-8")
    cases, seen = [], set()
    for n in range(count):
        stem = ODD_NAMES[n % len(ODD_NAMES)] + (b"" if n < len(ODD_NAMES) else f"-{n}".encode())
        name = stem[:240] + r.choice([b".txt", b".TXT", b".md"])
        if name not in seen:
            seen.add(name)
            cases.append((name, body))
    return cases


# --- configuration, rule, ignore and baseline files -----------------------------------

VALID_CONFIG = """disable: [PER001]
severity: {STR001: info}
ignore_paths: ["drafts/**"]
tolerance: {SUM001: {absolute: 0.05}}
rounding: true
fail_on: error
"""

BAD_CONFIGS = [
    "disable: 5\n", "disable: [1, 2]\n", "severity: [1]\n", "severity: {STR001: loud}\n", "rounding: 'no'\n",
    "rounding: maybe\n", "fail_on: 3\n", "tolerance: {SUM001: 3}\n", "tolerance: {SUM001: {absolute: abc}}\n",
    "tolerance: {SUM001: {relative: 7}}\n", "params: 7\n", "params: {SCO001: {formula: 'weight ** 99999'}}\n",
    "params: {NOPE001: {}}\n", "rules: {a: 1}\n", "ignore_file: [x]\n", "baseline: 5\n", "unknown: 1\n",
    "- 1\n- 2\n", "just a string\n", "42\n", "disable: [STR001\n", "\t- bad indentation\n", "a: b: c\n",
    "default_rules: 'yes'\n", "disable: !!python/object:os.system [echo]\n", "disable: &a [*a]\n",
    "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
    "a: " + "[" * 500 + "]" * 500 + "\n", "a:\n" + "".join(" " * i + "k:\n" for i in range(1, 200)),
    "rules: [/dev/zero]\n", "rules: [../../../../etc/passwd]\n", "ignore_file: /dev/zero\n",
]

# Odd but valid: may pass (0/1) or be refused (2), never an internal error
GREY_CONFIGS = ["disable: [" + ",".join(["STR001"] * 20000) + "]\n", "severity: {" + "STR001: error, " * 5 + "}\n",
                "\ufeffdisable: []\n", "disable: []\r\nrounding: false\r\n", "# only a comment\n", ""]

BAD_CONFIG_BYTES = [b"disable: [\xff\xfe]\n", b"\xff\xfe" + "disable: []\n".encode("utf-16-le"),
                    b"\x00\x00\x00", b"disable: [STR001]\x00\n"]

VALID_RULE = """id: XYZ001
name: x-y
title: 测试规则
kind: pattern
class: numbering
severity: error
message: "发现 {quote}"
doc: 测试
examples:
  fire: [甲甲甲, 甲甲]
  quiet: [乙, 丙]
params: {check: regex, regex: '甲+'}
"""

BAD_RULES = [
    VALID_RULE.replace("kind: pattern", "kind: [pattern]"),
    VALID_RULE.replace("kind: pattern", "kind: {a: 1}"),
    VALID_RULE.replace("{quote}", "{quote:%}"), VALID_RULE.replace("{quote}", "{quote:>999999999}"),
    VALID_RULE.replace("{quote}", "{quote!r}"), VALID_RULE.replace("{quote}", "{quote.__class__}"),
    VALID_RULE.replace("{quote}", "{quote[0]}"), VALID_RULE.replace("{quote}", "{0}"),
    VALID_RULE.replace("{quote}", "{nope}"), VALID_RULE.replace("{quote}", "{"),
    VALID_RULE.replace("'甲+'", "'(甲+)+$'"), VALID_RULE.replace("'甲+'", "'(a|a?)*(b*)*c'"),
    VALID_RULE.replace("'甲+'", "'a{99999999999}'"), VALID_RULE.replace("'甲+'", "'a{1000000}'"),
    VALID_RULE.replace("'甲+'", "'('"), VALID_RULE.replace("'甲+'", "'(?P<x>a)(?P=y)'"),
    VALID_RULE.replace("'甲+'", "'" + "a" * 5000 + "'"),
    VALID_RULE.replace("id: XYZ001", "id: [1]"), VALID_RULE.replace("severity: error", "severity: 5"),
    VALID_RULE.replace("params: {check: regex, regex: '甲+'}", "params: [1, 2]"),
    VALID_RULE.replace("params: {check: regex, regex: '甲+'}", "params: {check: nope}"),
    VALID_RULE.replace("fire: [甲甲甲, 甲甲]", "fire: 5"),
    "rules: 5\n", "rules: [1, 2]\n", "- a\n", "", "~\n",
    "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
    "rules: " + "[" * 300 + "]" * 300 + "\n",
]

# Odd but valid rules: their examples may fail (1) or they may be refused (2), never exit 4
GREY_RULES = [VALID_RULE.replace("'甲+'", "'" + "(" * 200 + "甲" + ")" * 200 + "+'"),
              VALID_RULE.replace("'甲+'", "'(?:甲|乙)+'"), VALID_RULE.replace("'甲+'", "'\\d{1,3}(?:,\\d{3})+'"),
              VALID_RULE.replace("发现 {quote}", "发现 {{quote}} {quote}"), "rules:\n  - " + VALID_RULE.replace("\n", "\n    "), VALID_RULE.replace("title: 测试规则", "title: " + "长" * 5000)]

VALID_IGNORE = "ignore:\n  - fingerprint: 0123456789abcdef\n    reason: 已核实\n    expires: 2999-12-31\n"
BAD_IGNORES = ["- a\n- b\n", "ignore: 5\n", "ignore: [{fingerprint: xyz, reason: r}]\n",
               "ignore: [{reason: r}]\n", "ignore: [{fingerprint: 0123456789abcdef, reason: ''}]\n",
               "ignore: [{fingerprint: 0123456789abcdef, reason: r, expires: tomorrow}]\n",
               "ignore: [{fingerprint: 0123456789abcdef, reason: r, expires: 2024-02-30}]\n",
               "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"]

VALID_BASELINE = '{"version": 1, "findings": [{"fingerprint": "0123456789abcdef", "rule": "XYZ001"}]}'
BAD_BASELINES = ['{"version": 1, "findings": [{"rule": "X"}]}', '{"version": 2}', "[]", "5", "",
                 '{"version": 1, "findings": 5}', "[" * 50000 + "]" * 50000, '{"version": 1, "findings": [',
                 '{"version": 1, "findings": [{"fingerprint": 5}]}', "\x00"]
GREY_BASELINES = ['\ufeff{"version": 1}', '{"version": 1, "findings": [], "extra": 1}', '{"version": 1.0}']


@dataclass
class FileCase:
    """One invocation over a hostile settings file: which option, the file, the exit codes allowed."""

    option: str
    name: str
    body: bytes
    allowed: tuple = (2,)
    note: str = ""


def settings_cases(r: random.Random, mutated: int) -> list[FileCase]:
    cases = []
    for i, text in enumerate(BAD_CONFIGS):
        cases.append(FileCase("--config", f"bad{i:03d}.yaml", text.encode("utf-8"), (2,), text[:40]))
    for i, text in enumerate(GREY_CONFIGS):
        cases.append(FileCase("--config", f"grey{i:03d}.yaml", text.encode("utf-8"), (0, 1, 2), text[:40]))
    for i, body in enumerate(BAD_CONFIG_BYTES):
        cases.append(FileCase("--config", f"badb{i:03d}.yaml", body, (2,)))
    for i, text in enumerate(BAD_RULES):
        cases.append(FileCase("--rules", f"rule{i:03d}.yaml", text.encode("utf-8"), (2,), text[:40]))
    for i, text in enumerate(GREY_RULES):
        cases.append(FileCase("--rules", f"greyrule{i:03d}.yaml", text.encode("utf-8"), (0, 1, 2), text[:40]))
    for i, text in enumerate(BAD_IGNORES):
        cases.append(FileCase("--ignore-file", f"ignore{i:03d}.yaml", text.encode("utf-8"), (2,)))
    for i, text in enumerate(BAD_BASELINES):
        cases.append(FileCase("--baseline", f"baseline{i:03d}.json", text.encode("utf-8"), (2,)))
    for i, text in enumerate(GREY_BASELINES):
        cases.append(FileCase("--baseline", f"greybase{i:03d}.json", text.encode("utf-8"), (0, 1, 2)))
    # byte mutations of valid files: anything but an internal error (4) or a traceback
    sources = [("--config", ".yaml", VALID_CONFIG), ("--rules", ".yaml", VALID_RULE),
               ("--ignore-file", ".yaml", VALID_IGNORE), ("--baseline", ".json", VALID_BASELINE)]
    for n in range(mutated):
        option, suffix, text = sources[n % len(sources)]
        body = mutate_bytes(r, text.encode("utf-8"))
        cases.append(FileCase(option, f"mut{n:04d}{suffix}", body, (0, 1, 2), "mutated"))
    return cases


@dataclass
class Corpus:
    root: Path
    documents: list[Path] = field(default_factory=list)
    settings: list[tuple[FileCase, Path]] = field(default_factory=list)

    @property
    def cases(self) -> int:
        return len(self.documents) + len(self.settings)


def generate(root: Path, seed: int = 9, documents: int = 1700, names: int = 100, settings: int = 160) -> Corpus:
    """Write the corpus under `root`: docs/ (mutated reports and odd names) and settings/."""
    r = random.Random(seed)
    corpus = Corpus(root)
    docs = root / "docs"
    (docs / "names").mkdir(parents=True, exist_ok=True)
    for name, body in document_cases(r, documents):
        path = docs / name
        path.write_bytes(body)
        corpus.documents.append(path)
    for name, body in odd_name_cases(r, names):
        path = Path(os.fsdecode(os.path.join(os.fsencode(docs / "names"), name)))
        try:
            path.write_bytes(body)
        except OSError:  # a file system that refuses the name
            continue
        corpus.documents.append(path)
    folder = root / "settings"
    folder.mkdir(exist_ok=True)
    for case in settings_cases(r, settings):
        path = folder / case.name
        path.write_bytes(case.body)
        corpus.settings.append((case, path))
    return corpus
