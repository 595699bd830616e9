"""Numbers as written in Chinese reports: Decimal values, explicit units, printed precision."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from ..knowledge import compact
from ..memo import MEMO_CHARS, MEMO_ENTRIES

# full-width digits and signs, and the typographic minus (−, U+2212), as their ASCII forms
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－＋：（）\u2212", "0123456789.,%-+:()-")

# an accountant's minus printed as a triangle before the figure (△5.41, ▲0.64%: a fall, a negative
# balance), in a cell or after a change word in running text (较上年△5.41万元)
NEGATIVE_MARKS = "△▲"


# Factor to the base unit of each dimension: money in 元, ratios as fractions.
MONEY_UNITS = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "亿元": Decimal(10) ** 8,
    "万": Decimal(10000),
    "亿": Decimal(10) ** 8,
}
RATIO_UNITS = {"%": Decimal("0.01"), "％": Decimal("0.01"), "‰": Decimal("0.001")}
# an amount of money written in running text (3,695.93万元; group 1 its figure), for the kinds
# that read a sentence's words rather than its facts
DIGIT_RE = re.compile(r"\d")  # a digit: where a figure starts, or whether words hold one
# (an amount, group 1, and its unit, group 2; a whole number, not the tail of one printed with two
# points, 2371.2.6万元, nor of a longer one)
MONEY_FIGURE_RE = re.compile(r"(?<![\d.．])(\d[\d,，]*(?:\.\d+)?)\s*(亿元|万元|千元|元)")

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10000, "亿": 10 ** 8}
# the characters a count in Chinese numerals below ten thousand is written in (十一, 两, 一百零五):
# one class for the counts the facts and the count rules read
CN_COUNT_DIGITS = "零〇一二两三四五六七八九十百千"
# financial capitals (大写, 壹佰贰拾万元整) as the everyday numerals they stand for
CAPITAL_NUMERALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億", "一二二三三四五六六七八九十百千万亿")
CAPITAL_DIGITS = "壹贰貳叁參肆伍陆陸柒捌玖"

# the word joining the two ends of a range: 80至90分, 70-84分, 80～90分 (one class everywhere)
RANGE_JOINER = "(?:至|到|[-—–~～])"
# a table's number in its caption or title (表3, 附表1-2, 续表2): one pattern for the readers and the facts
TABLE_NUMBER = r"(?:附|续)?表\s*[\d一二三四五六七八九十]+(?:\s*[-－—.．]\s*\d+)?"
NUMBER_RE = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")
PLAIN_NUMBER_RE = re.compile(r"^\(?[-+]?\d+(?:,\d{3})*(?:\.\d+)?\)?$")


@lru_cache(maxsize=64)  # asked for every comparison of two figures; a Decimal is immutable
def half_unit(places: int) -> Decimal:
    """The one rounding model: a number printed with `places` decimals stands for ± this much
    (541.04 is [541.035, 541.045)). Where numbers are compared together, each is read at the
    finest precision among them (a budget printed 15 beside 13.41 is 15.00); a zero, and a whole
    count of people or items, are exact. A figure printed coarser than the others may also have
    been rounded at its own precision (1,532.6 beside 1,104.27 + 428.35): a difference within
    the figures' own intervals (`own_slack`) is then a rounding note, not an error."""
    return Decimal(5) * Decimal(10) ** (-places - 1)


# A figure is read as rounded at its own precision only where that precision is fine beside its
# value (1,532.6: 0.003%); a coarse one (1亿元, 50万元 beside 300.00) is no rounded figure but a
# figure with its zeros dropped, read at the finest precision of the comparison.
COARSE_SHARE = Decimal("0.002")


def own_half_unit(value: Decimal, places: int, finest: int) -> Decimal:
    """Half a unit of a figure's own last printed digit, where that is at most COARSE_SHARE of
    its value; else half a unit at the finest precision `finest`."""
    own = half_unit(places)
    return own if own <= abs(value) * COARSE_SHARE else half_unit(finest)


def own_slack(figures, finest: int) -> Decimal:
    """Half a unit of each (value, places, scale) figure's own last printed digit, summed (a
    printed zero is exact; see own_half_unit): the widest difference the figures' rounding each
    at its own precision explains."""
    return sum((own_half_unit(value, places, finest) * scale for value, places, scale in figures if value),
               Decimal(0))


@dataclass(frozen=True)
class Quantity:
    """A printed number with its unit; `places` is the printed decimal places."""

    value: Decimal
    unit: str = ""
    text: str = ""

    @property
    def places(self) -> int:
        exponent = self.value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0

    @property
    def half_ulp(self) -> Decimal:
        return half_unit(self.places)

    def interval(self) -> tuple[Decimal, Decimal]:
        """The interval a printed number stands for (XBRL Calculations 1.1)."""
        return self.value - self.half_ulp, self.value + self.half_ulp

    @property
    def dimension(self) -> str:
        if self.unit in MONEY_UNITS:
            return "money"
        if self.unit in RATIO_UNITS:
            return "ratio"
        return "count" if self.unit else "plain"

    def in_base(self) -> Decimal:
        """Value in the base unit of its dimension (元, or a fraction for % and ‰)."""
        factor = MONEY_UNITS.get(self.unit) or RATIO_UNITS.get(self.unit) or Decimal(1)
        return self.value * factor


# digits grouped by thousands with a space (GB/T 15835's 1 234.56, a no-break or thin space in
# typeset text), before an amount's unit: the spaces read as the commas they stand for, one
# character for one so every offset stays. Only right after words or a list's separator
# (合计1 234.56万元, 合计 1 234.56 万元, 、1 200.00万元; not a line's serial number) and before a
# money unit: a line of a table flattened with spaces (行次 1, then 234.56) is left as it is.
GROUP_SPACES = " \u00a0\u2009\u202f"
# (the first digit opens the pattern, the look-behinds on what is before it following it ([..]\d):
# a pattern opening with a class gives the regex engine a first-character set, and its scan skips
# every character no digit is; opening with a group of look-behinds it tries every position)
SPACE_GROUPED_RE = re.compile(rf"\d(?:(?<=[\u4e00-\u9fff：:（(、，,；;]\d)|(?<=[\u4e00-\u9fff：:（(、，,；;][{GROUP_SPACES}]\d))\d{{0,2}}(?:[{GROUP_SPACES}]\d{{3}})+(?=(?:\.\d+)?\s?[千万亿元])")
SPACE_GROUP_TABLE = str.maketrans({c: "," for c in GROUP_SPACES})


def normalize_digits(text: str) -> str:
    return _normalize_short(text) if len(text) <= MEMO_CHARS else _normalize(text)


@lru_cache(maxsize=MEMO_ENTRIES)  # cells are read by several rules: each is translated once
def _normalize_short(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    text = arabic_years(replace_chars(text, FULLWIDTH_PAIRS))
    if any(space in text for space in GROUP_SPACES):
        text = SPACE_GROUPED_RE.sub(lambda m: m.group(0).translate(SPACE_GROUP_TABLE), text)
    return text


def char_pairs(table: dict[int, int]) -> tuple[tuple[str, str], ...]:
    """A one-character-for-one str.maketrans table as (old, new) pairs for replace_chars."""
    pairs = tuple((chr(old), chr(new)) for old, new in table.items())
    # replaced one after another, the pairs act as one translation only if no new character is
    # replaced again
    if any(old.isascii() or not new.isascii() for old, new in pairs):
        raise ValueError("replace_chars puts ASCII characters in place of non-ASCII ones")
    return pairs


FULLWIDTH_PAIRS = char_pairs(FULLWIDTH)


def replace_chars(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """text.translate(table) for a table of ASCII characters in place of non-ASCII ones (pairs
    from char_pairs). str.translate looks every character of a non-ASCII text up in the table,
    raising and clearing a KeyError for each one it misses (most of a Chinese text); a search
    and a replace of each character the text holds cost a fraction of that."""
    if text.isascii():
        return text  # the table only replaces non-ASCII characters
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def to_decimal(text: str) -> Decimal | None:
    """Parse a plain number such as '1,234.50', '(12.5)' or '－3'; None if not a number."""
    return _decimal_short(text) if len(text) <= MEMO_CHARS else _decimal(text)


@lru_cache(maxsize=MEMO_ENTRIES)  # a Decimal is immutable: the same cell text parses to the same value
def _decimal_short(text: str) -> Decimal | None:
    return _decimal(text)


def _decimal(text: str) -> Decimal | None:
    """Parse a plain number such as '1,234.50', '(12.5)' or '－3'; None if not a number, nor is a
    table's column numbers in one cell (1 2 3 … 12)."""
    if column_numbers(text):
        return None
    s = normalize_digits(text).strip().replace(" ", "").replace("\u3000", "")
    if s[:1] in NEGATIVE_MARKS and s[1:2].isdigit():
        s = "-" + s[1:]  # (△5.41: see NEGATIVE_MARKS)
    if not s or not PLAIN_NUMBER_RE.match(s):
        return None
    negative = s.startswith("(") and s.endswith(")")
    s = s.strip("()").replace(",", "")
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    return -value if negative else value


CELL_QUANTITY_RE = re.compile(
    r"^(?P<num>[-+]?\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>%|‰|亿元|万元|千元|元|亿|万|分)?$"
)


# an accountant's negative, the figure in brackets ((3.70), （0.64）): a figure with decimals only, so
# that a bracketed item number in a cell ((1), （3）) stays words; a rate's sign may stand after
# the brackets ((0.64)%) or inside ASCII ones, as a spreadsheet prints it ((2.10%)): a share in
# Chinese brackets (（71.43%）) is a remark on its figure, no fall
BRACKETED_NEGATIVE_RE = re.compile(r"^(?:[(（](\d+(?:,\d{3})*\.\d+)[)）](%|‰)?|\((\d+(?:,\d{3})*\.\d+)(%|‰)\))$")


def unbracketed(plain: str, printed: str) -> str:
    """An accountant's bracketed negative written with a minus ((3.70) → -3.70, (2.10%) → -2.10%),
    as is one marked with a triangle (△3.70 → -3.70); `printed`: the text before its digits and
    brackets were normalized (（71.43%）stays a share)."""
    if plain[:1] in NEGATIVE_MARKS and plain[1:2].isdigit():
        return "-" + plain[1:]
    bracketed = BRACKETED_NEGATIVE_RE.match(plain)
    if not bracketed or (bracketed.group(3) and "（" in printed):
        return plain
    return "-" + (bracketed.group(1) or bracketed.group(3)) + (bracketed.group(2) or bracketed.group(4) or "")


# a text of digits and separators only (478.08.00, 2,06,415.30, 1,2188.4): a figure, whether or
# not it reads as a number (PAT001 reports those that do not)
FIGURE_CHARS_RE = re.compile(r"[\d.,，．]*\d[\d.,，．]*")


def malformed_figure(text: str) -> bool:
    """A cell printing a figure that reads as no number: no words naming anything, and no amount
    a sum over its column could take (the column's total cannot be judged)."""
    text = text.strip()
    return bool(FIGURE_CHARS_RE.fullmatch(text)) and parse_quantity(text) is None


def parse_quantity(text: str) -> Quantity | None:
    """Parse a cell or token such as '81.52%', '106.62万元', '541.04'. A run of small whole
    numbers set apart by spaces (1 2 3 … 12: a table's column numbers in one cell) is no number."""
    if column_numbers(text):
        return None
    s = unbracketed(normalize_digits(text).strip().replace("\u3000", "").replace(" ", ""), text)
    m = CELL_QUANTITY_RE.match(s)
    if not m:
        return None
    value = to_decimal(m.group("num"))
    if value is None:
        return None
    return Quantity(value, m.group("unit") or "", text.strip())


# three small whole numbers or more set apart by spaces (a 栏次 row's 1 2 3 …; two may be a figure
# a space broke, 1 2)
COLUMN_NUMBERS_RE = re.compile(r"\d{1,2}(?:\s+\d{1,2}){2,}")


BARE_YEAR_RE = re.compile(r"(?:19|20)\d\d")  # a year printed with no 年 (2023 under 年度)


def years_column(grid: list[list[str]]) -> bool:
    """The grid's first column is headed by a word of years (年度, 年份, 年): its rows print their
    year, bare or with 年 (2023 | 968.00)."""
    head = grid[0][0].strip() if grid and grid[0] else ""
    return head in YEAR_HEADS


YEAR_HEADS = ("年度", "年份", "年", "年 度", "年 份")  # a first column's head over rows of years


def bare_year(text: str) -> int | None:
    """A cell holding a year alone, no 年 (2023 in a column of 年份)."""
    m = BARE_YEAR_RE.fullmatch(text.strip())
    return int(m.group()) if m else None


def column_numbers(text: str) -> bool:
    """A table's column numbers in one cell (1 2 3 … 12): no number, though its digits run on
    once the spaces go."""
    return " " in text and bool(COLUMN_NUMBERS_RE.fullmatch(text.strip())) and counts_up(text.split())


def counts_up(words: list[str]) -> bool:
    """The numbers go up one by one (1 2 3 …), as columns are numbered; not 1 2 0, spaced digits."""
    values = [int(w) for w in words]
    return all(b == a + 1 for a, b in zip(values, values[1:]))


# the heavenly stems, in order: Word's ideographTraditional numbering, and the 栏次 row's labels of
# the columns holding no figures (甲 | 乙 | 丙 | 1 | 2 | 3: 科目编码, 科目名称, 行次, then the amounts)
STEMS = "甲乙丙丁戊己庚辛壬癸"


# a 栏次 row's cell numbering a computed column by the columns it is computed from (3=2/1, 5=3-4)
COMPUTED_COLUMN_RE = re.compile(r"(\d{1,2})\s*[=＝][\d\s+\-－−×*/÷()（）]+")


def column_number(text: str) -> str:
    """A 栏次 cell's number: a computed column's (3=2/1) its own, before the formula."""
    m = COMPUTED_COLUMN_RE.fullmatch(text) if "=" in text or "＝" in text else None
    return m.group(1) if m else text


def is_column_numbers(texts: list[str], heads: tuple[str, ...] = ()) -> bool:
    """A 栏次 row under a header, numbering the columns, no figures: consecutive small integers,
    three or more (1 2 3 …, a computed column's 3=2/1 its number); or, where the row names itself
    by one of `heads` (栏次, 行次: concepts.yaml not_figure_columns) or labels its first columns
    甲, 乙, 丙 …, any such run beside those words (栏次 | 1 | 栏次 | 2: a two-sided summary numbers
    its one amount column a side)."""
    # (a computed column's number only where an equals sign stands: most cells are read as they are)
    filled = [column_number(t) if "=" in t or "＝" in t else t for t in map(str.strip, texts) if t]
    nums = [t for t in filled if len(t) <= 2 and t.isdigit()]
    if not nums:
        return False  # (most rows: a figure with decimals, a label; nothing compacted)
    words = [t for t in filled if not (len(t) <= 2 and t.isdigit())]
    if words and not all(compact(t) in _named(heads) for t in words) and not _stem_labels(words, len(nums)):
        return False
    return len(nums) >= (1 if words else 3) and counts_up(nums)


def _stem_labels(words: list[str], numbers: int) -> bool:
    """The words are 甲, 乙, 丙 … in order from 甲, one to a cell, and with the numbers after them
    label three columns or more (a row named 甲 holding the one count 1 is a row of figures)."""
    # (each word, compacted, is the stem of its place: the first word of most rows is no 甲, and
    # the words are not compacted further)
    return len(STEMS) >= len(words) and len(words) + numbers >= 3 \
        and all(compact(w) == stem for w, stem in zip(words, STEMS))


@lru_cache(maxsize=8)
def _named(heads: tuple[str, ...]) -> frozenset:
    return frozenset(compact(w) for w in heads)


# a date in Chinese numerals, as official signatures write it (二〇二五年三月十日), its year maybe
# already in digits (arabic_years: 2025年三月十日)
# ([..]{4} written [..][..]{3}: a pattern opening with a repeat has no first-character set)
CN_DATE_RE = re.compile(r"(\d{4}|[〇○零一二三四五六七八九][〇○零一二三四五六七八九]{3})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                        r"(?:\s*([一二三四五六七八九十]{1,3})\s*日)?")
# a year of this century or the last in Chinese numerals, digit by digit (二〇二四年, 一九九八年): the
# zero or nine that every such year has, second, lets a text without one skip the pattern
CN_YEAR_RE = re.compile(r"(?:二[〇○零]|一九)[〇○零一二三四五六七八九]{2}(?=\s*年)")
CN_YEAR_MARKS = ("〇", "○", "零", "九")


def arabic_years(text: str) -> str:
    """The text with its years in Chinese numerals written in digits, one character for one so
    every offset stays (二〇二三年度 → 2023年度): a year is read one way, however printed."""
    if "年" not in text or not any(mark in text for mark in CN_YEAR_MARKS):
        return text
    return CN_YEAR_RE.sub(lambda m: "".join(str(CN_DIGITS[ch]) for ch in m.group(0)), text)


def arabic_dates(text: str) -> str:
    """The text with its dates in Chinese numerals written in digits (二〇二五年三月十日 → 2025年3月10日)."""
    if "年" not in text or CN_DATE_RE.search(text) is None:
        return text

    def digits(m: re.Match) -> str:
        month, day = cn_to_int(m.group(2)), cn_to_int(m.group(3)) if m.group(3) else None
        if month is None or (m.group(3) and day is None):
            return m.group(0)
        year = "".join(str(CN_DIGITS.get(ch, ch)) for ch in m.group(1))  # (digit by digit: 二〇二五)
        return f"{year}年{month}月" + (f"{day}日" if day is not None else "")
    return CN_DATE_RE.sub(digits, text)


def cn_to_int(text: str) -> int | None:
    """Chinese numerals to int: 十二 -> 12, 一千二百 -> 1200, 两万 -> 20000, 壹佰贰拾 -> 120."""
    text = text.translate(CAPITAL_NUMERALS) if text and not text.isascii() else text
    if not text or any(ch not in CN_DIGITS and ch not in CN_SMALL_UNITS
                       and ch not in CN_BIG_UNITS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += section * CN_BIG_UNITS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def count_word(text: str) -> int | None:
    """A count written in digits or in Chinese numerals (12, 十二, 两), else None."""
    return int(text) if text.isdigit() else cn_to_int(text)


def cn_number(text: str) -> int | None:
    """A number in Chinese numerals written as numbers are (十一, 一百零五, 两千, 壹佰零贰万), else
    None: runs of numerals that are words or rough figures (十四五, 一百五 for 150, 三四, 一一)
    read back differently from the value cn_to_int makes of them."""
    value = cn_to_int(text)
    if not value:
        return None
    plain = text.translate(CAPITAL_NUMERALS).translate(_CANONICAL_DIGITS)
    return value if _canonical(plain) == cn_numerals(value) else None


_CANONICAL_DIGITS = str.maketrans("两〇○", "二零零")
_DIGIT_NAMES = "零一二三四五六七八九"


def _canonical(numerals: str) -> str:
    """The leading 一 of 一十 is dropped in writing (十二; 壹拾贰 in capitals): both read alike."""
    return numerals[1:] if numerals.startswith("一十") else numerals


def cn_numerals(value: int) -> str:
    """An int written in Chinese numerals the standard way (1050 -> 一千零五十, 30500 -> 三万零五百)."""
    out = ""
    for size, name in ((10 ** 8, "亿"), (10 ** 4, "万"), (1, "")):
        part = value // size % 10 ** 4 if size < 10 ** 8 else value // size
        if part:
            out += ("零" if out and part < 1000 else "") + _cn_section(part) + name
    return _canonical(out)


def _cn_section(part: int) -> str:
    """A number below ten thousand in Chinese numerals, a 零 for each run of missing places."""
    out, gap = "", False
    for size, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = part // size % 10
        if digit:
            out += ("零" if gap and out else "") + _DIGIT_NAMES[digit] + name
        gap = not digit
    return out


# an amount in financial capitals: 壹佰贰拾万元整, 叁仟肆佰元伍角陆分, 人民币贰拾万圆正
CAPITAL_AMOUNT_RE = re.compile(rf"(?P<yuan>[{CAPITAL_DIGITS}零拾佰仟万亿萬億]+)[元圆](?:(?P<jiao>[{CAPITAL_DIGITS}])角)?"
                               rf"(?:零?(?P<fen>[{CAPITAL_DIGITS}])分)?(?P<whole>[整正])?")


def capital_amount(m: re.Match) -> Decimal | None:
    """The amount in 元 of a CAPITAL_AMOUNT_RE match (壹佰贰拾万元整 -> 1200000.00), to the 分 it is
    exact to; None if its numerals are no well-formed number."""
    yuan = cn_number(m.group("yuan"))
    if yuan is None:
        return None
    jiao, fen = (cn_to_int(m.group(k)) or 0 if m.group(k) else 0 for k in ("jiao", "fen"))
    # (+ 0.00: the amount printed to the 分, as its figure is)
    return Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100 + Decimal("0.00")


def quantize_like(value: Decimal, places: int) -> Decimal:
    """Rounded to `places` the way the reports round (四舍五入: 9.545 → 9.55), not half to even."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def significant_digits(value: Decimal) -> int:
    """Digits a figure needs, trailing zeros aside (205.00: 3; 800: 1; 1,286: 4; 1,286.40: 5)."""
    return len(Decimal(value).normalize().as_tuple().digits) if value else 0  # (an int: a rate set to 0 by its words)


def fmt(value: Decimal, places: int = 2, like: str = "") -> str:
    """Format a computed value for a message: fixed places, trailing zeros kept, thousands grouped
    when `like` (the figure it stands beside) groups them (2,905.93 beside 2,998.57, or ３，２７７．１０)."""
    return f"{quantize_like(value, places):{',' if ',' in like or '，' in like else ''}f}"


def plain(value: Decimal) -> str:
    """A figure as a report prints a whole or short one, no zeros added after the point: 90, 89.5."""
    return format(value.normalize(), "f")


def groups_thousands(text: str, k: int, commas: str = ",") -> bool:
    """The comma at k (one of `commas`) stands between digits (1,260): it groups thousands and
    separates nothing."""
    return text[k] in commas and 0 < k < len(text) - 1 and text[k - 1].isdigit() and text[k + 1].isdigit()

# a number that cannot be read (126..12, 106.62.00): a list or a share it stands in is left unjudged,
# the number rule (PAT001) reports it: a whole run of digits, commas and points that holds two points
# or more, and a date so written (2024.12.31), which is no malformed number
UNREADABLE_RE = re.compile(r"\d[\d,]*(?:\.\.+\d+|(?:\.\d+){2,})")
DOTTED_DATE_RE = re.compile(r"(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01])")


def unreadable_in(text: str, start: int = 0, end: int | None = None) -> bool:
    """A misprinted amount stands in text[start:end]: two points in a row (126..12), or two points or
    more in a number that reads as an amount, as PAT001 judges it: a thousands comma (1,118.4.6), a
    group after a point opening on 0 (106.62.00), or a unit after it (1,102.40.00万元). Not a dotted
    date (2024.12.31), a section or a version number (第3.2.1条, V2.1.3)."""
    for m in UNREADABLE_RE.finditer(text, start, len(text) if end is None else end):
        token = m.group()
        if DOTTED_DATE_RE.fullmatch(token):
            continue
        groups = token.replace(",", "").split(".")
        if ".." in token or "," in token or any(len(g) > 1 and g.startswith("0") for g in groups[1:]) \
                or AMOUNT_UNIT_AFTER_RE.match(text, m.end()):
            return True
    return False


AMOUNT_UNIT_AFTER_RE = re.compile(r"\s*(?:万元|亿元|元|%|％)")  # (a unit right after a number: an amount's)

