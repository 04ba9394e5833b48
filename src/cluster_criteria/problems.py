"""Pydantic validation errors turned into problems a person can read, in Chinese and English."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .errors import ApplicationError, InputProblem

__all__ = ["from_validation_error", "path_of"]

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
    "cc_not_a_year": "应为年份（如 2024），实际为 {text}",
    "cc_part_exceeds_total": "{year}年 {field}（{part} 元）超过集群总产值（{total} 元）",
    "cc_count_exceeds_total": "{year}年 应用平台企业数（{part}）超过企业总数（{total}）",
    "cc_zero_base": "{year}年 企业总数必须大于零",
    "cc_rate_mismatch": "{year}年 工业互联网平台应用普及率 {rate} 与计数 {part}/{total} 不一致",
    "cc_credit_code": "统一社会信用代码无效：{reason}",
    "cc_date_out_of_range": "{date} 超出可接受的日期范围（{earliest} 至 {latest}）",
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


def path_of(loc: tuple[int | str, ...]) -> str:
    """``("metrics", 1, "total_output")`` → ``metrics[1].total_output``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif out:
            out += f".{part}"
        else:
            out = str(part)
    return out


def _zh(error: Any) -> str:
    template = _ZH.get(error["type"])
    if template is None:
        return f"输入无效：{error['msg']}"
    ctx = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return f"输入无效：{error['msg']}"


def from_validation_error(exc: ValidationError) -> ApplicationError:
    """Every pydantic error as an :class:`InputProblem` with its field path."""
    problems = []
    for error in exc.errors(include_url=False):
        # Function validators put their own name in the location; a reader wants the field only.
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "json-or-"))))
        problems.append(InputProblem(path_of(loc), _zh(error), error["msg"], error["type"]))
    return ApplicationError(problems)
