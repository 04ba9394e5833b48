"""The HTTP service over a real loopback socket: every endpoint, its errors and its limits, and concurrent clients."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from cluster_criteria.ruleset import get_rule_set, registered

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")

from pydantic import TypeAdapter  # noqa: E402

from cluster_criteria import evaluate, load_application  # noqa: E402
from cluster_criteria.models import Application  # noqa: E402
from cluster_criteria.render import render  # noqa: E402
from cluster_criteria.service import ServiceSettings  # noqa: E402
from cluster_criteria.service.openapi import REF  # noqa: E402
from cluster_criteria.testing import ApplicationBuilder  # noqa: E402
from cluster_criteria.verdicts import Report  # noqa: E402
from helpers import AS_OF  # noqa: E402
from procedure_support import larger_accident_in_2027, revision_with_major_floor  # noqa: E402
from service_support import served_in_thread  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ELIGIBLE = (EXAMPLES / "eligible-panshi-metal-products.json").read_bytes()
JSON = {"Content-Type": "application/json"}
LINES = {"Content-Type": "application/x-ndjson"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
QUERY = {"as_of": AS_OF.isoformat()}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    settings = ServiceSettings(max_body_bytes=200_000, max_batch_lines=20, time_limit_seconds=30)
    with served_in_thread(settings) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[Any]:
    with httpx.Client(base_url=base, timeout=30) as session:
        yield session


def _problems(answer: Any) -> list[dict[str, str]]:
    body = answer.json()
    assert set(body) == {"error", "problems"}
    for problem in body["problems"]:
        assert problem["message_zh"] and problem["message_en"]
    problems: list[dict[str, str]] = body["problems"]
    return problems


class TestEvaluateOne:
    def test_the_json_answer_is_the_report_evaluate_gives(self, client: Any) -> None:
        answer = client.post("/v1/evaluate", params=QUERY, content=ELIGIBLE, headers=JSON)
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/json")
        expected = json.loads(render(evaluate(load_application(ELIGIBLE), AS_OF), "json"))
        assert answer.json() == expected
        assert expected["outcome"] == "eligible"

    @pytest.mark.parametrize(
        ("fmt", "accept", "media"),
        [
            ("html", None, "text/html"),
            ("md", None, "text/markdown"),
            ("text", None, "text/plain"),
            (None, "text/html,application/xhtml+xml", "text/html"),
            (None, "text/markdown", "text/markdown"),
            (None, "text/plain, text/html", "text/plain"),
            (None, "*/*", "application/json"),
        ],
    )
    def test_the_format_comes_from_the_parameter_else_from_accept(
        self, client: Any, fmt: str | None, accept: str | None, media: str
    ) -> None:
        params = {**QUERY, "lang": "en", **({"format": fmt} if fmt else {})}
        headers = {**JSON, **({"Accept": accept} if accept else {})}
        answer = client.post("/v1/evaluate", params=params, content=ELIGIBLE, headers=headers)
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith(media)
        if media != "application/json":
            name = {"text/html": "html", "text/markdown": "md", "text/plain": "text"}[media]
            assert answer.text == render(evaluate(load_application(ELIGIBLE), AS_OF), name, "en")

    def test_rules_and_readings_reach_the_library(self, client: Any) -> None:
        params = {
            **QUERY,
            "rules": "6.1,7.2",
            "growth_method": "arithmetic_mean_of_ratios",
            "sharing_rule": "any_listed",
        }
        report = client.post("/v1/evaluate", params=params, content=ELIGIBLE, headers=JSON).json()
        assert [v["rule_id"] for v in report["verdicts"]] == ["6.1", "7.2"]
        assert report["outcome"] == "undecided" and report["complete"] is False
        assert report["options"] == {"growth_method": "arithmetic_mean_of_ratios", "sharing_rule": "any_listed"}

    def test_an_invalid_application_gives_its_problems_with_paths_in_both_languages(self, client: Any) -> None:
        data = ApplicationBuilder().data()
        data["metrics"][0]["total_output"] = "-3"
        answer = client.post("/v1/evaluate", params=QUERY, json=data)
        assert answer.status_code == 422
        assert answer.json()["error"] == "invalid_input"
        assert [p["path"] for p in _problems(answer)] == ["metrics[0].total_output"]

    def test_malformed_json_is_a_422_naming_line_and_column(self, client: Any) -> None:
        answer = client.post("/v1/evaluate", params=QUERY, content=b'{"cluster": ', headers=JSON)
        assert answer.status_code == 422
        (problem,) = _problems(answer)
        assert problem["code"] == "cc_json" and problem["path"].startswith("line 1 column")

    def test_a_year_not_over_on_the_date_is_refused(self, client: Any) -> None:
        answer = client.post("/v1/evaluate", params={"as_of": "2024-06-30"}, content=ELIGIBLE, headers=JSON)
        assert answer.status_code == 422
        assert {p["code"] for p in _problems(answer)} == {"cc_year_not_over"}

    @pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
    def test_a_wrong_content_type_is_a_415(self, client: Any, content_type: str) -> None:
        answer = client.post("/v1/evaluate", params=QUERY, content=ELIGIBLE, headers={"Content-Type": content_type})
        assert answer.status_code == 415
        (problem,) = _problems(answer)
        assert problem["path"] == "Content-Type" and "application/json" in problem["message_en"]

    def test_a_missing_or_bad_date_is_a_422_naming_the_parameter(self, client: Any) -> None:
        missing = client.post("/v1/evaluate", content=ELIGIBLE, headers=JSON)
        bad = client.post("/v1/evaluate", params={"as_of": "15/04/2025"}, content=ELIGIBLE, headers=JSON)
        assert missing.status_code == bad.status_code == 422
        assert [p["path"] for p in _problems(missing)] == ["query.as_of"]
        assert [p["path"] for p in _problems(bad)] == ["query.as_of"]
        assert missing.json()["error"] == "invalid_request"

    def test_an_unknown_format_or_language_is_refused(self, client: Any) -> None:
        answer = client.post(
            "/v1/evaluate", params={**QUERY, "format": "pdf", "lang": "fr"}, content=ELIGIBLE, headers=JSON
        )
        assert answer.status_code == 422
        assert sorted(p["path"] for p in _problems(answer)) == ["query.format", "query.lang"]

    def test_an_unknown_rule_is_a_400(self, client: Any) -> None:
        answer = client.post("/v1/evaluate", params={**QUERY, "rules": "6.1,9.9"}, content=ELIGIBLE, headers=JSON)
        assert answer.status_code == 400
        assert "9.9" in _problems(answer)[0]["message_en"]

    def test_a_body_over_the_limit_is_a_413_before_it_is_read(self, client: Any) -> None:
        answer = client.post("/v1/evaluate", params=QUERY, content=b" " * 200_001, headers=JSON)
        assert answer.status_code == 413
        assert answer.json()["error"] == "body_too_large"

    def test_a_chunked_body_over_the_limit_is_a_413_too(self, client: Any) -> None:
        """Without a Content-Length the body is counted as it arrives."""

        def chunks() -> Iterator[bytes]:
            for _ in range(30):
                yield b" " * 10_000

        answer = client.post("/v1/evaluate", params=QUERY, content=chunks(), headers=JSON)
        assert answer.status_code == 413

    def test_a_workbook_is_evaluated_like_its_json(self, client: Any) -> None:
        from cluster_criteria.jsonio import parse_json
        from excel_support import filled_workbook

        workbook = filled_workbook(parse_json(ELIGIBLE), 2025)
        answer = client.post(
            "/v1/evaluate", params={**QUERY, "format": "text"}, content=workbook, headers={"Content-Type": XLSX}
        )
        assert answer.status_code == 200
        assert answer.text == render(evaluate(load_application(ELIGIBLE), AS_OF), "text")

    def test_a_workbook_error_names_the_sheet_and_cell(self, client: Any) -> None:
        from cluster_criteria.excel import template_workbook

        answer = client.post(
            "/v1/evaluate", params=QUERY, content=template_workbook(2025), headers={"Content-Type": XLSX}
        )
        assert answer.status_code == 422
        assert "集群!B3" in {p["message_en"].split(":")[0] for p in _problems(answer)}

    def test_a_workbook_that_contradicts_the_date_names_the_year_cell(self, client: Any) -> None:
        from cluster_criteria.jsonio import parse_json
        from excel_support import filled_workbook

        workbook = filled_workbook(parse_json(ELIGIBLE), 2025)
        answer = client.post(
            "/v1/evaluate", params={"as_of": "2024-06-30"}, content=workbook, headers={"Content-Type": XLSX}
        )
        assert answer.status_code == 422
        assert _problems(answer)[0]["message_en"].startswith("年度数据!E1: ")


class TestEvaluateMany:
    def test_lines_in_lines_out_in_order_with_the_bad_line_as_an_error_record(self, client: Any) -> None:
        good = ELIGIBLE.replace(b"\n", b" ")
        body = b"\n".join([good, b'{"cluster": 1}', b"not json", good]) + b"\n"
        answer = client.post("/v1/evaluate-many", params=QUERY, content=body, headers=LINES)
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/x-ndjson")
        records = [json.loads(line) for line in answer.text.splitlines()]
        assert len(records) == 4
        assert [r.get("outcome", r.get("error")) for r in records] == [
            "eligible",
            "invalid_input",
            "invalid_input",
            "eligible",
        ]
        assert records[1]["line"] == 2 and records[1]["problems"][0]["path"] == "cluster"
        assert records[2]["problems"][0]["code"] == "cc_json"

    def test_brief_detail(self, client: Any) -> None:
        answer = client.post(
            "/v1/evaluate-many",
            params={**QUERY, "detail": "brief"},
            content=ELIGIBLE.replace(b"\n", b" "),
            headers=LINES,
        )
        (record,) = [json.loads(line) for line in answer.text.splitlines()]
        assert record["line"] == 1 and "open_checks" in record["verdicts"][0]

    def test_more_lines_than_the_limit_is_a_413(self, client: Any) -> None:
        answer = client.post("/v1/evaluate-many", params=QUERY, content=b"{}\n" * 21, headers=LINES)
        assert answer.status_code == 413
        assert answer.json()["error"] == "too_many_lines"
        assert "20" in _problems(answer)[0]["message_en"]

    def test_exactly_the_limit_is_answered(self, client: Any) -> None:
        answer = client.post("/v1/evaluate-many", params=QUERY, content=b"{}\n" * 20, headers=LINES)
        assert answer.status_code == 200
        assert len(answer.text.splitlines()) == 20

    def test_a_json_body_is_not_json_lines(self, client: Any) -> None:
        answer = client.post("/v1/evaluate-many", params=QUERY, content=ELIGIBLE, headers=JSON)
        assert answer.status_code == 415

    def test_a_date_before_the_measures_is_refused_before_any_line(self, client: Any) -> None:
        answer = client.post("/v1/evaluate-many", params={"as_of": "2020-01-01"}, content=b"{}\n", headers=LINES)
        assert answer.status_code == 422
        assert answer.json()["error"] == "invalid_input"


class TestMonitoringAndReference:
    def test_status_of_a_record(self, client: Any) -> None:
        record = (EXAMPLES / "records" / "late-report-panshi-metal-products.json").read_bytes()
        answer = client.post("/v1/status", params={"as_of": "2025-06-30"}, content=record, headers=JSON)
        assert answer.status_code == 200
        import datetime as dt

        from cluster_criteria.procedure import load_record, monitor, monitoring_report_to_json

        assert answer.json() == json.loads(
            monitoring_report_to_json(monitor(load_record(record), dt.date(2025, 6, 30)))
        )
        text = client.post(
            "/v1/status", params={"as_of": "2025-06-30", "format": "text", "lang": "en"}, content=record, headers=JSON
        )
        assert text.headers["content-type"].startswith("text/plain") and "revocation" in text.text.lower()

    def test_status_applies_the_procedure_values_of_the_edition_in_force(self, client: Any) -> None:
        """A 较大 accident revokes under the 2024 floor; the edition in force in 2027, raising it to 重大, keeps."""
        body = json.dumps(larger_accident_in_2027(), ensure_ascii=False).encode()
        query = {"as_of": "2027-04-15"}
        before = client.post("/v1/status", params=query, content=body, headers=JSON).json()
        assert next(g["status"] for g in before["grounds"] if g["rule_id"] == "14.5") == "fail"
        with registered(revision_with_major_floor()):
            after = client.post("/v1/status", params=query, content=body, headers=JSON).json()
        assert after["rule_set"]["id"] == "jilin-2027-draft"
        assert next(g["status"] for g in after["grounds"] if g["rule_id"] == "14.5") == "pass"

    def test_a_bad_record_is_a_422(self, client: Any) -> None:
        answer = client.post("/v1/status", params=QUERY, content=b"[]", headers=JSON)
        assert answer.status_code == 422 and answer.json()["error"] == "invalid_input"

    def test_rules_and_one_rule(self, client: Any) -> None:
        from cluster_criteria.cli.explain import rule_data
        from cluster_criteria.cli.rules import rules_data

        assert client.get("/v1/rules").json() == rules_data(get_rule_set("jilin-2024"), dt.date.today())
        assert client.get("/v1/rules/6.3", params={"lang": "en"}).json() == rule_data("6.3", "en", get_rule_set("jilin-2024"), dt.date.today())
        unknown = client.get("/v1/rules/6.9")
        assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_rule"

    def test_the_rule_set_is_chosen_by_name_or_date(self, client: Any) -> None:
        """`rule_set` names an edition; an unknown one is a 400 naming the known ones; a date before any is a 422."""
        named = client.get("/v1/rules", params={"rule_set": "jilin-2024", "as_of": "2025-04-15"})
        assert named.status_code == 200 and named.json()["rule_set"]["id"] == "jilin-2024"
        unknown = client.post("/v1/evaluate", params={**QUERY, "rule_set": "jilin-1999"}, content=ELIGIBLE, headers=JSON)
        assert unknown.status_code == 400 and unknown.json()["error"] == "unknown_rule_set"
        assert "jilin-2024" in unknown.json()["problems"][0]["message_en"]
        early = client.get("/v1/rules", params={"as_of": "2024-01-01"})
        assert early.status_code == 422
        report = client.post("/v1/evaluate", params={**QUERY, "rule_set": "jilin-2024"}, content=ELIGIBLE, headers=JSON)
        assert report.status_code == 200 and report.json()["rule_set"]["id"] == "jilin-2024"

    @pytest.mark.parametrize("which", ["input", "report", "brief", "record", "monitoring-report"])
    def test_schemas(self, client: Any, which: str) -> None:
        from cluster_criteria.brief import brief_schema
        from cluster_criteria.jsonio import input_schema, report_schema
        from cluster_criteria.procedure import monitoring_report_schema, record_schema

        expected = {
            "input": input_schema,
            "report": report_schema,
            "brief": brief_schema,
            "record": record_schema,
            "monitoring-report": monitoring_report_schema,
        }[which]()
        answer = client.get(f"/v1/schemas/{which}")
        assert answer.headers["content-type"].startswith("application/schema+json")
        assert answer.json() == expected

    def test_divisions(self, client: Any) -> None:
        everything = client.get("/v1/divisions").json()
        assert len(everything["divisions"]) > 60
        jilin_city = client.get("/v1/divisions", params={"query": "吉林市"}).json()["divisions"]
        assert jilin_city[0]["name"] == "吉林市" and "磐石市" in {d["name"] for d in jilin_city}
        assert client.get("/v1/divisions", params={"query": "nowhere"}).status_code == 404

    def test_templates(self, client: Any) -> None:
        from openpyxl import load_workbook

        from cluster_criteria.template import blank_application

        blank = client.get("/v1/template", params={"as_of": "2025-04-15"})
        assert blank.json() == json.loads(json.dumps(blank_application(2025)))
        workbook = client.get("/v1/template", params={"as_of": "2025-04-15", "format": "xlsx"})
        assert workbook.headers["content-type"] == XLSX
        assert "attachment" in workbook.headers["content-disposition"]
        book = load_workbook(io.BytesIO(workbook.content))
        assert [book["年度数据"].cell(1, c).value for c in (3, 4, 5)] == [2022, 2023, 2024]

    def test_health_and_version(self, client: Any) -> None:
        from cluster_criteria import __version__

        assert client.get("/v1/health").json() == {"status": "ok"}
        version = client.get("/v1/version").json()
        assert version["library"] == __version__ and version["api"] == "v1"
        assert version["rule_set"]["id"] == "jilin-2024"

    def test_an_unknown_path_or_method_is_a_problem_record_not_a_page(self, client: Any) -> None:
        missing = client.get("/v2/evaluate")
        wrong_method = client.get("/v1/evaluate")
        assert missing.status_code == 404 and wrong_method.status_code == 405
        assert _problems(missing)[0]["code"] == "cc_http_404"
        assert _problems(wrong_method)[0]["code"] == "cc_http_405"


class TestOpenAPI:
    def test_the_document_carries_the_library_models_unchanged(self, client: Any) -> None:
        document = client.get("/openapi.json").json()
        components = document["components"]["schemas"]
        application = Application.model_json_schema(mode="validation", ref_template=REF)
        report = TypeAdapter(Report).json_schema(mode="serialization", ref_template=REF)
        for name, schema in (("Application", application), ("Report", report)):
            for key, value in schema.pop("$defs", {}).items():
                assert components[key] == value
            assert components[name] == schema
        body = document["paths"]["/v1/evaluate"]["post"]["requestBody"]["content"]
        assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/Application"}

    def test_every_reference_resolves(self, client: Any) -> None:
        document = client.get("/openapi.json").json()
        references: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if isinstance(node.get("$ref"), str):
                    references.append(node["$ref"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(document)
        assert len(references) > 30
        for reference in references:
            assert reference.startswith("#/components/schemas/")
            assert reference.rsplit("/", 1)[1] in document["components"]["schemas"], reference

    def test_every_endpoint_is_documented(self, client: Any) -> None:
        paths = set(client.get("/openapi.json").json()["paths"])
        assert paths == {
            "/v1/health",
            "/v1/version",
            "/v1/evaluate",
            "/v1/evaluate-many",
            "/v1/status",
            "/v1/rules",
            "/v1/rules/{rule_id}",
            "/v1/schemas/{which}",
            "/v1/divisions",
            "/v1/template",
        }

    def test_interactive_docs_are_served(self, client: Any) -> None:
        answer = client.get("/docs")
        assert answer.status_code == 200 and "/openapi.json" in answer.text


class TestUploadPage:
    def test_the_page_and_its_script_are_served_with_a_strict_policy(self, client: Any) -> None:
        page = client.get("/")
        script = client.get("/static/upload.js")
        assert page.status_code == script.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert script.headers["content-type"].startswith("text/javascript")
        policy = page.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        # Works offline: nothing is loaded from another host.
        assert "http://" not in page.text and "https://" not in page.text
        assert "http://" not in script.text and "https://" not in script.text


class TestConcurrency:
    def test_200_requests_from_20_clients_are_all_answered_each_with_its_own_report(self, base: str) -> None:
        """Twenty clients, each on its own kept-alive connection, send ten applications each, all at once."""
        names = [[f"并发测试集群{client:02d}-{request}" for request in range(10)] for client in range(20)]

        def one_client(client: int) -> list[tuple[int, str]]:
            answers = []
            with httpx.Client(base_url=base, timeout=60) as session:
                for name in names[client]:
                    data = ApplicationBuilder().data()
                    data["cluster"]["name"] = name
                    # One clause keeps each answer small: the test is about the connections, not the rendering.
                    answer = session.post("/v1/evaluate", params={**QUERY, "rules": "6.8"}, json=data)
                    answers.append((answer.status_code, answer.json()["cluster_name"]))
            return answers

        with ThreadPoolExecutor(max_workers=20) as pool:
            results = list(pool.map(one_client, range(20)))
        assert [status for answers in results for status, _ in answers] == [200] * 200
        assert [[name for _, name in answers] for answers in results] == names


class TestTimeLimit:
    def test_a_request_over_the_time_limit_is_a_503_and_a_batch_ends_with_a_time_limit_record(self) -> None:
        with (
            served_in_thread(ServiceSettings(time_limit_seconds=0.001)) as url,
            httpx.Client(base_url=url, timeout=30) as session,
        ):
            builder = ApplicationBuilder()
            for index in range(2_000):  # validating and counting two thousand enterprises takes well over 1 ms
                builder.enterprise(f"企业{index}", "high_tech_enterprise")
            one = session.post("/v1/evaluate", params={**QUERY, "format": "html"}, json=builder.data())
            assert one.status_code == 503
            assert one.json()["error"] == "time_limit"
            line = json.dumps(builder.data()).encode()
            many = session.post("/v1/evaluate-many", params=QUERY, content=b"\n".join([line] * 5), headers=LINES)
            records = [json.loads(text) for text in many.text.splitlines()]
            assert "outcome" in records[0]
            assert records[-1]["error"] == "time_limit"
            assert records[-1]["next_line"] == len(records)
            assert len(records) < 6


TOKEN = "s3cret-token-for-the-tests-0123456789"


@pytest.fixture(scope="module")
def guarded() -> Iterator[str]:
    with served_in_thread(ServiceSettings(tokens=("another-token-aaaaaaaaaaaa", TOKEN))) as url:
        yield url


class TestTokens:
    TOKEN = TOKEN

    def test_without_a_token_every_api_call_is_refused(self, guarded: str) -> None:
        for method, path in (
            ("POST", "/v1/evaluate"),
            ("GET", "/v1/rules"),
            ("GET", "/v1/template"),
            ("POST", "/v1/status"),
        ):
            answer = httpx.request(method, guarded + path, params=QUERY, content=ELIGIBLE, headers=JSON)
            assert answer.status_code == 401, path
            assert answer.headers["www-authenticate"] == "Bearer"
            assert answer.json()["error"] == "unauthorized"

    @pytest.mark.parametrize("header", ["Bearer wrong", "Bearer " + TOKEN[:-1], "Basic " + TOKEN, TOKEN, "Bearer"])
    def test_a_wrong_token_is_refused(self, guarded: str, header: str) -> None:
        answer = httpx.get(guarded + "/v1/rules", headers={"Authorization": header})
        assert answer.status_code == 401

    def test_the_right_token_is_accepted_and_health_needs_none(self, guarded: str) -> None:
        answer = httpx.post(
            guarded + "/v1/evaluate",
            params=QUERY,
            content=ELIGIBLE,
            headers={**JSON, "Authorization": f"Bearer {self.TOKEN}"},
        )
        assert answer.status_code == 200 and answer.json()["outcome"] == "eligible"
        assert httpx.get(guarded + "/v1/health").status_code == 200
        assert httpx.get(guarded + "/").status_code == 200


class TestCors:
    def test_no_cors_headers_unless_configured(self, client: Any) -> None:
        answer = client.get("/v1/rules", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in answer.headers

    def test_a_configured_origin_is_allowed_and_no_other(self) -> None:
        allowed = "https://review.example.org"
        with served_in_thread(ServiceSettings(cors_origins=(allowed,))) as url:
            ok = httpx.get(url + "/v1/version", headers={"Origin": allowed})
            other = httpx.get(url + "/v1/version", headers={"Origin": "https://elsewhere.example"})
            preflight = httpx.options(
                url + "/v1/evaluate",
                headers={
                    "Origin": allowed,
                    "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "content-type",
                },
            )
        assert ok.headers["access-control-allow-origin"] == allowed
        assert "access-control-allow-origin" not in other.headers
        assert preflight.status_code == 200


def test_a_defect_is_a_500_with_a_problem_record_and_no_traceback() -> None:
    """A fault inside the service itself (here: a route added to fail) never shows its traceback to the caller."""
    import threading

    import uvicorn

    from cluster_criteria.service import create_app
    from service_support import free_port, wait_until_up

    app = create_app()

    @app.get("/v1/broken")
    async def broken() -> None:
        raise RuntimeError("secret internal detail")

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_until_up(f"http://127.0.0.1:{port}")
        answer = httpx.get(f"http://127.0.0.1:{port}/v1/broken")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert answer.status_code == 500
    assert answer.json()["error"] == "internal_error"
    assert "secret" not in answer.text and "Traceback" not in answer.text
