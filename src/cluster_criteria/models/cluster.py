"""The cluster itself: name, leading industry, location, area and operating body."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from ..vocabulary import CatalogueStatus
from .base import InputModel
from .types import NonNegativeDecimal, OneLineText

__all__ = ["Cluster", "LeadingIndustry", "Location"]

DivisionCode = Annotated[str, StringConstraints(pattern=r"^\d{6}$")]


class LeadingIndustry(InputModel):
    """The cluster's leading industry (主导产业)."""

    name: OneLineText = Field(description="主导产业名称 — Art. 6(1), 6(2), 7(1).")
    gbt4754_code: Annotated[str, StringConstraints(pattern=r"^[A-T](\d{2}(\d{1,2})?)?$")] | None = Field(
        default=None,
        description="国民经济行业分类 (GB/T 4754-2017) code, e.g. 'C36' or 'C3670' — informational.",
    )
    catalogue_status: CatalogueStatus | None = Field(
        default=None,
        description="Class in the national 《产业结构调整指导目录》: encouraged / permitted / restricted / "
        "eliminated / prohibited — Art. 7(1). Omitted: Art. 7(1) has insufficient data.",
    )
    high_energy_consuming: bool | None = Field(
        default=None, description="属于高耗能行业 — Art. 6(6). Omitted: insufficient data for that part."
    )
    high_water_use: bool | None = Field(
        default=None, description="属于高用水行业 — Art. 6(6). Omitted: insufficient data for that part."
    )


class Location(InputModel):
    """Where the cluster lies: a county-level division of Jilin (Art. 2, Art. 9)."""

    prefecture: OneLineText = Field(description="市（州） name, e.g. 吉林市 — Art. 9, 10.")
    county: OneLineText = Field(description="县（市、区） name, e.g. 磐石市 — Art. 2, 9.")
    county_code: DivisionCode = Field(description="Six-digit division code of the county-level unit — Art. 2, 9.")


class Cluster(InputModel):
    """The cluster applying for recognition."""

    name: OneLineText = Field(description="集群名称 — identifies the application.")
    leading_industry: LeadingIndustry = Field(description="主导产业 — Art. 6(1), 6(2), 6(6), 7(1).")
    location: Location = Field(description="所在县级区划 — Art. 2, 9.")
    area_km2: NonNegativeDecimal | None = Field(
        default=None, description="占地面积 in km² — Art. 6(1) (一般不超过100平方公里). Omitted: insufficient data."
    )
    management_body: OneLineText | None = Field(
        default=None, description="运营管理机构（如园区管委会）名称 — Art. 6(8). Omitted: insufficient data."
    )
