"""The shortcuts that make loading fast give exactly what the plain way gives: the same applications, the same
refusals, the same error records. Each shortcut is checked against a plain reference written here."""

from __future__ import annotations

import contextlib
import copy
import json
import types
import typing
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from cluster_criteria import load_application
from cluster_criteria.comments import COMMENT_PREFIX, strip_comments
from cluster_criteria.errors import ApplicationError
from cluster_criteria.jsonio import application_from_data
from cluster_criteria.models import Application
from cluster_criteria.ruleset import RULE_SETS
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.testing import strategies as cs

FAST = settings(max_examples=80, deadline=None)


def _problems(data: Any) -> list[tuple[str, str, str, str]]:
    with pytest.raises(ApplicationError) as caught:
        application_from_data(data)
    return [(p.path, p.code, p.message_zh, p.message_en) for p in caught.value.problems]


def _objects(node: Any) -> list[dict[str, Any]]:
    """Every JSON object in ``node``, outermost first."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


class TestCommentKeys:
    """Comment keys are dropped at any depth, however they are written, and nothing else changes."""

    @FAST
    @given(data=cs.application_data(), choices=st.data())
    def test_comment_keys_anywhere_leave_the_application_unchanged(self, data: dict[str, Any], choices: Any) -> None:
        """Notes added to any objects of a valid application load to the very same application."""
        expected = application_from_data(data)
        noted = copy.deepcopy(data)
        for target in choices.draw(st.lists(st.sampled_from(_objects(noted)), min_size=1, max_size=4)):
            key = choices.draw(st.sampled_from(["$comment", "$comment:note", "$comment_2", "$commentary"]))
            target[key] = choices.draw(st.sampled_from(["met", "说明", {"answer": "met"}, [1, {"a": None}], None]))
        assert application_from_data(noted) == expected

    def test_a_comment_among_the_qualitative_answers_is_dropped(self) -> None:
        """The template notes each qualitative item next to its answer; even a note reading "met" is no answer."""
        data = ApplicationBuilder().data()
        expected = application_from_data(data)
        data["qualitative"]["$comment:6.1.policy_conformity"] = "met"
        assert application_from_data(data) == expected

    @pytest.mark.parametrize(
        "key", ["\\u0024comment", "\\u0024comment:note", "$\\u0063omment", "\\u0024\\u0063\\u006f\\u006dment"]
    )
    def test_escaped_comment_keys_in_json_text_are_dropped(self, key: str) -> None:
        """JSON may spell ``$comment`` with escapes; it is still a comment, at the top and deep inside."""
        data = ApplicationBuilder().data()
        expected = application_from_data(data)
        text = json.dumps(data, ensure_ascii=False)
        text = text.replace('{"format_version"', f'{{"{key}": "x", "format_version"', 1)
        text = text.replace('"designations": [{', f'"designations": [{{"{key}": 1, ', 1)
        assert text.count(key) == 2
        assert load_application(text) == expected

    def test_an_escaped_key_that_is_not_a_comment_is_still_refused(self) -> None:
        """``\\u0024Comment`` is not a comment key (the prefix is case-sensitive), so it is an unknown field."""
        text = json.dumps(ApplicationBuilder().data()).replace("{", '{"\\u0024Comment": 1, ', 1)
        with pytest.raises(ApplicationError) as caught:
            load_application(text)
        assert [p.code for p in caught.value.problems] == ["extra_forbidden"]
        assert caught.value.problems[0].path == "$Comment"

    def test_errors_beside_comments_are_those_of_the_application_without_them(self) -> None:
        """A refused application with notes gives the errors it gives without them, nothing about the notes."""
        data = ApplicationBuilder().data()
        data["metrics"][0]["total_output"] = "lots"
        data["enterprises"][0]["credit_code"] = "91220284MA0A000010"
        plain = _problems(data)
        noted = copy.deepcopy(data)
        noted["$comment"] = "note"
        noted["metrics"][0]["$comment:why"] = "note"
        assert _problems(noted) == plain
        assert [p[0] for p in plain] == ["metrics[0].total_output", "enterprises[0].credit_code"]

    def test_loading_does_not_change_the_input(self) -> None:
        """Neither a valid nor a refused document is modified, comments included."""
        for data in (ApplicationBuilder().data(), {**ApplicationBuilder().data(), "$comment": "x", "extra": 1}):
            before = copy.deepcopy(data)
            with contextlib.suppress(ApplicationError):
                application_from_data(data)
            assert data == before

    def test_strip_comments_drops_only_comment_keys(self) -> None:
        """At any depth, inside lists too; other keys and values are kept as they are."""
        data = {"$comment": 1, "a": [{"$comment:x": 2, "b": 3}, 4], "c": {"d": {"$comment": {}}, "e": "$comment"}}
        assert strip_comments(data) == {"a": [{"b": 3}, 4], "c": {"d": {}, "e": "$comment"}}

    def test_only_qualitative_answers_take_keys_of_the_callers_choosing(self) -> None:
        """Loading relies on this: every object of the input is a model that refuses unknown fields, except the
        qualitative answers, keyed by item ids that never start with ``$comment``. A new field holding a free-form
        mapping would let comment keys through validation, and loading would then have to strip them first."""
        free_form: list[str] = []
        seen: set[type[BaseModel]] = set()

        def visit(annotation: Any, where: str) -> None:
            origin = typing.get_origin(annotation)
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                if annotation not in seen:
                    seen.add(annotation)
                    assert annotation.model_config.get("extra") == "forbid", annotation.__name__
                    for name, field in annotation.model_fields.items():
                        visit(field.annotation, f"{annotation.__name__}.{name}")
            elif origin in (dict, typing.Mapping) or annotation in (dict, Any, object):
                free_form.append(where)
                for argument in typing.get_args(annotation)[1:]:
                    visit(argument, where)
            elif origin is typing.Annotated:
                visit(typing.get_args(annotation)[0], where)
            elif origin is not None or isinstance(annotation, types.UnionType):
                for argument in typing.get_args(annotation):
                    visit(argument, where)

        visit(Application, "")
        assert free_form == ["Application.qualitative"]
        assert len(seen) >= 10
        item_ids = [item.id for rules in RULE_SETS.values() for item in rules.parameters.qualitative_items]
        assert item_ids and not any(item_id.startswith(COMMENT_PREFIX) for item_id in item_ids)
