"""Frozen dataclasses built quickly: reports hold hundreds of small immutable records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, field, fields, make_dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["fast_constructor"]

_T = TypeVar("_T", bound="DataclassInstance")


def fast_constructor(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the frozen slotted dataclass ``cls`` that costs what a plain slotted one costs.

    A frozen dataclass sets every field through ``object.__setattr__``: about 6 µs for a :class:`Check`, and a report
    holds some sixty checks and a hundred figures. The rules therefore fill in a mutable twin with the same slots, in
    the same order, and turn it into ``cls`` as the last step of its ``__init__``. What comes out is an ordinary
    instance of ``cls`` (equal, hashable, frozen, picklable); the same arguments as ``cls(...)`` are taken.
    """
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__") or not all(f.init for f in fields(cls)):
        # The twin must share the slot layout and fill in every field itself; nothing else may run on the way.
        raise TypeError(f"{cls.__name__} must be a slotted dataclass whose fields are all set by __init__")
    spec: list[tuple[str, Any, Any]] = []
    for item in fields(cls):
        if item.default is not MISSING:
            spec.append((item.name, item.type, field(default=item.default)))
        elif item.default_factory is not MISSING:
            spec.append((item.name, item.type, field(default_factory=item.default_factory)))
        else:
            spec.append((item.name, item.type, field()))

    def __post_init__(self: Any) -> None:
        self.__class__ = cls

    twin: Callable[..., _T] = make_dataclass(
        f"_{cls.__name__}Draft", spec, slots=True, namespace={"__post_init__": __post_init__}
    )
    return twin
