"""Benchmark row of the HTTP service: one evaluation over HTTP against ``evaluate()`` in the same process.

    python benchmarks/service.py [--quick]        # or as part of benchmarks/run.py

Starts ``cluster-criteria serve`` as a child process on a free loopback port (as it is deployed: its own
interpreter, uvicorn, no token) and times, for the typical application of ``run.py``:

- the median latency of one ``POST /v1/evaluate`` (JSON report with its explanation), requests one after another
  on one kept-alive connection;
- requests per second with 20 clients sending at once (one connection each);
- in this process, the median of ``evaluate()`` on the validated application, and of the same work the endpoint
  does (``load_application`` from the JSON text, ``evaluate()``, ``render(..., "json")``).

Ratios are HTTP ÷ in-process. Nothing here is a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import timeit
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from applications import typical_data

ASSESSMENT_DATE = "2025-04-15"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _median_per_call(function: object, number: int, repeat: int) -> float:
    return statistics.median(timeit.repeat(function, number=number, repeat=repeat)) / number  # type: ignore[arg-type]


def bench_service(quick: bool) -> dict[str, float]:
    import datetime as dt

    import httpx

    from cluster_criteria import evaluate, load_application
    from cluster_criteria.render import render

    body = json.dumps(typical_data(), ensure_ascii=False).encode()
    day = dt.date.fromisoformat(ASSESSMENT_DATE)
    application = load_application(body)
    number, repeat = (20, 5) if quick else (100, 15)
    in_process = _median_per_call(lambda: evaluate(application, day), number, repeat)
    same_work = _median_per_call(lambda: render(evaluate(load_application(body), day), "json"), number, repeat)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "cluster_criteria", "serve", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(base, httpx)
        params = {"as_of": ASSESSMENT_DATE}
        headers = {"Content-Type": "application/json"}
        with httpx.Client(base_url=base, timeout=60) as client:
            expected = json.loads(render(evaluate(application, day), "json"))
            if client.post("/v1/evaluate", params=params, content=body, headers=headers).json() != expected:
                raise SystemExit("the service's report differs from evaluate(); fix the benchmark")
            for _ in range(10):  # warm the caches on both sides
                client.post("/v1/evaluate", params=params, content=body, headers=headers)
            latencies = []
            for _ in range(50 if quick else 300):
                started = time.perf_counter()
                answer = client.post("/v1/evaluate", params=params, content=body, headers=headers)
                latencies.append(time.perf_counter() - started)
                answer.raise_for_status()
        clients, each = (20, 5) if quick else (20, 25)

        def one_client(_: int) -> int:
            with httpx.Client(base_url=base, timeout=60) as session:
                return sum(
                    session.post("/v1/evaluate", params=params, content=body, headers=headers).status_code == 200
                    for _ in range(each)
                )

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            answered = sum(pool.map(one_client, range(clients)))
        elapsed = time.perf_counter() - started
        if answered != clients * each:
            raise SystemExit(f"only {answered} of {clients * each} requests were answered")
    finally:
        server.terminate()
        server.wait(timeout=10)
    latency = statistics.median(latencies)
    figures = {
        "http_median_latency": latency,
        "http_requests_per_second": answered / elapsed,
        "in_process_evaluate": in_process,
        "in_process_same_work": same_work,
    }
    print(f"  {'POST /v1/evaluate, median latency (one client, kept alive)':<58} {latency * 1e3:9.2f} ms")
    print(f"  {f'requests per second, {clients} clients x {each} requests':<58} {answered / elapsed:12.0f}")
    print(f"  {'evaluate() in process, median':<58} {in_process * 1e6:9.0f} µs")
    print(f"  {'load + evaluate() + render json in process, median':<58} {same_work * 1e3:9.2f} ms")
    print(f"  {'ratio: HTTP latency / evaluate()':<58} {latency / in_process:12.1f}")
    print(f"  {'ratio: HTTP latency / the same work in process':<58} {latency / same_work:12.2f}")
    return figures


def _wait(base: str, httpx: object) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/v1/health", timeout=1).status_code == 200:  # type: ignore[attr-defined]
                return
        except httpx.TransportError:  # type: ignore[attr-defined]
            time.sleep(0.05)
    raise SystemExit("the service did not start")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer requests")
    print("the HTTP service against evaluate() in process")
    bench_service(parser.parse_args().quick)
