"""Kind `table_sum`: totals in tables against their detail rows.

Checks (param `check`):
- code_rollup: tables keyed by budget code; 合计 = Σ 类 (3 digits), and every code = Σ of
  the codes two digits longer below it (201 = 20103 = 2010350 + 2010399), per amount column.
- row_total: in the same tables, a 合计/小计 column = Σ of the amount columns after it
  (本年支出合计 = 基本支出 + 项目支出 + …), row by row.
- summary_totals: 收入支出决算总表-like tables; 本年收入合计 / 本年支出合计 = Σ of the
  numbered items above it on the same side.
- three_public: the identities of the “三公” columns declared in the rule (`identities`), e.g.
  合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费.
- running_total: a column of running totals (累计) = the row before's + the row's own figure.
- column_total: any other table with one 合计 / 总计 row: in each column of amounts, the total
  is the sum of the rows below it (or above it, the total last), rows inside others (其中, 小计,
  a deeper numbering) left to the rows they belong to.
- year_growth: a table whose rows are years, its growth column against the row above
  (tables/year_rows.py).
- row_product: a column of amounts = a column of standards × some numbers of the row (亩数,
  人数 × 天数), the way most rows of the table follow (tables/products.py).
Differences that rounding of the printed figures explains are reported as `rounding`.

The checks live in this package, one module per family: code_tables.py (code_rollup, row_total,
code_order: the tables keyed by budget code), summary_totals.py, table_identities.py (three_public,
running_total, row_product, year_growth) and column_total.py, with across.py (a row's total
column against the columns it sums), groups.py (the ways rows add up: 其中 lists, numbered
groups, subtotals, parts each closed by a total) and heads.py (a table's column heads and its
rows of figures); findings.py compares a total with its parts and makes the finding, units.py
reads units and unit slips (a figure in 元 among 万元), reading.py what a row or a cell says,
relations.py the relations a table's rows hold (增减额 = 本年 − 上年) that settle a cell.
"""
from __future__ import annotations

from ...tables.typed import typed_tables
from ..base import Checked, compared_tally
from .code_tables import check_code_rollup, check_row_total, check_code_order
from .summary_totals import check_summary_totals
from .table_identities import check_three_public, check_running_total, check_row_product, check_year_growth
from .column_total import check_column_total


KIND = "table_sum"
PARAMS = {"check": (str, None), "total_labels": (list, ["本年收入合计", "本年支出合计"]),
          # column_total: a column's head closing so sums the row's columns beside it (… | 小计),
          # a column's head opening so is inside another (其中：政府采购), no part of that sum
          "column_subtotal_labels": (list, []), "part_column_words": (list, []),
          # column_total: words of a column head whose figures weigh a row (分配系数, 因素权重): no
          # part of the row's total, though the column may add up
          "factor_column_words": (list, []),
          # column_total: the most characters of a unit line above a table (单位：人, 金额单位：万元)
          "unit_line_chars": (int, 40),
          "identities": (list, []), "names": (dict, {}),
          # words of a column head whose figures are rates (增减率, 占比): they do not add up
          "rate_column_words": (list, []),
          # words of a column head whose figures are a change between two columns of the row
          # (增减额 = 本年 − 上年): see relations.py change_relations
          "change_column_words": (list, []),
          # row_product: words of a table's note capping its amounts (最高不超过…万元)
          "cap_note_words": (list, []),
          # words of a column head standing beside a row's total, not under it (年末结转和结余
          # after 本年支出 | 小计 | 基本支出 | 项目支出): the parts end before it
          "beside_total_words": (list, []),
          # row_total: of those, the words of a balance at the year's end (年末结转和结余), which is
          # never summed into a total, whatever the rows give; a carry-over in (上年结转) may be
          "closing_balance_words": (list, []),
          # column_total: the row labels of a table's total, the tables other checks own (by type),
          # the heads of columns whose figures do not add up (单价, 人均), and the labels of rows
          # inside another row (其中, 小计)
          "total_row_labels": (list, ["合计", "总计"]), "covered_types": (list, []),
          # a table's last row whose label ends so (资产总额) totals the rows above where they add
          # up to it in some column (column_total)
          "closing_total_words": (list, []),
          # across a table's periods (2022年 | 2023年 | 累计): the words of rows of a level at a date,
          # which no total over the periods sums (年末管护人员)
          "stock_row_words": (list, []),
          # the labels of a total over periods only (累计: to date, maybe from before the periods shown)
          "cumulative_labels": (list, []),
          # the heads of a column of the whole year beside its quarters' (全年 | 第一季度 … 第四季度)
          "year_whole_heads": (list, []),
          # column_total: the totals of a table listing two things one after the other, each below
          # its rows (收入合计, 支出合计)
          "part_total_labels": (list, []),
          # column_total: the word closing a list's total and the word closing the grand total after
          # more items (支出合计 | 调出资金 | 支出总计: [合计, 总计])
          "subtotal_grand_words": (list, []),
          # column_total: the words opening a row taken off the total before the grand total (减：…)
          "subtracted_row_words": (list, []),
          # column_total: the words closing a thing's total that may stand amid the rows, other things'
          # rows after it (流动资产 | 固定资产 | 资产总额 | 负债总额 | 净资产):
          # see column_total.py _middle_total
          "middle_total_words": (list, []),
          # column_total: the words closing a first row's label that name a whole over the 其中 list
          # under it (项目总投资, 资金总额): see column_total.py _whole_heading
          "heading_whole_words": (list, []),
          "not_summed_words": (list, []), "inner_row_words": (list, ["其中", "小计"]),
          # column_total: the label of a row closing the group of rows right above it as their sum
          "subtotal_words": (list, ["小计"]),
          # running_total: the head words of a column of running totals, and the labels of rows by period
          "running_words": (list, []), "period_row_pattern": (str, ""),
          # year_growth: the words of a head of growth on the year before (较上年增长（%）)
          "growth_words": (list, []), "prior_words": (list, []), "rate_growth_words": (list, []),
          "other_base_words": (list, []),
          # summary_totals: the totals of a side whose items are not numbered, the words of rows
          # that make such a side no plain sum (其中 rows), and of a balance carried over (one is an item)
          "plain_total_labels": (list, []), "not_item_words": (list, []), "balance_words": (list, []),
          # summary_totals: the labels of a side's grand total (总计), and the first words of the
          # template's balance rows between a side's 合计 and its 总计 (年初结转和结余, 结余分配 …)
          "grand_total_labels": (list, []), "balance_rows": (list, []),
          # summary_totals: the names of a summary's two sides (收入, 支出), as its total rows say them
          "side_words": (list, []),
          # column_total: a column head or a table unit naming counts of people or things (人数（人）,
          # 单位：人): whole numbers in it are exact
          "count_heads": (str, ""),
          # heads of columns of points given, not measured (分值, 权重): whole points are exact
          "given_point_heads": (list, []),
          # labels of a row closing a table of points as its total (综合得分 under 分值 | 得分)
          "scored_total_labels": (list, []),
          # rows of points given beyond full marks (加分项): a column's total may leave them out
          "bonus_row_words": (list, []),
          # the end of a total column's head that holds the carry-overs beside it (收入总计 = 上年结转 + 本年收入)
          "carry_total_words": (list, []),
          # …whose total the note after the table says counts each once (去除重复, 实际人数): not judged
          "distinct_count_words": (list, []),
          # column_total: the labels of rows that are no part of the total (平均, 人均)
          "not_summed_rows": (list, []),
          # column_total: units a row's label may state in brackets that are no money (在职人数（人）,
          # 房屋面积（平方米）): such a row counts other things than the table's amounts
          "other_unit_rows": (list, []),
          # column_total: units of whole things (辆, 人, 个) a row's own unit cell (计量单位 | 辆) may
          # name: that row's total is a count, exact, no rounded figure
          "count_units": (list, []),
          # how near the rows after a first row printing the total's figures must add up to it for
          # that row to be read as the total's one item over them (a share of its figure): a slip
          # in one of its items, not a total copied from the first row (150.00 under 738.70)
          "restating_row_slack": (float, 0.1),
          # summary_totals: how near the rows under a row of a one-column side must add up to it for
          # it to be read as their sum with a slip (the side's total holding exactly without them)
          "slipped_subtotal_slack": (float, 0.1)}
MESSAGE_FIELDS = {"table", "label", "column", "total", "sum", "diff", "relation", "note", "where"}
# (a hit's `gap`, the total less the parts' sum as a number, is for the kind's own reasoning, no message's)


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    if params["check"] == "three_public" and not all(
            isinstance(i, dict) and {"total", "label", "parts"} <= set(i) for i in params["identities"] or [None]):
        return "three_public 需要 identities: [{total, label, parts}]"
    return None


def check(doc, rule):
    """The check's findings, then how many totals it compared (consistent or not): a table whose
    sums hold is a table checked, not one passed over."""
    with compared_tally() as compared:
        outcomes = list(CHECKS[rule.params["check"]](doc, rule, typed_tables(doc)))
    return outcomes + [Checked(len(compared))] if compared else outcomes


# Sub-checks by the rule's `check` param.
CHECKS = {
    "year_growth": check_year_growth,
    "row_product": check_row_product,
    "running_total": check_running_total,
    "code_rollup": check_code_rollup,
    "code_order": check_code_order,
    "row_total": check_row_total,
    "summary_totals": check_summary_totals,
    "three_public": check_three_public,
    "column_total": check_column_total,
}
