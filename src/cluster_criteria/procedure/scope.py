"""第二条、第九条 — where a cluster lies, who applies for it and who recommends it.

第二条 本办法所称吉林省中小企业特色产业集群……是定位在县级（市、区）区划范围内……的中小企业产业集群。
第九条 申报认定的集群应在县级区划范围内，由所在地县（市、区）中小企业主管部门作为申报主体，由所在市（州）进行审核推荐。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..divisions import CHANGBAISHAN, MEIHEKOU_CODE, PROVINCE_CODE, Division, DivisionLevel, DivisionTable
from ..divisions import jilin_divisions as _table
from ..models import Location
from ..rules.registry import citation_en, citation_zh, status_of
from ..ruleset import RuleSet
from ..ruleset.procedure_params import (
    JILIN_2024_PROCEDURE,
    MeihekouRecommender,
    ProcedureParameters,
    procedure_parameters_on,
)
from ..ruleset.registry import resolve_latest
from ..verdicts import Check, Figure, Status, Verdict, combine
from .bodies import Bodies, Body, Role

__all__ = ["ScopeResult", "bodies_for", "check_scope"]

# Names that mark a place as a zone rather than a county-level division.
_ZONE_SUFFIXES = ("开发区", "新区", "园区", "示范区", "管委会", "管理委员会", "合作区", "保税区", "试验区")


@dataclass(frozen=True, slots=True)
class ScopeResult:
    """The Art. 2 verdict on the location, the Art. 9 verdict on the bodies, and the bodies themselves."""

    location: Verdict
    bodies_verdict: Verdict
    bodies: Bodies

    @property
    def status(self) -> Status:
        return combine((self.location.status, self.bodies_verdict.status))

    @property
    def verdicts(self) -> tuple[Verdict, Verdict]:
        return self.location, self.bodies_verdict


def _is_zone_name(name: str, table: DivisionTable) -> bool:
    named = table.by_name(name)
    if named is not None:
        return named.level.is_zone
    return name.endswith(_ZONE_SUFFIXES)


def _prefecture_given(location: Location, table: DivisionTable) -> Division | None:
    return table.by_name(location.prefecture)


def _location_checks(location: Location, table: DivisionTable) -> Iterator[Check]:
    code = location.county_code
    division = table.by_code(code)
    figures = (
        Figure("cluster.location.county_code", code),
        Figure("cluster.location.county", location.county),
        Figure("cluster.location.prefecture", location.prefecture),
    )
    province_prefix = PROVINCE_CODE[:2]
    if division is None:
        outside = not code.startswith(province_prefix)
        yield Check(
            id="scope.code",
            label_zh="区划代码为吉林省县级区划代码",
            label_en="the division code is a county-level code of Jilin",
            status=Status.FAIL,
            figures=figures[:1],
            note_zh=f"{code} 不是吉林省区划代码（吉林省代码以 {province_prefix} 开头）"
            if outside
            else f"{code} 不在吉林省区划代码表中（{table.source}）",
            note_en=f"{code} is not a Jilin code (Jilin codes begin with {province_prefix})"
            if outside
            else f"{code} is not in the table of Jilin division codes ({table.source})",
        )
        return
    yield Check(
        id="scope.code",
        label_zh="区划代码为吉林省区划代码",
        label_en="the division code is a Jilin code",
        status=Status.PASS,
        figures=figures[:1],
        note_zh=f"{code} {division.name}（{division.level.zh}）",
        note_en=f"{code} {division.name} ({division.level.en})",
    )
    if division.level is DivisionLevel.COUNTY:
        readings: tuple[str, ...] = ()
        level_status, note_zh, note_en = Status.PASS, "县级区划", "a county-level division"
    elif division.level.is_zone:
        level_status = Status.NEEDS_REVIEW
        note_zh = f"{division.name}是{division.level.zh}，不是县级区划，须确认集群所在县级区划及申报主体"
        note_en = (
            f"{division.name} is a {division.level.en}, not a county-level division; "
            "confirm the county and the applicant"
        )
        readings = ("scope.zone_review",)
    else:
        level_status = Status.FAIL
        note_zh = f"{division.name}是{division.level.zh}区划，集群应定位在县级区划范围内"
        note_en = f"{division.name} is {division.level.en}; a cluster must lie within a county-level division"
        readings = ()
    yield Check(
        id="scope.county_level",
        label_zh="集群定位在县级（市、区）区划范围内",
        label_en="the cluster lies within a county-level division",
        status=level_status,
        figures=figures[:1],
        readings=readings,
        note_zh=note_zh,
        note_en=note_en,
    )
    yield _county_name_check(location, division, table, figures[1])
    yield _prefecture_name_check(location, division, table, figures[2])


def _county_name_check(location: Location, division: Division, table: DivisionTable, figure: Figure) -> Check:
    label_zh, label_en = "县级区划名称与代码一致", "the county name agrees with the code"
    if location.county == division.name:
        readings: tuple[str, ...] = ()
        status, note_zh, note_en = Status.PASS, "", ""
    elif _is_zone_name(location.county, table):
        status = Status.NEEDS_REVIEW
        note_zh = f"“{location.county}”是开发区、新区或管理区，不是县级区划；代码 {division.key} 为{division.name}"
        note_en = (
            f"“{location.county}” is a zone or new area, not a county-level division; "
            f"code {division.key} is {division.name}"
        )
        readings = ("scope.zone_review",)
    else:
        status = Status.FAIL
        note_zh = f"填报名称“{location.county}”与代码 {division.key}（{division.name}）不符"
        note_en = f"the name “{location.county}” does not agree with code {division.key} ({division.name})"
        readings = ()
    return Check(
        id="scope.county_name",
        label_zh=label_zh,
        label_en=label_en,
        status=status,
        figures=(figure,),
        readings=readings,
        note_zh=note_zh,
        note_en=note_en,
    )


def _prefecture_name_check(location: Location, division: Division, table: DivisionTable, figure: Figure) -> Check:
    parent = table.parent(division)
    given = _prefecture_given(location, table)
    readings: tuple[str, ...] = ()
    note_zh = note_en = ""
    if given is not None and given.name == CHANGBAISHAN:
        status = Status.NEEDS_REVIEW
        readings = ("scope.changbaishan",)
        note_zh = "长白山管委会比照市（州）审核推荐，但无区划代码，须确认集群所在县级区划"
        note_en = "长白山管委会 recommends like a prefecture but has no code; confirm the county of the cluster"
    elif division.code == MEIHEKOU_CODE and location.prefecture in (division.name, parent.name if parent else ""):
        status = Status.PASS
        readings = ("scope.meihekou_direct",)
        note_zh, note_en = "梅河口市由省直管", "梅河口市 is administered directly by the province"
    elif parent is not None and location.prefecture == parent.name:
        status = Status.PASS
    else:
        status = Status.FAIL
        expected = parent.name if parent is not None else "—"
        note_zh = f"填报的市（州）“{location.prefecture}”与代码 {division.key} 所属的{expected}不符"
        note_en = (
            f"the prefecture “{location.prefecture}” does not agree with code {division.key}, which is in {expected}"
        )
    return Check(
        id="scope.prefecture_name",
        label_zh="所在市（州）名称与代码一致",
        label_en="the prefecture name agrees with the code",
        status=status,
        figures=(figure,),
        readings=readings,
        note_zh=note_zh,
        note_en=note_en,
    )


def _meihekou_recommender(meihekou: Division, table: DivisionTable, params: ProcedureParameters) -> Body:
    choice = params.meihekou_recommender
    tonghua = table.parent(meihekou)
    if choice is MeihekouRecommender.OWN or tonghua is None:
        return Body(Role.PREFECTURE, meihekou, reading=choice.reading)
    if choice is MeihekouRecommender.TONGHUA:
        return Body(Role.PREFECTURE, tonghua, reading=choice.reading)
    return Body(Role.PREFECTURE, meihekou, alternatives=(tonghua,), reading=choice.reading)


def _applicant(division: Division | None, table: DivisionTable) -> Body:
    if division is not None and division.level is DivisionLevel.COUNTY:
        return Body(Role.COUNTY, division)
    if division is not None and division.level.is_zone:
        parent = table.parent(division)
        within = parent if parent is not None and parent.level is DivisionLevel.PREFECTURE else None
        return Body(Role.COUNTY, None, reading="scope.zone_review", zone=division, within=within)
    return Body(Role.COUNTY, None)


def bodies_for(
    location: Location, table: DivisionTable | None = None, params: ProcedureParameters = JILIN_2024_PROCEDURE
) -> Bodies:
    """The applicant, recommending body and province for a location; unknown divisions are left ``None``."""
    table = table or _table()
    division = table.by_code(location.county_code)
    applicant = _applicant(division, table)
    given = _prefecture_given(location, table)
    recommender: Body
    if given is not None and given.name == CHANGBAISHAN:
        recommender = Body(Role.PREFECTURE, given)
    elif division is not None and division.code == MEIHEKOU_CODE:
        recommender = _meihekou_recommender(division, table, params)
    elif division is not None:
        parent = table.parent(division)
        prefecture = parent if parent is not None and parent.level is DivisionLevel.PREFECTURE else None
        recommender = Body(Role.PREFECTURE, prefecture)
    else:
        recommender = Body(Role.PREFECTURE, None)
    return Bodies(applicant, recommender, Body(Role.PROVINCE, table.province))


_MEIHEKOU_NOTES = {
    MeihekouRecommender.EITHER: (
        "按“梅河口市或通化市均可审核推荐”的口径",
        "under the reading that either 梅河口市 or 通化市 may recommend",
    ),
    MeihekouRecommender.OWN: (
        "按“梅河口市自行审核推荐”的口径",
        "under the reading that 梅河口市 recommends for itself",
    ),
    MeihekouRecommender.TONGHUA: ("按“由通化市审核推荐”的口径", "under the reading that 通化市 recommends"),
}


def _body_check(check_id: str, body: Body, label_zh: str, label_en: str, *, known_code: bool) -> Check:
    readings: tuple[str, ...] = (body.reading,) if body.reading else ()
    if body.division is None and body.zone is not None:
        status = Status.NEEDS_REVIEW
        area_zh = f"应为{body.within.name}辖区内的县级区划" if body.within is not None else "所属市（州）亦不明"
        area_en = f"one of {body.within.name}'s" if body.within is not None else "its prefecture is not known either"
        note_zh = (
            f"{body.zone.name}不是县级区划，申报主体应为集群所在县（市、区）的中小企业主管部门；"
            f"区划代码表不能确定是哪一个（{area_zh}），须人工确认"
        )
        note_en = (
            f"{body.zone.name} is not a county-level division; the applicant is the SME department of the county "
            f"the cluster lies in, which the table cannot tell ({area_en}): a reviewer confirms it"
        )
    elif body.division is None:
        status = Status.NEEDS_REVIEW if known_code else Status.FAIL
        note_zh, note_en = "无法由区划代码确定", "cannot be determined from the division code"
    elif body.division.name == CHANGBAISHAN:
        status, note_zh, note_en = Status.NEEDS_REVIEW, body.name_zh, body.name_en
        readings = ("scope.changbaishan",)
    else:
        status, note_zh, note_en = Status.PASS, body.name_zh, body.name_en
    for choice, (zh, en) in _MEIHEKOU_NOTES.items():
        if body.reading == choice.reading:
            note_zh, note_en = f"{note_zh}（{zh}）", f"{note_en} ({en})"
    return Check(
        id=check_id,
        label_zh=label_zh,
        label_en=label_en,
        status=status,
        figures=tuple(Figure(f"{check_id}.division", d.key) for d in body.divisions)
        or (Figure(f"{check_id}.division", None),),
        readings=readings,
        note_zh=note_zh,
        note_en=note_en,
    )


def _verdict(article: int, title_zh: str, title_en: str, checks: tuple[Check, ...], rule_set: RuleSet) -> Verdict:
    readings: dict[str, None] = {}
    for check in checks:
        readings.update(dict.fromkeys(check.readings))
    return Verdict(
        rule_id=f"{article}.0",
        article=article,
        clause=0,
        citation_zh=citation_zh(article, 0),
        citation_en=citation_en(article, 0),
        title_zh=title_zh,
        title_en=title_en,
        text=rule_set.clause_text(article, 0),
        status=status_of(checks),
        checks=checks,
        readings=tuple(readings),
    )


def check_scope(
    location: Location,
    table: DivisionTable | None = None,
    rule_set: RuleSet | None = None,
    params: ProcedureParameters | None = None,
) -> ScopeResult:
    """Check a cluster's location against Art. 2 and name the Art. 9 applicant and recommending body.

    ``rule_set`` by default is the latest edition; ``params`` by default are its latest values with the documented
    readings."""
    rule_set = resolve_latest(rule_set)
    if params is None:
        params = procedure_parameters_on(rule_set)
    table = table or _table()
    location_checks = tuple(_location_checks(location, table))
    bodies = bodies_for(location, table, params)
    known_code = table.by_code(location.county_code) is not None
    body_checks = (
        _body_check(
            "scope.applicant",
            bodies.applicant,
            "申报主体为所在地县（市、区）中小企业主管部门",
            "the applicant is the SME department of the cluster's county",
            known_code=known_code,
        ),
        _body_check(
            "scope.recommender",
            bodies.recommender,
            "由所在市（州）审核推荐",
            "the cluster's prefecture reviews and recommends it",
            known_code=known_code,
        ),
    )
    return ScopeResult(
        location=_verdict(2, "县级区划范围", "Within a county-level division", location_checks, rule_set),
        bodies_verdict=_verdict(9, "申报主体和推荐单位", "Applicant and recommending body", body_checks, rule_set),
        bodies=bodies,
    )
