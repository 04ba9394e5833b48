"""Pydantic validation errors turned into problems a person can read, in Chinese and English."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from .errors import ApplicationError, InputProblem
from .limits import MAX_PROBLEM_KINDS_REPORTED, MAX_PROBLEMS_REPORTED
from .safe_text import one_line, quoted

__all__ = ["capped", "from_validation_error", "path_of", "zh_message"]

# Chinese templates for our own error types (the English text comes from the error itself) and for the
# pydantic errors a filled-in application meets most often.
_ZH: dict[str, str] = {
    "cc_not_a_number": "应为数字，实际为 {text}",
    "cc_not_finite": "必须是有限数值，不能是 NaN 或无穷大",
    "cc_too_large": "数值大得或小得不合理（{text}）",
    "cc_too_precise": "有效数字超过 {limit} 位",
    "cc_negative": "不能为负数（实际为 {text}）",
    "cc_not_an_amount": "不是金额：{text}；请填写数字，可带单位 元、万元 或 亿元",
    "cc_rate_range": '比率应在 0 到 1 之间（如 0.08 或 "8%"），实际为 {text}',
    "cc_not_a_count": "应为非负整数，实际为 {text}",
    "cc_control_chars": "含有控制字符",
    "cc_line_break": "只能占一行：名称和代码不能含换行符",
    "cc_not_a_year": "应为年份，写成整数（如 2024），实际为 {text}",
    "cc_not_a_date": "应为写作 YYYY-MM-DD 的日期（如 2024-03-15），实际为 {text}",
    "cc_part_exceeds_total": "{year}年 {field}（{part} 元）超过集群总产值（{total} 元）",
    "cc_count_exceeds_total": "{year}年 应用平台企业数（{part}）超过企业总数（{total}）",
    "cc_zero_base": "{year}年 企业总数必须大于零",
    "cc_rate_mismatch": "{year}年 工业互联网平台应用普及率 {rate} 与计数 {part}/{total} 不一致",
    "cc_credit_code": "统一社会信用代码无效：{reason}",
    "cc_date_out_of_range": "{date} 超出可接受的日期范围（{earliest} 至 {latest}）",
    "too_long": "最多 {max_length} 项",
    "cc_dates_reversed": "有效期止日 {end} 早于起始日 {start}",
    "cc_duplicate_year": "{year}年重复出现（metrics[{first}] 与 metrics[{second}]）",
    "cc_year_gap": "年度必须连续；{earlier}年与{later}年之间缺少{missing}年",
    "cc_duplicate_enterprise": "统一社会信用代码 {code} 重复出现（enterprises[{first}] 与 enterprises[{second}]）",
    "cc_unknown_item": "未知的定性要求编号：{items}；可用 `cluster-criteria rules` 查看",
    "missing": "缺少必填字段",
    "extra_forbidden": "不允许的字段（可能拼写有误）",
    "enum": "取值无效，应为：{expected}",
    "literal_error": "取值无效，应为：{expected}",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "string_type": "应为文本",
    "string_too_short": "不能为空",
    "string_too_long": "文本过长（最多 {max_length} 个字符）",
    "string_pattern_mismatch": "格式不符（应匹配 {pattern}）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "日期格式无效，应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式无效，应为 YYYY-MM-DD",
    "date_from_datetime_inexact": "日期不能带时间",
    "greater_than_equal": "应不小于 {ge}",
    "less_than_equal": "应不大于 {le}",
    "dict_type": "应为对象（JSON object）",
    "list_type": "应为数组（JSON array）",
    "tuple_type": "应为数组（JSON array）",
    "model_type": "应为对象（JSON object）",
    "model_attributes_type": "应为对象（JSON object）",
    "dataclass_type": "应为对象（JSON object）",
    "value_error": "取值无效：{error}",
}


# A message is a sentence with a few quoted values, each already cut short; this bounds the whole of it all the same.
_MESSAGE_LIMIT = 600


def path_of(loc: tuple[int | str, ...]) -> str:
    """``("metrics", 1, "total_output")`` → ``metrics[1].total_output``.

    A key may come from the input (a misspelt field, a dictionary key): it is shown escaped and cut short.
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif out:
            out += f".{quoted(str(part))}"
        else:
            out = quoted(str(part))
    return out


def _message(text: str) -> str:
    return quoted(text, _MESSAGE_LIMIT)


def zh_message(error: Any) -> str:
    """The Chinese message of one pydantic error (a dict of ``ValidationError.errors()``)."""
    return _zh(error)


def _zh(error: Any) -> str:
    template = _ZH.get(error["type"])
    if template is None:
        return f"输入无效：{error['msg']}"
    ctx = {k: one_line(str(v)) for k, v in (error.get("ctx") or {}).items()}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return f"输入无效：{error['msg']}"


def from_validation_error(exc: ValidationError, templates: Mapping[str, str] | None = None) -> ApplicationError:
    """The pydantic errors as :class:`InputProblem` with their field paths, capped as :func:`capped` says.

    ``templates`` adds Chinese templates for a caller's own error types.
    """
    return ApplicationError(capped(_problems(exc, templates or {})))


def _problems(exc: ValidationError, templates: Mapping[str, str]) -> Iterator[InputProblem]:
    # Without the input values: an error on a list of ten thousand items would otherwise copy the list into each.
    for error in exc.errors(include_url=False, include_input=False):
        # Function validators put their own name in the location; a reader wants the field only.
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "json-or-"))))
        template = templates.get(error["type"])
        zh = _zh(error) if template is None else _formatted(template, error)
        yield InputProblem(path_of(loc), _message(zh), _message(error["msg"]), error["type"])


def _formatted(template: str, error: Any) -> str:
    return template.format(**{k: quoted(str(v)) for k, v in (error.get("ctx") or {}).items()})


_INDEX = re.compile(r"\[\d+\]")


def capped(
    problems: Iterable[InputProblem],
    limit: int = MAX_PROBLEMS_REPORTED,
    kinds: int = MAX_PROBLEM_KINDS_REPORTED,
) -> list[InputProblem]:
    """The first ``limit`` problems in the order found, then one line per kind of the rest — a field pattern such as
    ``enterprises[*].credit_code`` and a code — saying how many more there are; beyond ``kinds`` such lines, one
    line counts all the others. Only the kept problems and the counts are held, however many problems come."""
    kept: list[InputProblem] = []
    rest: Counter[tuple[str, str]] = Counter()
    for problem in problems:
        if len(kept) < limit:
            kept.append(problem)
        else:
            rest[(_INDEX.sub("[*]", problem.path), problem.code)] += 1
    groups = list(rest.items())
    for (pattern, code), count in groups[:kinds]:
        kept.append(
            InputProblem(
                pattern,
                f"另有 {count:,} 个同类问题（{code}）",
                f"and {count:,} more of the same kind ({code})",
                "cc_more_problems",
            )
        )
    others = sum(count for _, count in groups[kinds:])
    if others:
        kept.append(
            InputProblem("", f"另有 {others:,} 个其他问题", f"and {others:,} more problems", "cc_more_problems")
        )
    return kept
