"""Help text in Chinese, plain and wrapped at 80 columns (CJK characters count twice).

Replaces the English boilerplate of the command-line library: usage line, section titles,
defaults, required marks, metavars like <bool> or <list[Path]>; every option shows its choices."""
from __future__ import annotations

import re
import typing
import unicodedata
from enum import Enum

WIDTH = 80
LABEL = 26  # width of the option column
TOKEN_RE = re.compile(r"[\x21-\x7e]+|\s+|.")
CLOSING = set("，。；：、）」』》？！,.;:)")  # never at the start of a line: hangs past the limit
OPENING = set("（「『《(")  # never at the end of a line: moves to the next


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, limit: int) -> list[str]:
    """Greedy wrapping: ASCII words stay whole, CJK text breaks between any two characters;
    closing punctuation hangs (a line may then be 2 columns longer than `limit`)."""
    lines, line = [], ""
    for token in TOKEN_RE.findall(text):
        if token.isspace():
            token = " "
        if line and width(line + token) > limit and token not in CLOSING:
            carried = line[-1] if line[-1] in OPENING else ""
            lines.append(line[:len(line) - len(carried)].rstrip())
            line = carried + ("" if token == " " else token)
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _choices(param) -> list[str] | None:
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return [member.value for member in candidate]
    return None


def _metavar(param) -> str:
    choices = _choices(param)
    if choices:
        return "[" + "|".join(choices) + "]"
    if param.metavar:
        return param.metavar
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return {int: "N", float: "数"}.get(annotation, "值")


def _label(param) -> str:
    opts = sorted(param.opts + param.secondary_opts, key=lambda o: (o.startswith("--"), o))
    flag = getattr(param, "is_flag", False)
    return ", ".join(opts) + ("" if flag else " " + _metavar(param))


def _argument(param) -> str:
    choices = _choices(param)
    return (param.metavar or param.name.upper()) + (" [" + "|".join(choices) + "]" if choices else "")


def _help(param) -> str:
    if param.name == "help":
        return "显示此帮助并退出"
    text = (param.help or "").strip()
    extras = []
    if getattr(param, "min", None) is not None and not _choices(param):
        extras.append(f"≥ {param.min}")
    default = param.default
    if param.show_default and default not in (None, False, "", ()) and not getattr(param, "is_flag", False):
        extras.append(f"默认：{default.value if isinstance(default, Enum) else default}")
    if param.required:
        extras.append("必填")
    return text + (f"（{'；'.join(extras)}）" if extras else "")


def _rows(rows: list[tuple[str, str]]) -> list[str]:
    out = []
    for label, text in rows:
        body = wrap(text, WIDTH - LABEL - 2)
        if width(label) + 2 > LABEL - 2:
            out.append("  " + label)
            out.extend(" " * LABEL + line for line in body)
            continue
        out.append("  " + label + " " * (LABEL - 2 - width(label)) + body[0])
        out.extend(" " * LABEL + line for line in body[1:])
    return out


def _paragraphs(text: str) -> list[str]:
    out = []
    for paragraph in [p.strip() for p in (text or "").split("\n\n") if p.strip()]:
        out.extend(wrap("".join(line.strip() for line in paragraph.splitlines()), WIDTH - 4))
        out.append("")
    return ["  " + line if line else "" for line in out]


def render(ctx, command, subcommands: list[tuple[str, str]] | None = None) -> str:
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if not p.opts[0].startswith("-")]
    options = [p for p in params if p.opts[0].startswith("-")]
    usage = f"用法：{ctx.command_path} [选项]"
    for arg in arguments:
        name = arg.metavar or arg.name.upper()
        usage += " " + (name if arg.required else f"[{name}]")
    if subcommands is not None:
        usage += " 命令 [参数]..."
    lines = wrap(usage, WIDTH) + [""] + _paragraphs(command.help or "")
    if arguments:
        lines += ["参数："] + _rows([(_argument(a), _help(a)) for a in arguments]) + [""]
    if options:
        lines += ["选项："] + _rows([(_label(o), _help(o)) for o in options]) + [""]
    if subcommands:
        lines += ["命令："] + _rows(subcommands) + [""]
    return "\n".join(lines).rstrip() + "\n"
