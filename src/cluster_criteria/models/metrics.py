"""One calendar year of the cluster's figures (Art. 6(1), 6(4), 6(5), 6(6))."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..safe_text import quoted
from .base import InputModel
from .dates import CalendarYear
from .types import Amount, Count, NonNegativeDecimal, Rate

__all__ = ["YearMetrics"]


class YearMetrics(InputModel):
    """The cluster's figures for one calendar year. Every figure may be omitted; an omitted figure is missing data
    for the clause that needs it, never zero."""

    year: CalendarYear = Field(ge=1990, le=2200, description="Calendar year the figures describe — 近三年 windows.")
    total_output: Amount | None = Field(default=None, description="集群总产值 (元) — Art. 6(1).")
    sme_output: Amount | None = Field(default=None, description="中小企业产值 (元) — Art. 6(1).")
    leading_industry_output: Amount | None = Field(default=None, description="主导产业产值 (元) — Art. 6(1).")
    sme_rd_expenditure: Amount | None = Field(default=None, description="中小企业研发经费 (元) — Art. 6(4).")
    valid_invention_patents: Count | None = Field(default=None, description="有效发明专利数 (件) — Art. 6(4).")
    employees: Count | None = Field(default=None, description="集群从业人员 (人) — Art. 6(4) per 10,000 people.")
    platform_penetration: Rate | None = Field(
        default=None,
        description="工业互联网平台应用普及率 (0–1) — Art. 6(5). May be omitted when the two counts below are given.",
    )
    platform_using_enterprises: Count | None = Field(
        default=None, description="应用工业互联网平台的企业数 — Art. 6(5), numerator of the penetration."
    )
    enterprises_total: Count | None = Field(
        default=None, description="集群企业总数 — Art. 6(5), denominator of the penetration."
    )
    industrial_software_rate: Rate | None = Field(default=None, description="工业软件应用率 (0–1) — Art. 6(5).")
    co2_intensity: NonNegativeDecimal | None = Field(
        default=None,
        description="二氧化碳排放强度 (e.g. t CO₂ per 万元 output; one unit for all years) — Art. 6(6).",
    )
    figures: dict[str, Amount] = Field(
        default_factory=dict,
        description="Amounts that an edition of the measures defines beyond the fields above, by the name its data "
        "file gives them (`cluster-criteria rules --format json` lists them); an unknown name is refused.",
    )

    @field_validator("figures")
    @classmethod
    def _known_figures(cls, figures: dict[str, Decimal]) -> dict[str, Decimal]:
        from ..ruleset.registry import known_figures

        unknown = sorted(set(figures) - set(known_figures()))
        if unknown:
            raise PydanticCustomError(
                "cc_unknown_figure",
                "unknown figure(s): {names}; no registered rule set defines them",
                {"names": ", ".join(quoted(name) for name in unknown[:5])},
            )
        return figures

    @model_validator(mode="after")
    def _consistent(self) -> YearMetrics:
        total = self.total_output
        for name in ("sme_output", "leading_industry_output"):
            part = getattr(self, name)
            if total is not None and part is not None and part > total:
                raise PydanticCustomError(
                    "cc_part_exceeds_total",
                    "{field} ({part} 元) exceeds total_output ({total} 元) in {year}",
                    {"field": name, "part": str(part), "total": str(total), "year": self.year},
                )
        users, base = self.platform_using_enterprises, self.enterprises_total
        if users is not None and base is not None:
            if users > base:
                raise PydanticCustomError(
                    "cc_count_exceeds_total",
                    "platform_using_enterprises ({part}) exceeds enterprises_total ({total}) in {year}",
                    {"part": users, "total": base, "year": self.year},
                )
            if base == 0:
                raise PydanticCustomError(
                    "cc_zero_base", "enterprises_total must be positive in {year}", {"year": self.year}
                )
            if self.platform_penetration is not None and Decimal(users) != self.platform_penetration * base:
                raise PydanticCustomError(
                    "cc_rate_mismatch",
                    "platform_penetration {rate} disagrees with the counts {part}/{total} in {year}",
                    {"rate": str(self.platform_penetration), "part": users, "total": base, "year": self.year},
                )
        return self

    def penetration(self) -> tuple[Decimal | None, str]:
        """The platform penetration and where it came from (stated, or computed from the counts)."""
        if self.platform_penetration is not None:
            return self.platform_penetration, "stated"
        if self.platform_using_enterprises is not None and self.enterprises_total:
            return Decimal(self.platform_using_enterprises) / Decimal(self.enterprises_total), "counts"
        return None, "missing"

