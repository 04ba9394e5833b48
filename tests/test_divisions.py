"""The table of Jilin's divisions shipped with the package, and the ``divisions`` command."""

from __future__ import annotations

import json

import pytest

from cluster_criteria.cli import main
from cluster_criteria.divisions import CHANGBAISHAN, MEIHEKOU_CODE, DivisionLevel, jilin_divisions


class TestTable:
    def test_the_table_has_the_province_nine_prefectures_and_sixty_counties(self) -> None:
        """The counts match the 2023 division codes."""
        table = jilin_divisions()
        assert len(table.of_level(DivisionLevel.PROVINCE)) == 1
        assert len(table.of_level(DivisionLevel.PREFECTURE)) == 9
        assert len(table.of_level(DivisionLevel.COUNTY)) == 60

    def test_every_county_sits_under_a_prefecture_whose_code_it_shares(self) -> None:
        """A county code begins with the first four digits of its prefecture's code."""
        table = jilin_divisions()
        for county in table.of_level(DivisionLevel.COUNTY):
            parent = table.parent(county)
            assert parent is not None and parent.level is DivisionLevel.PREFECTURE
            assert county.code is not None and parent.code is not None
            assert county.code[:4] == parent.code[:4]

    def test_codes_are_unique_and_names_of_county_units_are_unique(self) -> None:
        """No code and no county-level name appears twice, so a name lookup is unambiguous."""
        table = jilin_divisions()
        codes = [d.code for d in table.divisions if d.code]
        names = [d.name for d in table.of_level(DivisionLevel.COUNTY)]
        assert len(codes) == len(set(codes))
        assert len(names) == len(set(names))

    def test_the_source_of_the_codes_is_named(self) -> None:
        """The table says where its codes come from."""
        assert "2023" in jilin_divisions().source

    @pytest.mark.parametrize("query", ["220284", "磐石市", " 磐石市 "])
    def test_a_county_is_found_by_code_or_by_name(self, query: str) -> None:
        """Lookup takes a code or an exact name."""
        found = jilin_divisions().lookup(query)
        assert found is not None and found.code == "220284"

    def test_meihekou_is_coded_under_tonghua(self) -> None:
        """梅河口市 keeps its statistical parent 通化市; its provincial administration is handled by the scope rule."""
        found = jilin_divisions().by_code(MEIHEKOU_CODE)
        assert found is not None and found.parent_code == "220500"

    @pytest.mark.parametrize("name", ["长白山管委会", "长白山保护开发区管理委员会", "长白山"])
    def test_changbaishan_has_no_code_but_is_found_by_its_names(self, name: str) -> None:
        """The committee is in the table without a code, under its usual names."""
        found = jilin_divisions().lookup(name)
        assert found is not None and found.name == CHANGBAISHAN and found.code is None

    def test_a_code_outside_the_table_is_not_found(self) -> None:
        """Beijing's Dongcheng district is not a Jilin division."""
        assert jilin_divisions().lookup("110101") is None


class TestDivisionsCommand:
    def test_listing_prints_every_row(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a query the command lists the whole table."""
        assert main(["divisions"]) == 0
        assert len(capsys.readouterr().out.splitlines()) == len(jilin_divisions())

    def test_a_prefecture_lists_its_members(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Looking up 四平市 shows it and its county-level units."""
        assert main(["divisions", "四平市", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert [d["code"] for d in data["divisions"]] == ["220300", "220302", "220303", "220322", "220323", "220382"]

    def test_an_unknown_query_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown code exits 2 with a message."""
        assert main(["divisions", "999999", "--lang", "en"]) == 2
        assert "no division" in capsys.readouterr().err
