"""The measures' vocabulary as enumerations: values are stable English ids, labels are the law's words."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

__all__ = [
    "Answer",
    "CatalogueStatus",
    "DesignationKind",
    "IncidentKind",
    "LabelledEnum",
    "Severity",
    "ViolationKind",
    "register_labels",
]


class LabelledEnum(str, Enum):
    """An enumeration whose members know their Chinese and English labels (see :func:`register_labels`)."""

    @property
    def zh(self) -> str:
        return _LABELS[self][0]

    @property
    def en(self) -> str:
        return _LABELS[self][1]

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang``: Chinese, English, or the catalogue's rendering of the Chinese."""
        from .i18n import localise

        return localise(self.zh, self.en, "zh" if lang.startswith("zh") else lang)


class CatalogueStatus(LabelledEnum):
    """Where the leading industry stands in the national 《产业结构调整指导目录》 (Art. 7(1))."""

    ENCOURAGED = "encouraged"
    PERMITTED = "permitted"
    RESTRICTED = "restricted"
    ELIMINATED = "eliminated"
    PROHIBITED = "prohibited"


class DesignationKind(LabelledEnum):
    """Enterprise titles counted by Art. 6(2)."""

    SINGLE_CHAMPION = "single_champion"
    LITTLE_GIANT = "little_giant"
    PROVINCIAL_SRDI_SME = "provincial_srdi_sme"
    HIGH_TECH_ENTERPRISE = "high_tech_enterprise"


class IncidentKind(LabelledEnum):
    """Kinds of accident and security event named in Art. 7(2), 7(3) and 14(5)."""

    SAFETY = "safety"
    QUALITY = "quality"
    ENVIRONMENTAL = "environmental"
    NETWORK_SECURITY = "network_security"
    DATA_SECURITY = "data_security"


class Severity(LabelledEnum):
    """The four grades of Chinese emergency law, lowest first so that grades compare by ``rank``."""

    ORDINARY = "ordinary"
    LARGER = "larger"
    MAJOR = "major"
    ESPECIALLY_MAJOR = "especially_major"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank


class ViolationKind(LabelledEnum):
    """Findings named in Art. 7(4) and 14(5)."""

    TAX_EVASION = "tax_evasion"
    SERIOUS_DISHONESTY = "serious_dishonesty"
    OTHER_MAJOR_VIOLATION = "other_major_violation"


class Answer(LabelledEnum):
    """The answer to one qualitative requirement: nothing is met unless someone says so."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_ANSWERED = "not_answered"


_SEVERITY_ORDER = (Severity.ORDINARY, Severity.LARGER, Severity.MAJOR, Severity.ESPECIALLY_MAJOR)

_LABELS: dict[Enum, tuple[str, str]] = {
    CatalogueStatus.ENCOURAGED: ("鼓励类", "encouraged"),
    CatalogueStatus.PERMITTED: ("允许类", "permitted"),
    CatalogueStatus.RESTRICTED: ("限制类", "restricted"),
    CatalogueStatus.ELIMINATED: ("淘汰类", "to be eliminated"),
    CatalogueStatus.PROHIBITED: ("禁止类", "prohibited"),
    DesignationKind.SINGLE_CHAMPION: ("制造业单项冠军", "manufacturing single champion"),
    DesignationKind.LITTLE_GIANT: ("专精特新“小巨人”企业", "specialised and innovative 'little giant'"),
    DesignationKind.PROVINCIAL_SRDI_SME: ("省级“专精特新”中小企业", "provincial specialised and innovative SME"),
    DesignationKind.HIGH_TECH_ENTERPRISE: ("高新技术企业", "high and new technology enterprise"),
    IncidentKind.SAFETY: ("安全事故", "safety accident"),
    IncidentKind.QUALITY: ("质量事故", "quality accident"),
    IncidentKind.ENVIRONMENTAL: ("环境污染事故", "environmental pollution accident"),
    IncidentKind.NETWORK_SECURITY: ("网络安全事件", "network security event"),
    IncidentKind.DATA_SECURITY: ("数据安全事件", "data security event"),
    Severity.ORDINARY: ("一般", "ordinary"),
    Severity.LARGER: ("较大", "relatively serious"),
    Severity.MAJOR: ("重大", "serious"),
    Severity.ESPECIALLY_MAJOR: ("特别重大", "extraordinarily serious"),
    ViolationKind.TAX_EVASION: ("偷税漏税", "tax evasion"),
    ViolationKind.SERIOUS_DISHONESTY: ("严重失信", "serious dishonesty"),
    ViolationKind.OTHER_MAJOR_VIOLATION: ("其他重大违法违规行为", "other major violation"),
    Answer.MET: ("符合", "met"),
    Answer.NOT_MET: ("不符合", "not met"),
    Answer.NOT_ANSWERED: ("未作答", "not answered"),
}


def register_labels(labels: Mapping[Enum, tuple[str, str]]) -> None:
    """Give the members of a :class:`LabelledEnum` their (Chinese, English) labels."""
    _LABELS.update(labels)
