"""Issue 9, the text and HTML readers: every encoding read or refused with a reason, caps that say
超出限制 and name the limit, entities decoded once, spans that cannot allocate gigabytes, and
clean-up that stays linear on tiny hostile files. All inputs are generated here."""
from __future__ import annotations

import random
import re
import sys
import tracemalloc
from pathlib import Path

import pytest

from auditor.ingest import ReadError, load
from auditor.ingest import raw
from auditor.ingest.cleanup import TRADITIONAL, clean_text, unescape
from auditor.ingest.html_reader import read_html
from auditor.ingest.text import decode, read_text

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))
from hostile_corpus import REPORT_TXT  # noqa: E402

TEXT = "示范县档案服务中心2024年度部门决算\n本年支出合计320.00万元，其中基本支出200.00万元。\n单位：万元\n"


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def refused(path: str, *words: str) -> str:
    with pytest.raises(ReadError) as caught:
        load(path)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    return message


# --- encodings ---------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    TEXT.encode("utf-32"),                                   # with its byte-order mark (LE on this machine)
    b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),          # big-endian mark
    TEXT.encode("utf-32-le"), TEXT.encode("utf-32-be"),      # no mark
    TEXT.encode("utf-16"), TEXT.encode("utf-16-le"), TEXT.encode("utf-16-be"),
    b"\xef\xbb\xbf" + TEXT.encode("gbk"),                    # a UTF-8 mark in front of GBK text
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT.encode("gb18030"),
], ids=["utf32-bom", "utf32be-bom", "utf32le", "utf32be", "utf16-bom", "utf16le", "utf16be", "bom-gbk",
        "utf8-bom", "gb18030"])
def test_every_text_encoding_is_read_as_its_text(tmp_path, data):
    doc = load(write(tmp_path, "r.txt", data))
    assert "本年支出合计320.00万元" in doc.text
    assert "\x00" not in doc.text and doc.meta["report_year"] == 2024


def test_utf32_is_not_read_as_spaced_out_utf16(tmp_path):
    """The UTF-32-LE mark begins with the UTF-16-LE one; read as UTF-16 the text came out with a
    NUL after every character and was audited as clean."""
    blocks = read_text(write(tmp_path, "r.txt", TEXT.encode("utf-32")))
    assert blocks[0].text == "示范县档案服务中心2024年度部门决算"


@pytest.mark.parametrize("data,words", [
    (b"\xff\xfe" + "部门决算".encode("utf-16-le") + b"\x42", ["UTF-16", "整数倍", "截断"]),
    (TEXT.encode("utf-32")[:-1], ["UTF-32", "整数倍"]),
    (b"\xff\xfe" + b"\x00\xd8\x41\x00", ["UTF-16", "第 3 字节"]),             # a lone surrogate
    (b"\xff\xfe\x00\x00" + b"\x00\x00\x11\x00", ["UTF-32", "第 5 字节"]),     # beyond U+10FFFF
    (b"\xef\xbb\xbf" + bytes(range(0x80, 0x100)) * 4, ["UTF-8", "GB18030"]),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), ["不是文本文件", "第 9 字节", "NUL"]),
    (bytes(range(1, 32)) * 50, ["控制字符"]),                                # binary without a NUL
    ("café, résumé, naïve".encode("latin-1"), ["无法识别文件编码", "UTF-8"]),
], ids=["utf16-odd", "utf32-cut", "utf16-surrogate", "utf32-range", "bom-binary", "png", "controls", "latin1"])
def test_what_is_not_text_is_refused_with_its_reason(tmp_path, data, words):
    refused(write(tmp_path, "r.txt", data), *words)
    refused(write(tmp_path, "r.html", data), *words)


def test_decoding_raises_only_its_declared_error():
    """Random bytes and mutated encodings of a report: text or a ReadError, nothing else (a
    UTF-16 file with an odd byte count was a UnicodeDecodeError)."""
    r = random.Random(9)
    bases = [REPORT_TXT.encode(e) for e in ("utf-8", "gbk", "utf-16", "utf-16-be", "utf-32", "utf-32-be")]
    outcomes = set()
    for _ in range(3000):
        data = bytearray(r.choice(bases))
        for _ in range(r.randint(1, 4)):
            k = r.randrange(len(data))
            if r.random() < 0.5:
                data[k] ^= 1 << r.randrange(8)
            else:
                del data[k:k + r.randint(1, 3)]
        data = bytes(r.choice([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])) + bytes(data)
        try:
            text = decode(data)
        except ReadError as exc:
            assert str(exc), data[:20]
            outcomes.add("refused")
        else:
            assert isinstance(text, str)
            outcomes.add("read")
    assert outcomes == {"read", "refused"}


# --- caps ----------------------------------------------------------------------------------

def test_a_text_over_the_size_limit_is_refused_naming_it(tmp_path):
    line = "本年支出合计100万元，其中基本支出60万元。\n".encode("utf-8")
    data = line * (raw.MAX_TEXT_BYTES // len(line) + 1)
    message = refused(write(tmp_path, "big.txt", data), "超出限制", f"{raw.MAX_TEXT_BYTES // raw.MB} MB")
    assert "文本文件" in message


def test_a_line_over_the_length_limit_is_refused_naming_it(tmp_path):
    long_line = "甲" * (raw.MAX_LINE_CHARS + 1)
    refused(write(tmp_path, "r.txt", f"2024年度部门决算\n{long_line}\n".encode()),
            "超出限制", "第 2 行", str(raw.MAX_LINE_CHARS))
    assert read_text(write(tmp_path, "ok.txt", ("甲" * raw.MAX_LINE_CHARS).encode()))  # at the limit: read


def test_too_many_paragraphs_are_refused_naming_the_limit(tmp_path):
    data = "段\n\n".encode() * (raw.MAX_BLOCKS + 2)
    with pytest.raises(ReadError, match=f"超出限制.*{raw.MAX_BLOCKS}"):
        read_text(write(tmp_path, "r.txt", data))


def test_a_5000_digit_character_reference_is_read_not_crashed(tmp_path):
    ref = "&#" + "9" * 5000 + ";"
    doc = load(write(tmp_path, "r.txt", f"2024年度部门决算\n本年支出{ref}合计100万元&#0000000065;。\n".encode()))
    assert "本年支出\ufffd合计100万元A。" in doc.text
    doc = load(write(tmp_path, "r.html", f"<p>2024年度部门决算</p><p>本年支出{ref}合计100万元</p>".encode()))
    assert "本年支出\ufffd合计100万元" in doc.text
    assert unescape("&#x" + "f" * 5000 + ";") == "\ufffd"


# --- HTML ----------------------------------------------------------------------------------

def test_html_entities_are_decoded_once(tmp_path):
    page = ("<p>2024年度部门决算</p><p>&ldquo;三公&#8221;经费&nbsp;支出 &amp;lt;b&amp;gt; &lt;b&gt; &amp;quot;</p>"
            "<table><tr><td>项目&amp;说明</td><td>&#50;&#48;</td></tr><tr><td>合计</td><td>20</td></tr></table>")
    blocks = read_html(write(tmp_path, "r.html", page.encode()))
    assert blocks[1].text == "“三公”经费 支出 &lt;b&gt; <b> &quot;"
    assert [c.text for c in blocks[2].rows[0]] == ["项目&说明", "20"]


def test_html_quotes_of_findings_are_found_in_the_decoded_text(tmp_path):
    """A finding in a paragraph written with entities quotes the decoded text, at its place."""
    import html

    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    text = REPORT_TXT.split("附件")[0].replace("“三公”经费支出6.00万元", "“三公”经费支出7.00万元")
    body = "".join(f"<p>{html.escape(line).replace('“', '&ldquo;').replace('”', '&#8221;')}</p>"
                   for line in text.splitlines())
    path = write(tmp_path, "r.html", f"<html><body>{body}</body></html>".encode())
    result = audit_file(path, load_rules())
    [finding] = [f for f in result.findings if "三公" in f.quote]
    paragraph = next(p for p in text.splitlines() if "三公”经费支出7" in p)
    assert finding.quote in paragraph and "“三公”" in finding.quote and "&" not in finding.quote


def test_huge_spans_are_clamped_and_spread_only_over_rows_that_exist(tmp_path):
    page = ('<table><tr><td rowspan="99999999999999999999" colspan="3">甲</td><td>乙</td></tr>'
            '<tr><td>丙</td></tr><tr></tr><tr></tr><tr><td colspan="' + "9" * 5000 + '">丁</td></tr></table>')
    [table] = read_html(write(tmp_path, "r.html", page.encode()))
    assert [c.text for c in table.rows[0]] == ["甲", "", "", "乙"]
    assert [c.text for c in table.rows[1]] == ["", "", "", "丙"]
    last = table.rows[2]  # the empty rows are kept out, the rowspan still covers the row after them
    assert [c.text for c in last[:4]] == ["", "", "", "丁"] and len(last) == 3 + raw.MAX_HTML_COLSPAN


def test_rowspan_semantics_of_ordinary_tables(tmp_path):
    page = ("<table><tr><td rowspan=2>A</td><td>B</td><td rowspan='3'>C</td></tr>"
            "<tr><td>D</td></tr><tr><td>E</td><td>F</td></tr><tr><td>G</td><td>H</td><td>I</td></tr></table>")
    [table] = read_html(write(tmp_path, "r.html", page.encode()))
    assert [[c.text for c in row] for row in table.rows] == [["A", "B", "C"], ["", "D"], ["E", "F"],
                                                             ["G", "H", "I"]]


def test_a_rowspan_bomb_is_refused_without_allocating(tmp_path):
    """The campaign's 3 GB table: 2,000 rows, each cell spanning 65,534 rows and 1,000 columns."""
    rows = "".join(f'<tr><td rowspan="65534" colspan="1000">{i}</td><td>1%</td></tr>' for i in range(2000))
    path = write(tmp_path, "spans.html", f"<html><body><table>{rows}</table></body></html>".encode())
    tracemalloc.start()
    try:
        with pytest.raises(ReadError) as caught:
            read_html(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "超出限制" in str(caught.value) and str(raw.MAX_TABLE_CELLS) in str(caught.value)
    assert peak < 200 * raw.MB, peak


def test_empty_rows_under_a_rowspan_take_no_memory(tmp_path):
    def rows(empty: int) -> list:
        page = ('<table><tr><td rowspan="65534">甲</td><td>乙</td></tr>' + "<tr>" * empty
                + "<tr><td>丙</td></tr></table>")
        [table] = read_html(write(tmp_path, "r.html", page.encode()))
        return [[c.text for c in row] for row in table.rows]

    assert rows(65_532) == [["甲", "乙"], ["", "丙"]]  # 丙 in the span's last row
    assert rows(65_533) == [["甲", "乙"], ["丙"]]  # one row further: past it


@pytest.mark.parametrize("unit", ["<span", "</x", "<a x=", "<a/", "<a b c d ", "<?x", "<![if >", "<!-- a >"])
def test_html_that_never_completes_a_tag_is_read_in_linear_time(tmp_path, unit):
    """The standard library's parser rescanned to the end of the input from every `<` it could not
    complete (80 KB of `<a x=` took 47 s, `<a/` longer); a megabyte of each is read here in
    milliseconds, the way HTML5 reads it (libxml2 2.14: what follows a tag that never closes is
    part of that tag, an unclosed comment runs to the end)."""
    page = "<p>2024年度部门决算</p>" + unit * (1_000_000 // len(unit)) + "<p>本年支出合计100万元</p>"
    texts = [b.text for b in read_html(write(tmp_path, "r.html", page.encode()))]
    assert texts[0] == "2024年度部门决算" and len(texts) <= 2
    assert all(unit not in t for t in texts)  # no tag start read as text


def test_html_caps_name_their_limits(tmp_path, monkeypatch):
    refused(write(tmp_path, "deep.html", b"<table>" * (raw.MAX_TABLE_DEPTH + 1)), "超出限制",
            f"最多嵌套 {raw.MAX_TABLE_DEPTH} 层")
    wide = "<table><tr>" + '<td colspan="1000">1</td>' * (raw.MAX_TABLE_CELLS // 1000 + 1) + "</tr></table>"
    refused(write(tmp_path, "wide.html", wide.encode()), "超出限制", str(raw.MAX_TABLE_CELLS))
    tables = "".join("<table>" + f'<tr><td colspan="1000">{k}</td></tr>' * 150 + "</table>"
                     for k in range(raw.MAX_DOCUMENT_CELLS // 150_000 + 1))
    refused(write(tmp_path, "tables.html", tables.encode()), "超出限制", str(raw.MAX_DOCUMENT_CELLS))
    big = b"<p>" + b"a" * raw.MAX_HTML_BYTES + b"</p>"
    refused(write(tmp_path, "big.html", big), "超出限制", f"{raw.MAX_HTML_BYTES // raw.MB} MB")
    from auditor.ingest import html_reader

    monkeypatch.setattr(html_reader, "MAX_BLOCKS", 1000)  # the cap itself is the text reader's (tested above)
    refused(write(tmp_path, "many.html", b"<p>a</p>" * 1001), "超出限制", "最多 1000 个")


# --- clean-up stays linear -------------------------------------------------------------------

# The clean-up as first written: regexes that scanned to the end of the text from every start
# with no closing character after it. The linear rewrite must give the same text.
REFERENCE = [(re.compile(r"\[bookmark:[^\]]*\]"), ""), (re.compile(r"<input[^>]*\bchecked\b[^>]*/?>", re.I), "☑"),
             (re.compile(r"<input[^>]*type=\"?checkbox\"?[^>]*/?>", re.I), "☐"),
             (re.compile(r"\s*(?:</p>\s*<p>|<br\s*/?>)\s*", re.I), " "),
             (re.compile(r"</?(?:p|span|div|b|i|u|strong|em|sup|sub|font)\b[^>]*>", re.I), "")]


def reference_clean(text: str) -> str:
    for pattern, repl in REFERENCE:
        text = pattern.sub(repl, text)
    return text.translate(TRADITIONAL)  # the tokens below hold no entities and no math


def test_linear_clean_up_gives_the_text_the_plain_regexes_gave():
    tokens = ["<input", "<INPUT", " ", "   ", "\t", "checked", "uncheckedx", "type=checkbox", 'type="checkbox"', ">",
              "/>", "<", "a", "中", "[bookmark:", "]", "[", "</p>", "<p>", "<br>", "<br/>", "<span>", "</b>", "<b",
              "<div class='x'>"]
    r = random.Random(3)
    for _ in range(20000):
        text = "".join(r.choice(tokens) for _ in range(r.randint(0, 12)))
        assert clean_text(text) == reference_clean(text), text


@pytest.mark.parametrize("unit,closed", [
    ("<input ", None),                  # 105 KB took over 10 s: every start scanned to the end
    ("<input checked ", "☑]"),
    ("[bookmark:", ""),
    ("<b ", "]"),
    (" " * 999 + "<", None),            # white space before no break tag, crossed once per space
])
def test_clean_up_of_a_megabyte_of_one_tag_start(unit, closed):
    """A megabyte of a tag start that never closes: each character is looked at a bounded number
    of times, so this takes milliseconds (quadratically, ~10^11 steps); the text comes back as the
    plain regexes give it. With the closing character at the end, the first start takes it all."""
    text = unit * (1_000_000 // len(unit))
    assert clean_text(text) == text
    assert clean_text(text + ">]") == (text + ">]" if closed is None else closed)
    breaks = ("<br>" + " " * 20) * 50_000
    assert clean_text(breaks) == " " * 50_000


# --- text layouts stay linear ---------------------------------------------------------------

def test_a_markdown_heading_with_a_long_run_of_spaces(tmp_path):
    """`^(#{1,6})\\s+(.+?)\\s*#*\\s*$` split a run of spaces between its two \\s* in every way at
    every end of the lazy text: cubic, 20 s for 2,000 spaces, hours for the line limit."""
    line = "# 甲" + " " * (raw.MAX_LINE_CHARS - 4) + "乙"
    heading = read_text(write(tmp_path, "r.md", f"{line}\n".encode()))[0]
    assert heading.kind == "heading" and heading.level == 1
    assert heading.text.startswith("甲 ") and heading.text.endswith(" 乙") and len(heading.text) == len(line) - 2
    blocks = read_text(write(tmp_path, "h.md", "## 二、收入 ##  \n\n### 三、支出\n".encode()))
    assert [(b.kind, b.level, b.text) for b in blocks] == [("heading", 2, "二、收入"), ("heading", 3, "三、支出")]


def test_a_cell_wrapped_over_many_lines_is_joined_once(tmp_path):
    """A tab-indented cell followed by lines that continue it: the cell text was copied once per
    line (quadratic: 80,000 lines took 8 s)."""
    lines = ["\t年度目标", "\tab"] + ["cd", "乙乙"] * 100_000 + ["", "\t合计", "\t100"]
    [table] = read_text(write(tmp_path, "r.txt", "\n".join(lines).encode()))
    assert [[c.text for c in row] for row in table.rows] == [["年度目标", "ab cd" + "乙乙cd" * 99_999 + "乙乙"],
                                                             ["合计", "100"]]
