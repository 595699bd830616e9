"""Ingestion: every format is read into raw blocks, then built into one document model."""
from __future__ import annotations

import os
from pathlib import Path

from ..model import Document
from .build import build_document
from .raw import ReadError

# suffix -> (module, function); modules are imported only when a file needs them.
READERS = {
    ".txt": ("text", "read_text"),
    ".md": ("text", "read_text"),
    ".markdown": ("text", "read_text"),
    ".docx": ("docx_reader", "read_docx"),
    ".pdf": ("pdf_reader", "read_pdf"),
    ".xlsx": ("xlsx_reader", "read_xlsx"),
    ".xlsm": ("xlsx_reader", "read_xlsx"),
    ".html": ("html_reader", "read_html"),
    ".htm": ("html_reader", "read_html"),
}
SUPPORTED = tuple(sorted(READERS))


def load(path: str | os.PathLike) -> Document:
    """Read one file into a Document; raises ReadError with a Chinese explanation. The garbage
    collector is paused meanwhile (see collector.py)."""
    from ..collector import paused

    with paused():
        return _load(str(path))


def _load(path: str) -> Document:
    suffix = Path(path).suffix.lower()
    if suffix not in READERS:
        raise ReadError(f"不支持的文件类型「{suffix or '无扩展名'}」（支持：{'、'.join(SUPPORTED)}）")
    if not os.path.isfile(path):
        raise ReadError("文件不存在或不是普通文件")
    if os.path.getsize(path) == 0:
        raise ReadError("文件为空")
    module_name, function = READERS[suffix]
    from importlib import import_module

    reader = getattr(import_module(f".{module_name}", __name__), function)
    try:
        raw_blocks = reader(path)
    except ReadError:
        raise
    except PermissionError as exc:
        raise ReadError(f"没有读取权限：{exc.strerror}") from exc
    except OSError as exc:
        raise ReadError(f"读取失败：{exc.strerror or exc}") from exc
    if not any(b.text.strip() or b.rows for b in raw_blocks):
        raise ReadError("文件中没有可读的文字内容")
    return build_document(path, raw_blocks)


__all__ = ["load", "ReadError", "SUPPORTED"]
