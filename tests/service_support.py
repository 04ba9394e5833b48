"""The service on a real loopback socket: uvicorn in a thread of the test process, or ``cluster-criteria serve``."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import uvicorn

from cluster_criteria.service import ServiceSettings, create_app

__all__ = ["free_port", "served_by_command", "served_in_thread", "wait_until_up"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_up(base: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(f"{base}/v1/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"the service at {base} did not come up within {seconds} s")
        time.sleep(0.05)


@contextlib.contextmanager
def served_in_thread(settings: ServiceSettings | None = None) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, in a thread; yields its base URL and stops it afterwards."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def served_by_command(*options: str, log: Path) -> Iterator[str]:
    """``cluster-criteria serve`` as a child process on a free loopback port; its log goes to ``log``."""
    port = free_port()
    with open(log, "wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "cluster_criteria", "serve", "--port", str(port), *options],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
