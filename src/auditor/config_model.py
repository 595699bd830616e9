"""The declared model of the project configuration (`.auditor.yaml`, `[tool.auditor]`): what
load_config checks a config file against, and what `auditor schema config` prints. Kept apart from
config.py so a run without a config file never imports pydantic."""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Severity = Literal["error", "warning", "info"]
RuleId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,6}\d{3}$")]
STRICT = ConfigDict(strict=True, extra="forbid")


class Tolerance(BaseModel):
    """How far a sum may be off before it is reported (replaces the printed-precision intervals)."""

    model_config = STRICT
    absolute: Optional[float] = Field(None, ge=0, description="允许的绝对差（与文中数字同单位）")
    relative: Optional[float] = Field(None, ge=0, le=1, description="允许的相对差（0～1）")


Word = Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=r"\S")]


class CalculationEntry(BaseModel):
    """A total that is the sum of its parts, as in rules/concepts.yaml `calculations`."""

    model_config = STRICT
    total: Word = Field(description="合计的概念")
    parts: list[Word] = Field(min_length=1, description="组成部分的概念")
    optional: list[Word] = Field(default_factory=list, description="可能出现、未出现时按 0 计的部分")
    alternatives: dict[Word, list[Word]] = Field(default_factory=dict,
                                                 description="某一部分未出现时可由这些概念之和代替")
    per_fund: bool = Field(False, description="对每一资金来源同样成立（该资金的合计 = 该资金的各部分之和）")
    stated_together: bool = Field(False, description="只在合计与各部分写在一起（同一句、同一表列）时核对，不跨全文拼合")


class RowRateEntry(BaseModel):
    """A rate a table row states beside the figures it is computed from (`row_rates`)."""

    model_config = STRICT
    rate: Word = Field(description="比率列表头中的词，如 控制率")
    names: list[Word] = Field(default_factory=list, description="比率列表头的其他说法（如 支出进度）；不写时只认 rate")
    numerator: Word = Field(description="分子的概念，或该行数字的口径（决算、全年预算）")
    numerator_alternatives: list[Word] = Field(default_factory=list,
                                               description="该行没有分子口径时依次改用的口径（如“实际完成”列读作决算）")
    denominator: Word = Field(description="分母的概念，或该行数字的口径")
    numerator_heads: list[Word] = Field(default_factory=list,
                                        description="分子、分母同一口径时，分子所在列表头（或所在行名称）中的词（如 已支付）")
    denominator_heads: list[Word] = Field(default_factory=list,
                                          description="与 numerator_heads 同用：分母所在列表头（或行名称）中的词（如 合同金额）")
    terms: Optional[str] = Field(None, description="公式中分子、分母的说法（如“实际完成值 ÷ 年度指标值”）")
    in_scored_rows: bool = Field(False, description="评分表中有分值、得分的行也核对")
    capped: bool = Field(False, description="超额完成时比率可写作 100%")
    ceiling_cues: list[Word] = Field(default_factory=list,
                                     description="指标名称中表示越低越好的词（成本、投诉）：不超过目标时比率可写作 100%")


class VocabularyAdditions(BaseModel):
    """Words a project adds to the fact vocabulary (rules/concepts.yaml); nothing is removed."""

    model_config = ConfigDict(strict=True, extra="forbid", title="词表补充")
    concepts: dict[Word, list[Word]] = Field(default_factory=dict,
                                             description="概念 → 写法；已有概念增加写法，新概念一并定义")
    not_money: list[Word] = Field(default_factory=list, description="不是金额的概念（人数、分数、比率）")
    measures: dict[Word, list[Word]] = Field(default_factory=dict, description="口径（决算、全年预算……）→ 提示词")
    rate_measures: dict[Word, list[Word]] = Field(default_factory=dict, description="比率种类（占比……）→ 提示词")
    directions: dict[Literal["up", "down", "same"], list[Word]] = Field(
        default_factory=dict, description="变动方向 up/down/same → 提示词")
    prior_period: list[Word] = Field(default_factory=list, description="表示上年的词")
    earlier_part_periods: list[Word] = Field(default_factory=list, description="与之比较增减方向的本年较早时段（上月、上季度）")
    current_period: list[Word] = Field(default_factory=list, description="表示本年的词（本年、本年度……）")
    unit_totals: list[Word] = Field(default_factory=list,
                                    description="单位整体的金额概念（本年支出……）：其执行率是单位的，其他概念的执行率属于该部分")
    partial_periods: list[Word] = Field(default_factory=list,
                                        description="表示年内某一时段的词（季度、上半年……）：其后的比率不是全年的")
    topic_endings: list[Word] = Field(default_factory=list,
                                      description="编号条目名称的结尾词（情况、说明……）：这样的名称是报告的一部分，不是数字所属的项目")
    name_heads: list[Word] = Field(default_factory=list,
                                   description="概念名称开头、也可能是前面名称结尾的词（项目）：文物保护修缮项目支出是该项目的支出，不是单位的项目支出")
    unit_self_words: dict[Literal["words", "kinds", "prefixes"], list[Word]] = Field(
        default_factory=dict, description="报告称呼本单位的词（本院、我局）；kinds：单位名称以之结尾时也是自称（医院、学校）；"
                                          "prefixes：加在单位名称结尾字前的自称字（本馆、我所）")
    summed_names: dict[Literal["joins", "sums"], list[Word]] = Field(
        default_factory=dict, description="两个名称之间的连接词与其后的合计词（人员经费和公用经费合计）：数字是两者之和")
    addend_words: dict[Literal["words", "not_before"], list[Word]] = Field(
        default_factory=dict, description="引出加项的词（加上年结转资金）；not_before：紧跟其后使之成为别的词的字（加强）")
    per_unit_words: list[Word] = Field(default_factory=list,
                                       description="紧接在概念名称前、使数字成为人均等平均数的词（人均、户均……）")
    zero_statements: list[Word] = Field(default_factory=list,
                                        description="表示金额为零、未写数字的说法（为零、未发生……）：其后的增减额属于该项")
    degree_words: list[Word] = Field(default_factory=list, description="方向词前的程度词（有所、略有……）")
    share_copulas: list[Word] = Field(default_factory=list,
                                      description="“A为B的X%”中的系词（为、相当于……）：其后写明概念或预算时，X% 是占比或完成比例")
    comparison_words: list[Word] = Field(default_factory=list,
                                         description="引出比较基数的词（较、比……）：其后写明预算即为与预算比较")
    funds: dict[Word, list[Word]] = Field(default_factory=dict, description="资金来源 → 写法")
    calculations: list[CalculationEntry] = Field(default_factory=list, description="合计 = 各部分之和")
    fund_qualified: dict[Word, dict[Word, Word]] = Field(
        default_factory=dict, description="资金来源 → {通用概念: 该资金的概念}")
    not_figure_columns: list[Word] = Field(default_factory=list, description="只含编码、行次的列的表头词")
    label_columns: list[Word] = Field(default_factory=list, description="行名称列的表头词")
    subject_cells: list[Word] = Field(default_factory=list, description="写明表格所属项目的单元格词")
    other_subject_cues: list[Word] = Field(default_factory=list, description="表示数字属于某个项目而非整体的词")
    row_rates: list[RowRateEntry] = Field(default_factory=list, description="表格行内的比率 = 分子 ÷ 分母")
    not_a_figure_after: list[Word] = Field(default_factory=list, description="紧跟数字、使其不是数据的词（年、版、周岁……）")
    blank_cells: list[Word] = Field(default_factory=list, description="表示未填的单元格文字（无……；只含—、--、/ 等符号的单元格本已视为未填）")
    generic_row_labels: list[Word] = Field(default_factory=list, description="不指明概念的行名称（合计、小计……）")
    filler_words: list[Word] = Field(default_factory=list, description="不指明任何概念的词（为、较、合计……）")
    text_units: list[Word] = Field(default_factory=list, description="正文中数字后可读作单位的词（公里、吨……）")
    list_openers: list[Word] = Field(default_factory=list, description="合计之后引出其组成部分的词（其中）")
    part_list_heads: list[Word] = Field(default_factory=list, description="句首“某某中，”里指明所列金额的词（实际支出中，…）")
    balance_words: list[Word] = Field(default_factory=list, description="结转、结余等：余额既非支出也非收入")
    inclusive_openers: list[Word] = Field(default_factory=list, description="金额后引出其全部组成的词（包括、具体为）")
    composition_openers: list[Word] = Field(default_factory=list, description="金额后引出其构成的词（由……组成 的“由”）")
    composition_closers: list[Word] = Field(default_factory=list, description="结束其构成的词（组成、构成）：其后的话仍说该金额")
    composition_not_before: list[Word] = Field(default_factory=list, description="“由”之后使其成为另一个词的字（由于）")
    undone_after: list[Word] = Field(default_factory=list, description="数字后表示未做到的词（尚未交付）：该数字不是完成值")
    stock_flow_words: list[Word] = Field(default_factory=list, description="表示年内增减流动的词（新增、处置、报废）：所说表格行的数量不是年末数")
    part_list_head_tails: list[Word] = Field(default_factory=list,
                                             description="这些词与“中”之间可有的词（医疗收入结构中，…）")
    part_list_head_not_before: list[Word] = Field(default_factory=list,
                                                  description="“中”后不带标点时使“中”成为另一个词开头的字（中央、中小学）：不作列举开头")
    income_tails: list[Word] = Field(default_factory=list, description="支出名称之后使行标签成为收到的款项的词（基本支出补助）")
    residual_words: list[Word] = Field(default_factory=list, description="行标签中概念名称之前、使该行为该类其余部分的词（其他政府性基金收入）")
    row_label_tails: list[Word] = Field(default_factory=list, description="句中表格行标签之后、仍指该行的词（农村人居环境整治项目）")
    unit_column_heads: list[Word] = Field(default_factory=list, description="存放各行计量单位的列的表头（单位、计量单位）")
    header_spanning_units: list[Word] = Field(default_factory=list,
                                              description="表头某栏括号内、对合并的整个表头都适用的单位（万元、人）")
    topic_money_endings: list[Word] = Field(default_factory=list, description="句首未知款项名称的结尾词（经费、资金）：其后的“全年支出”等指该款项")
    topic_end_words: list[Word] = Field(default_factory=list, description="句首款项名称之后、表示其用途或核定方式的词（按、用于）")
    project_part_tail: str = Field("", description="标题中项目名称之后说明该部分内容的文字（正则，如 自评情况）")
    project_section_words: list[Word] = Field(default_factory=list, description="以“项目”结尾、却说报告某部分的标题中的词（情况、绩效、重点）")
    kind_totals: dict[Word, Word] = Field(default_factory=dict, description="只以款项种类称呼的整体（支出、收入）所指的合计概念")
    kind_total_words: list[Word] = Field(default_factory=list, description="这种称呼中可出现的其他词（部门、全部、总额）")
    label_concepts: dict[Word, Word] = Field(default_factory=dict, description="只作为整个行标签时才指某概念的写法（一般公共预算拨款 → 一般公共预算财政拨款收入）")
    score_total_rows: dict[Word, list[Word]] = Field(
        default_factory=dict, description="评分表合计行的概念 → 行名称（自评得分: [合计, 总计]）")


class ConfigFile(BaseModel):
    """`.auditor.yaml`, or `[tool.auditor]` in pyproject.toml."""

    model_config = ConfigDict(strict=True, extra="forbid", title="auditor 配置")
    disable: list[RuleId] = Field(default_factory=list, description="不运行的规则编号")
    severity: dict[RuleId, Severity] = Field(default_factory=dict, description="规则级别覆盖")
    ignore_paths: list[str] = Field(default_factory=list,
                                    description="不检查的文件和文件夹（gitignore 风格模式，相对于配置文件所在的文件夹）")
    tolerance: dict[RuleId, Tolerance] = Field(default_factory=dict, description="按规则的容差")
    rules: list[str] = Field(default_factory=list,
                             description="添加的规则文件或文件夹（相对于配置文件）；与默认规则同编号的替换之")
    default_rules: bool = Field(True, description="是否从默认规则包开始；false 时只用 rules 中的规则")
    params: dict[RuleId, dict[str, Any]] = Field(default_factory=dict,
                                                 description="按规则覆盖参数，如 {SCO001: {formula: ...}}，按规则类型校验")
    rounding: bool = Field(True, description="是否报告尾数误差提示")
    fail_on: Severity = Field("error", description="达到该级别的新发现使退出码为 1")
    ignore_file: Optional[str] = Field(None, description="忽略文件（相对于配置文件）")
    baseline: Optional[str] = Field(None, description="基线文件（相对于配置文件）")
    vocabulary: VocabularyAdditions = Field(default_factory=VocabularyAdditions,
                                            description="向事实词表（rules/concepts.yaml）添加的词；只增不删")
