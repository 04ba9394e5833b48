"""The rule set's data file: every value cites the words it comes from, and those words say that value.

For each dated value of every parameter, the quote must stand in the text it cites (the measures' own clause, for a
value from the measures) and must contain the value as the data file says the quote writes it (``cites``), and
``cites`` must mean the value: 20亿元 is 2,000,000,000 元, 60% is 0.60, 三年 is 3, 重大及以上 is the floor 重大.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import Enum
from pathlib import Path

import pytest

from cluster_criteria.money import parse_amount, to_yuan
from cluster_criteria.ruleset import RuleSetDataError, get_rule_set, load_rule_set
from cluster_criteria.ruleset.loading import place_of
from cluster_criteria.ruleset.parameters import DatedValue, LegalWord, RuleSet, SeverityBand, Threshold
from cluster_criteria.ruleset.procedure_params import PROCEDURE_READINGS
from cluster_criteria.vocabulary import LabelledEnum, Severity
from revision_2027 import REVISION

BASE = get_rule_set("jilin-2024")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "万": 10_000}
_SUFFIXES = ("类", "事故", "事件", "行为")


def _values(rule_set: RuleSet) -> list[tuple[str, DatedValue]]:
    return [(name, dated) for name, record in rule_set.records.items() for dated in record.values]


def _meaning(cites: str, unit: str) -> Decimal:
    """What a cited figure means in the parameter's unit: 20亿元 → 2000000000 (元), 60% → 0.60, 三年 → 3."""
    if cites.endswith("%"):
        return Decimal(cites[:-1]) / 100
    if cites[0] in _NUMERALS:
        return Decimal(_NUMERALS[cites[0]])
    if unit == "元":
        number, written = parse_amount(cites)
        assert written is not None, cites
        return to_yuan(number, written)
    return Decimal(re.match(r"[\d.]+", cites).group(0))  # type: ignore[union-attr]


def _loss_as_written(yuan: Decimal) -> str:
    """A loss as the production-safety regulation writes it: whole 亿 in 亿元, otherwise 万元 (1亿元, 5000万元)."""
    if yuan % 10**8 == 0:
        return f"{yuan // 10**8}亿元"
    return f"{(yuan / 10**4).normalize():f}万元"


EDITIONS = [BASE, REVISION]
CASES = [(rs.id, name, dated, rs) for rs in EDITIONS for name, dated in _values(rs)]


@pytest.mark.parametrize(("edition", "name", "dated", "rule_set"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_each_value_is_cited_by_words_that_say_it(edition: str, name: str, dated: DatedValue, rule_set: RuleSet) -> None:
    value, source = dated.value, dated.source
    assert source.document, f"{name}: no document"
    if source.document == rule_set.effective_source.document:
        # A value of the measures themselves: the quote stands in the clause it cites.
        clause = next(t for key, t in rule_set.text.items() if place_of(*key) == source.place)
        assert source.quote and source.quote in clause, f"{name}: quote not in {source.place}"
    if isinstance(value, Threshold):
        assert value.word.word in source.quote, f"{name}: the quote lacks the word {value.word.word}"
    if dated.cites:
        assert dated.cites in source.quote, f"{name}: the quote does not write {dated.cites}"
        if isinstance(value, Severity):
            assert dated.cites == f"{value.zh}及以上"
        else:
            number = value.value if isinstance(value, Threshold) else value
            assert isinstance(number, (int, Decimal)), name
            assert _meaning(dated.cites, rule_set.records[name].unit) == number, f"{name}: {dated.cites} ≠ {number}"
    elif isinstance(value, (Threshold, int, Decimal, Severity)) and not isinstance(value, bool):
        # A number the text does not write must name the reading that derives it.
        assert dated.reading in {**PROCEDURE_READINGS, **rule_set.readings}, f"{name}: no `cites` and no reading"
    if isinstance(value, tuple) and value and isinstance(value[0], LabelledEnum):
        for member in value:
            # 其他重大违法违规行为 is cited by 违法违规 (Art. 14(5)) or by the whole phrase (Art. 7(4)).
            label = member.zh.removeprefix("其他重大")
            assert any(label.removesuffix(s) in source.quote for s in ("", *_SUFFIXES)), f"{name}: {label}"
    if isinstance(value, tuple) and value and isinstance(value[0], SeverityBand):
        for band in value:
            assert f"{band.deaths}人以上" in source.quote and f"{band.serious_injuries}人以上" in source.quote
            # Each grade's loss is written "或者1亿元以上…" / "或者5000万元以上1亿元以下…": its lower bound follows 或者.
            loss = _loss_as_written(band.direct_loss_yuan)
            assert _meaning(loss, "元") == band.direct_loss_yuan, f"{name}: {loss} ≠ {band.direct_loss_yuan}"
            assert f"或者{loss}以上" in source.quote, f"{name}: the quote does not write {loss} for {band.severity}"
    if isinstance(value, LegalWord):
        assert value.word in source.quote, f"{name}: the quote lacks {value.word}"


def test_the_production_safety_losses_are_the_regulation_s_figures() -> None:
    """特别重大 1亿元, 重大 5000万元, 较大 1000万元 (国务院令第493号 第三条), each written in the quote."""
    dated = BASE.records["production_safety_bands"].values[0]
    assert isinstance(dated.value, tuple)
    written = [_loss_as_written(band.direct_loss_yuan) for band in dated.value if isinstance(band, SeverityBand)]
    assert written == ["1亿元", "5000万元", "1000万元"]
    assert all(f"或者{loss}以上" in dated.source.quote for loss in written)


def test_every_parameter_a_rule_reads_has_a_dated_value_on_each_edition_s_first_day() -> None:
    for rule_set in EDITIONS:
        params = rule_set.parameters_on(rule_set.effective_date)
        for rule in rule_set.rules:
            for spec in rule.describes:
                for name in spec.named_parameters:
                    assert name in params.values, f"{rule_set.id} {rule.rule_id}: {name}"


def test_a_dated_value_applies_from_its_day_and_the_older_one_before(tmp_path: Path) -> None:
    """A second dated value of the output floor applies from its day; the 2024 value still judges earlier dates."""
    text = Path(REVISION_FILE).read_text(encoding="utf-8").replace(
        'id = "jilin-2027-draft"', 'id = "dated-test"'
    )
    text += (
        '\n[[parameters.total_output_min.values]]\nfrom = 2028-01-01\nvalue = "3000000000"\nword = "yishang"\n'
        'cites = "30亿元"\narticle = 6\nclause = 1\nquote = "集群总产值每年均在30亿元以上"\n'
    )
    edition = load_rule_set(text, rules=REVISION.rules, readings=REVISION.readings)
    assert edition.parameters_on(dt.date(2027, 12, 31)).threshold("total_output_min").value == 2_500_000_000
    assert edition.parameters_on(dt.date(2028, 1, 1)).threshold("total_output_min").value == 3_000_000_000


REVISION_FILE = Path(__file__).parent / "revision_2027" / "rule_set.toml"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('version = "2027.0-draft"', "`version` is required"),
        ('value = "0.55"', "parameters.sme_output_share_min.values[0]: `value` is required"),
        ('word = "budiyu"\ncites = "55%"', "not a word of the [words] table: 'nonsense'"),
        ('from = 2027-01-01\nvalue = "0.10"', "expected date"),
        ('extends = "jilin-2024"', "no registered rule set 'jilin-1999'"),
        ('drop_qualitative = ["6.1.leading_position"]', "no such item to drop: 6.1.nothing"),
    ],
)
def test_a_broken_data_file_is_refused_naming_the_key(change: str, message: str) -> None:
    replacements = {
        'version = "2027.0-draft"': "",
        'value = "0.55"': "",
        'word = "budiyu"\ncites = "55%"': 'word = "nonsense"\ncites = "55%"',
        'from = 2027-01-01\nvalue = "0.10"': 'from = "soon"\nvalue = "0.10"',
        'extends = "jilin-2024"': 'extends = "jilin-1999"',
        'drop_qualitative = ["6.1.leading_position"]': 'drop_qualitative = ["6.1.nothing"]',
    }
    text = REVISION_FILE.read_text(encoding="utf-8")
    assert change in text
    with pytest.raises(RuleSetDataError, match=re.escape(message)):
        load_rule_set(text.replace(change, replacements[change], 1), rules=REVISION.rules, readings=REVISION.readings)


def test_enumerations_in_the_data_are_the_library_s_own() -> None:
    for name, dated in _values(BASE):
        if isinstance(dated.value, tuple) and dated.value and isinstance(dated.value[0], Enum):
            assert all(isinstance(m, LabelledEnum) for m in dated.value), name
