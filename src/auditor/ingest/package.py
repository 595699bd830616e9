"""Office zip packages (.docx, .xlsx) opened with their limits checked before anything is parsed.

A package is a zip of XML parts. Before a part is parsed, the archive's member count (read from
its end record, before zipfile builds one object per member), the part's declared size, its
compression ratio, and the bytes actually decompressed are held to the limits below; every
refusal is a ReadError saying 超出限制 and naming the limit. XML is parsed by lxml without
entity expansion, network or DTD loading, and a part that carries a DTD is refused outright:
OOXML forbids DTDs in package parts and tells readers to treat one as an error (ECMA-376
Part 2, Open Packaging Conventions, M1.18), so a DOCTYPE means a crafted file, and it is what
entity bombs and external entities need.

The libraries this replaces parse the same way or weaker: python-docx uses lxml with
resolve_entities=False (since 0.8.6); openpyxl uses lxml with resolve_entities=False for most
parts but the standard library's expat for worksheets and shared strings, guarded against
billion-laughs only when defusedxml is installed (it is not a dependency here).
"""
from __future__ import annotations

import os
import posixpath
import re
import struct
import zipfile
import zlib

from .raw import ReadError, over_limit

MB = 1024 * 1024

# --- Limits: one place, each with its reason ---------------------------------------------
# A Word or Excel package holds tens of parts, a workbook of a thousand sheets a few
# thousand; zipfile builds one object (a few hundred bytes) per member when it opens the
# archive, so a crafted central directory of millions of entries costs memory before any
# check could run. That is why the count is read from the end record first.
MAX_MEMBERS = 10_000
# The largest XML part in the synthetic corpus is 0.4 MB (a styles part), a body 0.1 MB; a
# report of some hundred pages stays within a few MB. lxml's tree takes 10-20 times the XML
# (a sheet of small cells about 20 times), so 64 MB of XML, some 1.3 GB of tree, stays inside
# the worker's memory limit (3 GB by default) while holding far longer reports than any real.
MAX_PART_BYTES = 64 * MB
# All parts one document reads together (body, styles, strings, every sheet).
MAX_TOTAL_BYTES = 256 * MB
# Report XML compresses 5-35x (the corpus's highest part 32x; a sheet of 100,000 rows of
# identical styled empty cells 12x); deflate cannot exceed about 1,030x, which is where zip
# bombs sit, so 200x leaves real files a wide margin. Small parts are exempt: whatever their
# ratio, under RATIO_EXEMPT_BYTES they cost nothing.
MAX_RATIO = 200
RATIO_EXEMPT_BYTES = 1 * MB
# Table cells in one document after merged cells are spread and rows padded to the table's
# width. The synthetic corpus's documents hold at most 709; a 10,000-row statement of 20
# columns is 200,000; a million cells is some hundreds of MB of model objects. A tiny crafted
# file reaches it through a huge gridSpan (Word) or one cell far to the right (Excel), so it
# is checked as rows are built.
MAX_CELLS = 1_000_000
# Excel's own grid (XFD = column 16,384, row 1,048,576); Word allows 63 columns.
MAX_COLUMNS = 16_384
MAX_ROWS = 1_048_576
# Merged ranges in one sheet: real statements have tens to a few hundred.
MAX_MERGED_RANGES = 100_000
# A merged range is spread into the set of cells it covers when it has at most this many
# (real merges are a title row or a label over a few dozen rows: tens to hundreds of cells);
# a larger one is kept as a rectangle that each cell is tested against, so one range over the
# whole grid (17 billion cells) costs nothing. Spread cells count against MAX_CELLS.
SPREAD_MERGE_CELLS = 10_000
# Rectangles each cell is tested against: the cost is cells x rectangles, so they are few.
MAX_LARGE_MERGES = 100

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_PARSERS: dict = {}


def xml_parser(remove_blank_text: bool = False, remove_comments: bool = False):
    """lxml parser that expands no entity, loads no DTD and touches no network; huge_tree
    stays off, so libxml2's own limits on depth and text node size hold too. Word parts are
    parsed as python-docx parses them (blank text dropped); Excel parts as the standard
    library's parser that openpyxl uses sees them (no comments, no processing instructions)."""
    key = (remove_blank_text, remove_comments)
    if key not in _PARSERS:
        from lxml import etree

        _PARSERS[key] = etree.XMLParser(
            resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
            huge_tree=False, remove_blank_text=remove_blank_text, remove_comments=remove_comments,
            remove_pis=remove_comments)
    return _PARSERS[key]


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n} 字节"


def check_cells(count: int) -> None:
    if count > MAX_CELLS:
        raise over_limit(f"表格单元格总数超过 {MAX_CELLS:,} 个", f"每个文档上限 {MAX_CELLS:,} 个")


def _declared_members(fp) -> int | None:
    """Member count from the end-of-central-directory record (zip64 aware), None when the
    record is not found (zipfile then says what is wrong)."""
    fp.seek(0, os.SEEK_END)
    size = fp.tell()
    tail = min(size, 22 + 65535)
    fp.seek(size - tail)
    data = fp.read(tail)
    at = data.rfind(b"PK\x05\x06")
    if at < 0 or len(data) - at < 22:
        return None
    count = struct.unpack("<H", data[at + 10:at + 12])[0]
    if count == 0xFFFF and at >= 20 and data[at - 20:at - 16] == b"PK\x06\x07":
        offset = struct.unpack("<Q", data[at - 12:at - 4])[0]
        if offset + 56 <= size:
            fp.seek(offset)
            record = fp.read(56)
            if record[:4] == b"PK\x06\x06":
                count = struct.unpack("<Q", record[32:40])[0]
    return count


class Package:
    """One .docx/.xlsx archive; `label` names the format in messages (Word 文件, Excel 文件)."""

    def __init__(self, path: str, label: str, suffix: str):
        self.label = label
        self.total = 0
        try:
            with open(path, "rb") as fp:
                head = fp.read(8)
                if head == OLE_MAGIC:
                    raise ReadError(f"无法打开 {label}：这是 OLE 复合文档（旧版 .doc/.xls 或加密的 Office "
                                    f"文件），不是 {suffix} 压缩包")
                count = _declared_members(fp)
            if count is not None and count > MAX_MEMBERS:
                raise over_limit(f"压缩包有 {count:,} 个成员", f"成员数上限 {MAX_MEMBERS:,} 个")
            self.zip = zipfile.ZipFile(path)
        except ReadError:
            raise
        except NotImplementedError as exc:  # "zip file version 8.4": a version zipfile cannot read
            raise ReadError(f"无法打开 {label}（文件损坏或不是 {suffix}）：压缩包要求的 zip 版本不受支持"
                            f"（{str(exc)[:60]}）") from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OverflowError, struct.error) as exc:
            raise ReadError(f"无法打开 {label}（文件损坏或不是 {suffix}）：不是有效的 zip 压缩包") from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            self.zip.close()
            raise over_limit(f"压缩包有 {len(infos):,} 个成员", f"成员数上限 {MAX_MEMBERS:,} 个")
        self.infos = {info.filename: info for info in infos}
        self.lower = {name.lower(): name for name in self.infos}
        self._types: tuple[dict[str, str], dict[str, str]] | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.zip.close()

    def find(self, name: str) -> str | None:
        """The member for a part name (OPC part names compare case-insensitively)."""
        name = name.lstrip("/")
        if name in self.infos:
            return name
        return self.lower.get(name.lower())

    def read(self, name: str) -> bytes:
        member = self.find(name)
        if member is None:
            raise ReadError(f"{self.label}缺少部件「{name}」")
        info = self.infos[member]
        if info.file_size > MAX_PART_BYTES:
            raise over_limit(f"部件「{member}」声明解压后 {_size(info.file_size)}",
                             f"每个部件上限 {_size(MAX_PART_BYTES)}")
        if info.file_size > RATIO_EXEMPT_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise over_limit(f"部件「{member}」的压缩比为 {ratio:,.0f}:1",
                             f"压缩比上限 {MAX_RATIO}:1，{_size(RATIO_EXEMPT_BYTES)} 以下的部件不限")
        budget = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self.total)
        try:
            with self.zip.open(info) as stream:
                # zipfile stops at the declared size; reading at most one byte past the
                # budget holds even if it did not (a member may lie about its size).
                data = stream.read(budget + 1)
        except RuntimeError as exc:  # "File is encrypted, password required"
            raise ReadError(f"{self.label}的部件「{member}」已加密，无法读取") from exc
        except NotImplementedError as exc:
            raise ReadError(f"{self.label}的部件「{member}」使用了不支持的压缩方式") from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise ReadError(f"{self.label}的部件「{member}」已损坏：{_zip_reason(exc)}") from exc
        if len(data) > budget:
            if budget < MAX_PART_BYTES:
                raise over_limit(f"读到部件「{member}」时各部件解压后合计超过 {_size(MAX_TOTAL_BYTES)}",
                                 f"合计上限 {_size(MAX_TOTAL_BYTES)}")
            raise over_limit(f"部件「{member}」解压后超过 {_size(MAX_PART_BYTES)}",
                             f"每个部件上限 {_size(MAX_PART_BYTES)}")
        self.total += len(data)
        return data

    def xml(self, name: str, remove_blank_text: bool = False, remove_comments: bool = False,
            data: bytes | None = None):
        """The root element of a part (its bytes, if already read), parsed without entities; a
        DTD is refused."""
        from lxml import etree

        data = self.read(name) if data is None else data
        member = self.find(name)
        head = data[:4096]
        if b"<!DOCTYPE" in head or b"<\x00!\x00D\x00O\x00C\x00" in head or b"\x00<\x00!\x00D\x00O\x00C" in head:
            raise _dtd_error(self.label, member)
        try:
            root = etree.fromstring(data, xml_parser(remove_blank_text, remove_comments))
        except etree.XMLSyntaxError as exc:
            raise ReadError(f"{self.label}的部件「{member}」不是格式正确的 XML（{_xml_reason(exc)}）") from exc
        except (ValueError, etree.LxmlError) as exc:
            raise ReadError(f"{self.label}的部件「{member}」无法解析：{type(exc).__name__}") from exc
        docinfo = root.getroottree().docinfo  # a DOCTYPE further in than the first 4 KB
        if docinfo.internalDTD is not None or docinfo.doctype:
            raise _dtd_error(self.label, member)
        return root

    def content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        """[Content_Types].xml: (extension -> type, part name -> type), both lower-cased keys;
        a repeated entry replaces the earlier one, as python-docx reads them."""
        if self._types is not None:
            return self._types
        defaults, overrides = {}, {}
        self._types = defaults, overrides
        if self.find("[Content_Types].xml") is None:
            return defaults, overrides
        for el in self.xml("[Content_Types].xml"):
            tag = _local(el.tag)  # by local name, as openpyxl matches them
            if tag == "Default" and el.get("Extension") is not None:
                defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
            elif tag == "Override" and el.get("PartName") is not None:
                overrides[el.get("PartName", "").lower()] = el.get("ContentType", "")
        return defaults, overrides

    def content_type(self, part: str) -> str | None:
        defaults, overrides = self.content_types()
        key = "/" + part.lstrip("/")
        if key.lower() in overrides:
            return overrides[key.lower()]
        return defaults.get(posixpath.splitext(key)[1][1:].lower())

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(Id, Type, target part name) of the internal relationships of `part` ("" for the
        package itself), targets resolved against the part's folder."""
        folder, name = posixpath.split(part.lstrip("/"))
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if self.find(rels) is None:
            return []
        out = []
        for el in self.xml(rels):
            if _local(el.tag) != "Relationship":
                continue
            if el.get("TargetMode") == "External":
                continue
            target = el.get("Target") or ""
            if target.startswith("/"):
                resolved = target[1:]
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target)) if target else ""
            out.append((el.get("Id") or "", el.get("Type") or "", resolved))
        return out


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _dtd_error(label: str, member: str) -> ReadError:
    return ReadError(f"{label}的部件「{member}」含有 DTD 声明（Office 文件不允许），出于安全考虑拒绝读取")


def _zip_reason(exc) -> str:
    text = str(exc)
    if "CRC" in text:
        return "校验和不符（数据被改动或截断）"
    if "magic number" in text or "File name in directory" in text:
        return "成员头部与目录不符"
    if isinstance(exc, zlib.error):
        return "压缩数据无法解压"
    if isinstance(exc, EOFError):
        return "数据被截断"
    if isinstance(exc, OSError):
        return "成员在文件中的位置无效"
    return f"无法解压（{type(exc).__name__}）"


def _xml_reason(exc) -> str:
    """libxml2's message with its position in Chinese: 第 L 行第 C 列：message."""
    message = re.sub(r",? line \d+, column \d+.*$", "", (getattr(exc, "msg", None) or str(exc)).splitlines()[0])
    line, column = getattr(exc, "position", None) or (getattr(exc, "lineno", 0), 0)
    return f"第 {line} 行第 {column} 列：{message[:160]}"


def open_package(path: str, label: str, suffix: str) -> Package:
    return Package(path, label, suffix)
