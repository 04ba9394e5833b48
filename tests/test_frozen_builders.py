"""Records built by the fast constructors are the same records the classes themselves build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from decimal import Decimal

import pytest

from cluster_criteria.frozen import fast_constructor
from cluster_criteria.severity import Grading
from cluster_criteria.verdicts import (
    Check,
    Figure,
    Outcome,
    Report,
    RuleSetRef,
    Status,
    Verdict,
    new_check,
    new_figure,
    new_report,
    new_verdict,
)
from cluster_criteria.vocabulary import Severity

FIGURE = {"field": "metrics[year=2023].total_output", "value": Decimal("3300000000"), "year": 2023, "unit": "元"}
CHECK = {
    "id": "total_output.2023",
    "label_zh": "2023年集群总产值",
    "label_en": "total output in 2023",
    "status": Status.PASS,
    "figures": (Figure(**FIGURE),),
    "value": Decimal("3300000000"),
    "threshold": Decimal("2000000000"),
    "comparison": ">=",
    "legal_word": "以上",
    "readings": ("boundary.inclusive",),
}


def _verdict(make: type[Verdict]) -> Verdict:
    return make(
        rule_id="6.1",
        article=6,
        clause=1,
        citation_zh="第六条第（一）项",
        citation_en="Art. 6(1)",
        title_zh="主导产业与规模结构",
        title_en="Leading industry",
        text="（一）……",
        status=Status.PASS,
        checks=(Check(**CHECK),),
    )


@pytest.mark.parametrize(
    ("cls", "fast", "make"),
    [
        (Figure, new_figure, lambda c: c(**FIGURE)),
        (Check, new_check, lambda c: c(**CHECK)),
        (Verdict, new_verdict, _verdict),
        (
            Report,
            new_report,
            lambda c: c(
                cluster_name="示例集群",
                assessment_date=dt.date(2025, 4, 15),
                rule_set=RuleSetRef("jilin-2024", "办法", "Measures", "2024.1", dt.date(2024, 3, 15)),
                outcome=Outcome.ELIGIBLE,
                decided_by=("6.1",),
                verdicts=(),
            ),
        ),
        (Grading, fast_constructor(Grading), lambda c: c(Severity.MAJOR, None, "derived", missing=("deaths",))),
    ],
)
def test_fast_construction_is_indistinguishable(cls: type, fast: type, make: object) -> None:
    assert callable(make)
    slow, quick = make(cls), make(fast)
    assert type(quick) is cls
    assert quick == slow
    assert repr(quick) == repr(slow)
    assert pickle.loads(pickle.dumps(quick)) == slow
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(quick, first, None)
    assert dataclasses.replace(quick) == slow


def test_hashable_like_the_class() -> None:
    assert hash(new_figure(**FIGURE)) == hash(Figure(**FIGURE))


def test_defaults_are_fresh_per_instance() -> None:
    report = new_report(
        cluster_name="x",
        assessment_date=dt.date(2025, 4, 15),
        rule_set=RuleSetRef("a", "b", "c", "d", dt.date(2024, 3, 15)),
        outcome=Outcome.UNDECIDED,
        decided_by=(),
        verdicts=(),
    )
    report.options["k"] = "v"  # a dict default must not be shared between reports
    other = new_report(
        cluster_name="y",
        assessment_date=dt.date(2025, 4, 15),
        rule_set=report.rule_set,
        outcome=Outcome.UNDECIDED,
        decided_by=(),
        verdicts=(),
    )
    assert other.options == {}


def test_refuses_classes_it_cannot_copy() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Derived:
        a: int
        b: int = dataclasses.field(init=False, default=0)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            pass

    for cls in (NoSlots, Derived, Checked):
        with pytest.raises(TypeError, match="slotted dataclass"):
            fast_constructor(cls)
