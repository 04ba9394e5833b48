"""Art. 2 and Art. 9: a cluster lies in a county-level division of Jilin; its county applies, its prefecture recommends."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cluster_criteria.models import Location
from cluster_criteria.procedure import Role, TransitionRefusedError, bodies_for, check_scope, load_record
from cluster_criteria.ruleset.procedure_params import JILIN_2024_PROCEDURE, MeihekouRecommender
from cluster_criteria.verdicts import Status

ROOT = Path(__file__).resolve().parent.parent


def at(county_code: str, county: str, prefecture: str) -> Location:
    return Location(prefecture=prefecture, county=county, county_code=county_code)


class TestLocation:
    def test_a_county_of_jilin_with_matching_names_passes(self) -> None:
        """磐石市 220284 in 吉林市 is inside a county-level division."""
        result = check_scope(at("220284", "磐石市", "吉林市"))
        assert result.location.status is Status.PASS
        assert result.status is Status.PASS

    def test_a_statistical_development_zone_goes_to_review_with_its_reason(self) -> None:
        """长春经济技术开发区 has a statistical code but is not a county-level division."""
        result = check_scope(at("220171", "长春经济技术开发区", "长春市"))
        check = result.location.check("scope.county_level")
        assert check.status is Status.NEEDS_REVIEW
        assert "scope.zone_review" in check.readings
        assert "不是县级区划" in check.note_zh
        assert result.location.status is Status.NEEDS_REVIEW

    def test_a_cluster_placed_in_a_national_new_area_goes_to_review(self) -> None:
        """A cluster written as lying in 长春新区 (with a district code) needs a reviewer to confirm its county."""
        result = check_scope(at("220104", "长春新区", "长春市"))
        assert result.location.check("scope.county_name").status is Status.NEEDS_REVIEW
        assert result.location.status is Status.NEEDS_REVIEW

    def test_an_unknown_jilin_code_fails(self) -> None:
        """220199 begins like a Jilin code but is in no table."""
        result = check_scope(at("220199", "某区", "长春市"))
        assert result.location.status is Status.FAIL
        assert "不在吉林省区划代码表中" in result.location.check("scope.code").note_zh

    def test_a_code_outside_jilin_fails(self) -> None:
        """110101 is Beijing: outside the measures' scope."""
        result = check_scope(at("110101", "东城区", "北京市"))
        assert result.location.status is Status.FAIL
        assert "not a Jilin code" in result.location.check("scope.code").note_en

    @pytest.mark.parametrize("code", ["220000", "220100"])
    def test_a_province_or_prefecture_code_is_not_county_level(self, code: str) -> None:
        """A cluster placed in a whole prefecture is not within a county-level division."""
        result = check_scope(at(code, "长春市", "长春市"))
        assert result.location.check("scope.county_level").status is Status.FAIL

    def test_a_county_name_that_disagrees_with_the_code_fails(self) -> None:
        """220284 is 磐石市, not 桦甸市."""
        check = check_scope(at("220284", "桦甸市", "吉林市")).location.check("scope.county_name")
        assert check.status is Status.FAIL
        assert "磐石市" in check.note_zh

    def test_a_prefecture_name_that_disagrees_with_the_code_fails(self) -> None:
        """磐石市 belongs to 吉林市, not 长春市."""
        check = check_scope(at("220284", "磐石市", "长春市")).location.check("scope.prefecture_name")
        assert check.status is Status.FAIL
        assert "吉林市" in check.note_en

    @pytest.mark.parametrize("prefecture", ["通化市", "梅河口市"])
    def test_meihekou_may_name_tonghua_or_itself_as_its_prefecture(self, prefecture: str) -> None:
        """梅河口市 is coded under 通化市 and administered by the province; both names are accepted."""
        check = check_scope(at("220581", "梅河口市", prefecture)).location.check("scope.prefecture_name")
        assert check.status is Status.PASS
        assert "scope.meihekou_direct" in check.readings

    def test_a_cluster_under_changbaishan_goes_to_review(self) -> None:
        """长白山管委会 recommends like a prefecture but has no code: a reviewer confirms."""
        result = check_scope(at("220621", "抚松县", "长白山管委会"))
        assert result.location.check("scope.prefecture_name").status is Status.NEEDS_REVIEW
        assert result.bodies_verdict.check("scope.recommender").status is Status.NEEDS_REVIEW


class TestBodies:
    def test_the_county_applies_and_its_prefecture_recommends(self) -> None:
        """Art. 9: 磐石市's SME department applies, 吉林市's recommends."""
        bodies = bodies_for(at("220284", "磐石市", "吉林市"))
        assert bodies.applicant.division is not None and bodies.applicant.division.code == "220284"
        assert bodies.recommender.division is not None and bodies.recommender.division.code == "220200"
        assert bodies.province.role is Role.PROVINCE
        assert bodies.applicant.name_zh == "磐石市中小企业主管部门"

    def test_meihekou_may_be_recommended_by_itself_or_by_tonghua_by_default(self) -> None:
        """Both readings are defensible: by default either body may recommend, and the verdict says which reading."""
        result = check_scope(at("220581", "梅河口市", "通化市"))
        assert [d.code for d in result.bodies.recommender.divisions] == ["220581", "220500"]
        check = result.bodies_verdict.check("scope.recommender")
        assert check.status is Status.PASS
        assert check.readings == ("scope.meihekou_recommender_either",)
        assert check.note_zh == "梅河口市或通化市中小企业主管部门（按“梅河口市或通化市均可审核推荐”的口径）"
        assert "either 梅河口市 or 通化市 may recommend" in check.note_en
        assert "scope.meihekou_recommender_either" in result.bodies_verdict.readings

    @pytest.mark.parametrize(
        ("reading", "code", "words"),
        [(MeihekouRecommender.OWN, "220581", "自行审核推荐"), (MeihekouRecommender.TONGHUA, "220500", "由通化市")],
    )
    def test_meihekou_under_each_other_reading_has_one_recommender(
        self, reading: MeihekouRecommender, code: str, words: str
    ) -> None:
        """OWN: 梅河口市 alone (the province deals with it directly). TONGHUA: 通化市 alone (所在市 by the codes)."""
        params = dataclasses.replace(JILIN_2024_PROCEDURE, meihekou_recommender=reading)
        result = check_scope(at("220581", "梅河口市", "梅河口市"), params=params)
        assert [d.code for d in result.bodies.recommender.divisions] == [code]
        check = result.bodies_verdict.check("scope.recommender")
        assert check.readings == (reading.reading,) and words in check.note_zh

    def test_another_county_of_tonghua_is_recommended_by_tonghua_alone(self) -> None:
        """The reading concerns 梅河口市 only: 集安市 is recommended by 通化市 under every reading."""
        bodies = bodies_for(at("220582", "集安市", "通化市"))
        assert [d.code for d in bodies.recommender.divisions] == ["220500"] and not bodies.recommender.reading

    def test_changbaishan_recommends_for_clusters_placed_under_it(self) -> None:
        """The committee is the recommending body when the location names it."""
        bodies = bodies_for(at("220621", "抚松县", "长白山管委会"))
        assert bodies.recommender.division is not None and bodies.recommender.division.name == "长白山管委会"

    def test_a_zone_leaves_the_applicant_to_be_confirmed_and_says_why(self) -> None:
        """A development zone is not a county: the table names its prefecture, not the county it lies in."""
        result = check_scope(at("220171", "长春经济技术开发区", "长春市"))
        assert result.bodies.applicant.division is None
        assert result.bodies.applicant.zone is not None and result.bodies.applicant.zone.code == "220171"
        assert result.bodies.applicant.within is not None and result.bodies.applicant.within.code == "220100"
        check = result.bodies_verdict.check("scope.applicant")
        assert check.status is Status.NEEDS_REVIEW
        assert check.readings == ("scope.zone_review",)
        assert "区划代码表不能确定是哪一个（应为长春市辖区内的县级区划），须人工确认" in check.note_zh
        assert "the table cannot tell (one of 长春市's)" in check.note_en

    def test_an_unknown_code_gives_no_bodies_and_fails(self) -> None:
        """Nobody can apply for a place outside the table."""
        result = check_scope(at("110101", "东城区", "北京市"))
        assert result.bodies_verdict.status is Status.FAIL

    def test_the_verdicts_cite_articles_two_and_nine(self) -> None:
        """Each verdict carries its article's citation and verbatim text."""
        location, bodies = check_scope(at("220284", "磐石市", "吉林市")).verdicts
        assert (location.citation_zh, bodies.citation_zh) == ("第二条", "第九条")
        assert "县级区划范围内" in bodies.text


def test_a_record_recommended_by_meihekou_loads_by_default_and_is_refused_under_the_tonghua_reading() -> None:
    """The example record's history has 梅河口市 accept and recommend: fine by default, refused when 通化市 must."""
    source = (ROOT / "examples" / "records" / "in-good-standing-meihekou-pharmaceuticals.json").read_bytes()
    assert load_record(source).history is not None
    tonghua = dataclasses.replace(JILIN_2024_PROCEDURE, meihekou_recommender=MeihekouRecommender.TONGHUA)
    with pytest.raises(TransitionRefusedError) as caught:
        load_record(source, tonghua)
    assert "通化市中小企业主管部门" in caught.value.render("zh")
