"""``cluster-criteria serve``: the HTTP service (needs ``pip install 'cluster-criteria[server]'``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import EXIT_OK, EXIT_USAGE

__all__ = ["register", "run"]


def register(commands: Any) -> None:
    sv = commands.add_parser(
        "serve",
        help="run the HTTP service with its upload page (needs the server extra)",
        description="Serve the evaluation, batch, monitoring and reference endpoints under /v1, the OpenAPI "
        "document at /openapi.json, interactive docs at /docs and the upload page at /. Logs method, path, status, "
        "duration and size of each request, never its content.",
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    sv.add_argument(
        "--token-file",
        metavar="PATH",
        help="require 'Authorization: Bearer TOKEN' with one of the tokens in PATH (one a line, at least 16 "
        "characters); without it, no authentication",
    )
    sv.add_argument("--max-body-bytes", type=_positive, default=5_000_000, metavar="N", help="default 5000000")
    sv.add_argument(
        "--max-batch-lines", type=_positive, default=1_000, metavar="N", help="lines per batch request (default 1000)"
    )
    sv.add_argument(
        "--time-limit", type=_seconds, default=30.0, metavar="SECONDS", help="per-request time limit (default 30)"
    )
    sv.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow browser pages from ORIGIN (e.g. https://review.example.org) to call the service; repeatable. "
        "Without it, no CORS headers are sent",
    )
    sv.add_argument("--log-level", choices=("debug", "info", "warning", "error"), default="info")
    sv.set_defaults(handler=run)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port between 0 and 65535, got {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"expected between 0 and 3600 seconds, got {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..service import ServiceSettings, create_app, read_tokens
    except ImportError as exc:
        print(
            f"serve needs the server extra: pip install 'cluster-criteria[server]' ({exc.name} is missing)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        tokens = read_tokens(args.token_file) if args.token_file else ()
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        print(f"--token-file: {exc}", file=sys.stderr)
        return EXIT_USAGE
    settings = ServiceSettings(
        max_body_bytes=args.max_body_bytes,
        max_batch_lines=args.max_batch_lines,
        time_limit_seconds=args.time_limit,
        tokens=tokens,
        cors_origins=tuple(args.cors_origin),
    )
    config = uvicorn.Config(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=False,  # ours logs no query string and no client address
        log_config=_log_config(args.log_level),
        server_header=False,
    )
    uvicorn.Server(config).run()
    return EXIT_OK


def _log_config(level: str) -> dict[str, Any]:
    stream = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
        "handlers": {"stderr": stream},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
            "cluster_criteria.service": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
        },
    }
