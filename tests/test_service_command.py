"""``cluster-criteria serve`` as a real child process: options, tokens from a file, and a log without content."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

httpx = pytest.importorskip("httpx")
uvicorn = pytest.importorskip("uvicorn")

from cluster_criteria.cli import EXIT_OK, EXIT_USAGE, main  # noqa: E402
from cluster_criteria.service import ServiceSettings, read_tokens  # noqa: E402
from service_support import served_by_command  # noqa: E402

EXAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "eligible-panshi-metal-products.json").read_bytes()
TOKEN = "county-token-0123456789abcdef"


def test_the_command_serves_with_tokens_and_logs_no_content(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens"
    tokens.write_text(f"# tokens of the review office\n\n{TOKEN}\nsecond-token-0123456789abcdef\n", encoding="utf-8")
    log = tmp_path / "service.log"
    with served_by_command("--token-file", str(tokens), "--max-body-bytes", "100000", log=log) as base:
        refused = httpx.post(f"{base}/v1/evaluate", params={"as_of": "2025-04-15"}, content=EXAMPLE)
        answered = httpx.post(
            f"{base}/v1/evaluate",
            params={"as_of": "2025-04-15", "lang": "en"},
            content=EXAMPLE,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        )
        too_large = httpx.post(
            f"{base}/v1/evaluate",
            params={"as_of": "2025-04-15"},
            content=b" " * 100_001,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        )
        assert "server" not in answered.headers  # the server does not announce itself
    assert refused.status_code == 401
    assert answered.status_code == 200 and answered.json()["outcome"] == "eligible"
    assert too_large.status_code == 413
    text = log.read_text(encoding="utf-8")
    assert "POST /v1/evaluate 401" in text and "POST /v1/evaluate 200" in text and "POST /v1/evaluate 413" in text
    # Method, path, status, duration, size — and nothing of the application, the query or the caller.
    for secret in ("磐石", "as_of", "2025-04-15", TOKEN, "127.0.0.1:"):
        assert secret not in text.split("Uvicorn running on")[-1].split("\n", 1)[-1], secret


def test_the_options_become_the_service_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def run_instead(server: Any) -> None:
        seen["config"] = server.config

    monkeypatch.setattr(uvicorn.Server, "run", run_instead)
    tokens = tmp_path / "tokens"
    tokens.write_text(TOKEN + "\n", encoding="utf-8")
    options = ["--host", "127.0.0.1", "--port", "8123", "--token-file", str(tokens), "--max-body-bytes", "123"]
    options += ["--max-batch-lines", "7", "--time-limit", "2.5", "--cors-origin", "https://a.example"]
    assert main(["serve", *options]) == EXIT_OK
    config = seen["config"]
    assert (config.host, config.port, config.access_log) == ("127.0.0.1", 8123, False)
    assert config.app.state.settings == ServiceSettings(
        max_body_bytes=123,
        max_batch_lines=7,
        time_limit_seconds=2.5,
        tokens=(TOKEN,),
        cors_origins=("https://a.example",),
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [("\n# only a comment\n", "no token"), ("short\n", "at least 16 characters")],
)
def test_an_unusable_token_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    tokens = tmp_path / "tokens"
    tokens.write_text(content, encoding="utf-8")
    assert main(["serve", "--token-file", str(tokens)]) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_a_missing_token_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--token-file", str(tmp_path / "absent")]) == EXIT_USAGE
    assert "--token-file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "options", [["--port", "70000"], ["--time-limit", "0"], ["--time-limit", "soon"], ["--max-batch-lines", "0"]]
)
def test_bad_limits_are_refused_by_the_parser(options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["serve", *options])
    assert stop.value.code == EXIT_USAGE
    assert "expected" in capsys.readouterr().err


def test_without_the_server_extra_serve_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main(["serve"]) == EXIT_USAGE
    assert "pip install 'cluster-criteria[server]'" in capsys.readouterr().err


def test_tokens_are_compared_against_every_one() -> None:
    settings = ServiceSettings(tokens=("a" * 20, "b" * 20))
    assert settings.token_accepted("b" * 20) and settings.token_accepted("a" * 20)
    assert not settings.token_accepted("c" * 20) and not settings.token_accepted("")
    assert not ServiceSettings().token_accepted("anything")


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        ServiceSettings(max_body_bytes=0)


def test_read_tokens_skips_blanks_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "tokens"
    path.write_text(f"  {TOKEN}  \n#note\n\n", encoding="utf-8")
    assert read_tokens(path) == (TOKEN,)
