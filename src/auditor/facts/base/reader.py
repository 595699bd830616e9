"""The fact reader: its parts (a mixin each, one module each) combined, its state and its walk down
the document (read); the vocabulary's reading shared by every reader."""

from __future__ import annotations

from functools import lru_cache

from ...knowledge import compact, concepts, note_lead_re, report_type_entry, vocabulary_generation
from ...ingest.build import NUMBERING_LEVELS, title_block
from ...model import Document, Heading, Paragraph, Table
from ..restated import name_restated_subjects
from ..titles import TitleScopes
from .model import Fact, FactBase, Head, Label
from .words import LabelIndex, pairs_in
from .vocabulary import VocabularyReading
from .projects import ProjectReading
from .headings import HeadingReading
from .paragraphs import ParagraphReading
from .sentences import SentenceReading
from .subjects import SubjectReading
from .in_turn import InTurnReading
from .text_facts import TextFactReading
from .rates import RateReading, may_hold_label
from .periods import PeriodReading
from .labels import LabelReading
from .tables import TableReading
from .heads import HeadReading
from .cells import CellReading


@lru_cache(maxsize=4)
def _vocabulary_reading(generation: int) -> dict:
    """FactReader's attributes read from the vocabulary `generation` alone (see
    FactReader._read_vocabulary): a reader's __init__ read them for every document."""
    reader = FactReader.__new__(FactReader)
    reader._read_vocabulary()
    return vars(reader)


class FactReader(VocabularyReading, ProjectReading, HeadingReading, ParagraphReading, SentenceReading, SubjectReading,
                 InTurnReading, TextFactReading, RateReading, PeriodReading, LabelReading, TableReading, HeadReading,
                 CellReading):
    """Reads a document's facts (read): the text's headings, paragraphs and sentences, and its tables."""

    def __init__(self, doc: Document, assumed_units: dict[int, str] | None = None,
                 aliases: dict[str, str] | None = None, earlier: FactReader | None = None):
        # (`earlier`: a reader that read the same document before, whose memos this one may reuse:
        # see _reuse_memos)
        # the words and patterns the vocabulary alone gives, read once per vocabulary (see
        # _read_vocabulary); the per-document state and memos below are this document's
        self.__dict__.update(_vocabulary_reading(vocabulary_generation()))
        self.doc = doc
        self.assumed_units = assumed_units or {}  # table block -> unit it is read in (no unit printed)
        self.aliases = aliases or {}  # the text's words for a table row (value_links.py)
        self.year = doc.meta.get("report_year")
        self.base = FactBase(year=doc.meta.get("report_year"), plan=bool(
            report_type_entry(doc.meta.get("report_type")).get("plan")),
            elapsed_months=doc.meta.get("elapsed_months"),
            project=doc.meta.get("report_type") == concepts().get("project_report_type"))
        self.title_scopes = self.base.title_scopes = TitleScopes(doc)
        title = getattr(title_block(self.doc), "text", "")
        self.other_evaluation = self.other_evaluation_words \
            if any(w in title for w in self.self_evaluation_titles) else ()
        self.other_whole = False  # set for a sentence naming another whole (see _text_fact)
        self.row_labels: dict[str, str] = {}  # compacted table row label -> concept, for linking text
        self.rate_rows: dict[str, tuple[str, str] | None] = {}  # compacted row label -> (subject, member) of its 执行率 cell
        self.rate_rows_re = self.rate_names_re = None  # its names' patterns, once the tables are read (rates.py)
        self.open_measure = None  # a budget list's (measure, parts, period), open across a ；
        self.whole_measure = None  # the same of a budget a sentence ends on, for a list opening the next
        self.list_goes_on = False
        self.whole_fund = None  # (fund, its parts) of a fund's total a sentence was about, for a 其中 after it
        self.opening = None  # the concept of the first amount of a sentence going on after a ；
        self.paragraph_plans = False  # the paragraph opens with a run-in heading of targets (see _paragraph)
        self.note_fund = ""  # the fund of the table a note (注：…) right under it is about
        self.item_subject = ""  # the unit a numbered item is about (see _lead)
        self.point_indicators: set[str] = set()  # indicators a table states achieved in points (考核得分 93分)
        self.label_units: dict[str, set] = {}  # row label -> units its cells print (份, 台, 人次)
        self.label_things: dict[str, set] = {}  # row label -> things its money columns name (补助资金)
        self.label_tails: dict[str, list[str]] = {}  # row label -> words naming those things (see _read_thing_tails)
        self.rows_ending: dict[str, list[str]] = {}  # a row's tail -> the rows ending with it (see _rows_ending)
        self.head_memo: dict[str, Head] = {}  # a column head's reading, once per document
        self.label_memo: dict[str, Label] = {}  # a row label's reading, once per document
        self.concept_memo: dict[tuple, str | None] = {}  # a sentence phrase's concept (see _concept)
        self.names_memo: dict[tuple, tuple] = {}  # the names a phrase holds (see _names_in)
        self.kinds_of: dict[str, str | None] = {}  # a concept's kind total (see _kind_of)
        self.plan_names: dict[str, bool] = {}  # words -> _names_plan's answer
        # a thing -> its first column total (the things whose column totals sentences may restate)
        self.column_total_of: dict[str, Fact] = {}
        self.caption_count_unit = ""
        self.span_in_sentence = False  # the sentence being read may name a span (see _of_span)
        self.lead = None  # the concept the paragraph's numbered item or run-in heading names
        self.para_category = None  # the score category a paragraph's run-in heading names
        self.stock_rows: set[tuple] = set()  # (row label, money?) a table states a stock of (年末数)
        # (row label, money?) -> the flows a table states of it (新购数量: 新购)
        self.flow_rows: dict[tuple, set[str]] = {}
        self.self_words = self._self_words(concepts(), doc.meta.get("unit_name") or "")
        self.carried_unit: str | None = None  # the unit of the figure the carried concept was last stated in
        # the concept of the paragraph's last amount not listed or added as a part, and whether the
        # concept carried on is such a part's (see _text_fact)
        self.whole: str | None = None
        self.part_carried = False
        self.section_fund = ""  # the fund the section of the paragraph read now is titled with
        self.section_part = False  # …and that section is about a part of the money (基本支出), no total
        self.topic: tuple[int, str] = (len(NUMBERING_LEVELS), "")  # see _enter_topic
        self.prose_rows: list[tuple] = []  # (table block, row, texts, column heads, subject) of prose rows
        self.prose_sentences: dict[int, int] = {}  # table block -> sentences read from its prose cells
        names = self._project_names() if self.doc.meta.get("report_type") == self.project_report else None
        self.own_project = next(iter(names)) if names and len(names) == 1 else ""
        # a project report naming no project anywhere is about one project, its forms' (subject ""):
        # “本项目自评得分96.50分” states that form's figure
        # (not a bundle of several projects' forms, each titled as one: 附表1 项目支出绩效自评表, 附表2 …)
        self.own_unnamed = names is not None and not names and self._form_titles() < 2
        self._single_project_cues(self.other_subject_cues)
        self.named_projects = self._named_projects()
        self.form_projects: set[str] = set()  # the projects the document's forms name (项目名称)
        self.captioned_projects: set[str] = set()  # …those named by a form's caption only (see _captioned_project)
        # a fund's total ending its paragraph with 其中： lists its parts in the paragraphs after
        # it, up to a heading or a table (一般公共预算财政拨款基本支出…，其中：¶人员经费…¶公用经费…)
        self.open_list: tuple[str, set] = ("", set())
        self.sentence_key = (0, 0)  # (block, sentence) of the sentence read now (set by _sentence)
        self.figure_at = 0  # …and where in it the figure read now stands
        self.clause_own = None  # ((block, sentence), whose) of a ；-clause naming its project by a cue (该项目)
        self.earlier = earlier

    def read(self) -> FactBase:
        self._read_headings()
        if self.base.plan:
            self.base.bare_measure = self._plan_measure()
        # tables first: their row labels become words the sentences can be linked by
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Table):
                self._table(index, block)
        self._titled_form_parts()
        self._compile_rate_rows()
        for words, concept in self.aliases.items():
            self.row_labels.setdefault(words, concept)
        self.label_tails = self._read_thing_tails()
        self.label_pattern = LabelIndex(self.row_labels)
        self.short_labels = {w for w in self.row_labels if len(w) == 2 and w not in self.vague_labels}
        # the pairs of characters standing together inside a row label, or where it meets a tail
        # it may take (see _may_cross)
        self.label_pairs = {p for w in self.row_labels for p in pairs_in(w)} | {
            w[-1] + t[0] for w in self.row_labels if w for t in (*self.row_label_tails, *self._thing_tails(w)) if t}
        if self.earlier is not None:
            self._reuse_memos(self.earlier)
            self.earlier = None  # (its memos copied: no reference kept)
        for prose_row in self.prose_rows:  # read as text, now that the row labels are known
            self._prose_row(*prose_row)
            self.open_list = ("", set())
        self.open_item: tuple[str | None, str] = (None, "")
        scoping = self._scoping_headings()
        self.heading_scope: list[tuple[int, str | None, str]] = []  # (level, concept, subject), outermost first
        table_fund = ""  # the fund the table just read names (its notes, 注：…, state its scope)
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Paragraph):
                note = note_lead_re().match(block.text) is not None
                self.note_fund = table_fund if note else ""
                if self.heading_scope:
                    self.base.block_scopes[index] = self.heading_scope[-1][1] or self.heading_scope[-1][2]
                self._paragraph(index, block)
                table_fund = table_fund if note else ""
            else:
                if isinstance(block, Heading):
                    self.topic = (len(NUMBERING_LEVELS), "")
                    while self.heading_scope and self.heading_scope[-1][0] >= block.level:
                        self.heading_scope.pop()
                    if index in scoping:
                        self.heading_scope.append((block.level, *scoping[index]))
                table_fund = self._fund_named(compact(block.title or "")) if isinstance(block, Table) else ""
                self.open_item = (None, "")  # a heading or a table closes a numbered item
                self.open_list = ("", set())
        self._name_counts_by_words()
        name_restated_subjects(self.base)
        self._lone_counted_parts()
        self._own_project_forms()
        self._own_project_funds()
        self._own_project_indicators()
        return self.base

    def _titled_form_parts(self) -> None:
        """In a document of several projects' forms, a table of no project whose title opens on one
        of their names (村级组织运转经费绩效指标完成情况, a workbook's sheet of its own after the sheet of
        that project's 项目名称): its figures are that project's, as the form's first part's are."""
        if len(self.form_projects) < 2:
            return
        names = sorted(self.form_projects, key=len, reverse=True)
        titled: dict[int, str] = {}
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Table) and block.title:
                title = compact(block.title)
                name = next((n for n in names if title.startswith(n) and len(title) > len(n)), None)
                if name:
                    titled[index] = name
        for fact in self.base.facts:
            if fact.source == "table" and not fact.subject and fact.block in titled:
                fact.subject = titled[fact.block]

    def _reuse_memos(self, earlier: FactReader) -> None:
        """The memos of a reader that read the same document before (fact_base reads a document
        again in the units and words its first reading found), as far as they hold here. A column
        head's, a row label's, a kind's and a plan word's reading depend on the document and the
        vocabulary alone (the report's year, the unit's own words). A phrase's names and concept
        depend on the document's row labels too, only through the labels the phrase may hold (see
        may_hold_label): a phrase that may hold none of the labels one reader has and the other
        lacks or maps to another concept (the aliases added) is read alike by both."""
        for memo in ("head_memo", "label_memo", "kinds_of", "plan_names"):
            getattr(self, memo).update(getattr(earlier, memo))
        mine, theirs = self.row_labels, earlier.row_labels
        changed = [w for w in mine.keys() | theirs.keys() if mine.get(w) != theirs.get(w)]
        kept = {key: names for key, names in earlier.names_memo.items()
                if not any(may_hold_label(names[0], w) for w in changed)}
        self.names_memo.update(kept)
        self.concept_memo.update((key, concept) for key, concept in earlier.concept_memo.items()
                                 if (key[0], key[2]) in kept)
