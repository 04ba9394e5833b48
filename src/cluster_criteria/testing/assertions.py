"""Assertions on reports that know the law's either/or clauses.

Art. 6(2) is met by one title holder of the top kinds *or* five of the provincial kinds, so the eligible base carries
a failing check (the provincial alternative) in a passing clause. "No check fails" is therefore not what a passing
application means; "no check fails that counts" is. A check counts unless it is an alternative whose group is met
by another (:attr:`~cluster_criteria.verdicts.Check.decisive`).

    >>> from cluster_criteria.testing import ApplicationBuilder
    >>> from cluster_criteria.testing.assertions import assert_no_check_fails
    >>> assert_no_check_fails(ApplicationBuilder().evaluate())
"""

from __future__ import annotations

from ..verdicts import Check, Report, Status, Verdict

__all__ = ["assert_check", "assert_no_check_fails", "failing_checks"]


def failing_checks(subject: Report | Verdict) -> list[tuple[str, Check]]:
    """Every failing check that counts, with its clause id: alternatives outvoted by their group are left out."""
    verdicts = subject.verdicts if isinstance(subject, Report) else (subject,)
    return [(v.rule_id, c) for v in verdicts for c in v.checks if c.status is Status.FAIL and c.decisive]


def assert_no_check_fails(subject: Report | Verdict) -> None:
    """Fail with the ids and labels of the failing checks that count (see :func:`failing_checks`)."""
    failing = failing_checks(subject)
    if failing:
        listed = "; ".join(f"{rule_id} {c.id}: {c.label_en}" for rule_id, c in failing)
        raise AssertionError(f"{len(failing)} check(s) fail: {listed}")


def assert_check(report: Report, rule_id: str, check_id: str, status: Status | str) -> Check:
    """Assert one check's status (``"pass"``, ``Status.FAIL`` …) and return the check for further assertions.

    An alternative is named as such in the message, with its group's status, so that a failing alternative of a
    met group is not mistaken for a failing clause.
    """
    expected = Status(status)
    check = report.verdict(rule_id).check(check_id)
    if check.status is not expected:
        group = ""
        if check.group_status is not None:
            group = f" (an alternative of group {check.group!r}, which is {check.group_status.value})"
        raise AssertionError(
            f"{rule_id} {check_id}: expected {expected.value}, got {check.status.value}{group} — {check.label_en}"
        )
    return check
