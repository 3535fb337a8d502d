"""wrk, driven from Python: one run of a URL, and its numbers read from wrk_report.lua's line."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

LUA = Path(__file__).resolve().with_name("wrk_report.lua")


@dataclass(frozen=True)
class Run:
    """One wrk run, from the JSON line wrk_report.lua prints."""

    requests: int
    seconds: float
    non200: int
    last_non200: int
    socket_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


class WrkError(RuntimeError):
    pass


def parse_wrk(output: str) -> Run:
    for line in output.splitlines():
        if line.startswith("WRK_JSON "):
            data = json.loads(line.removeprefix("WRK_JSON "))
            break
    else:
        raise WrkError(f"wrk printed no WRK_JSON line:\n{output[-2000:]}")
    errors = data["errors"]
    return Run(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        non200=data["non200"],
        last_non200=data["last_non200"],
        socket_errors=sum(errors[kind] for kind in ("connect", "read", "write", "timeout")),
        p50_ms=data["latency_us"]["p50"] / 1000,
        p99_ms=data["latency_us"]["p99"] / 1000,
    )


def check(run: Run, what: str) -> None:
    """Every response must be a 200: a redirect to sign in measures the wrong page."""
    if run.non200:
        hint = (
            " (a redirect: the session cookie did not sign in)"
            if run.last_non200 in (301, 302)
            else ""
        )
        raise WrkError(
            f"{what}: {run.non200} of {run.requests} responses were not 200, "
            f"e.g. {run.last_non200}{hint}"
        )
    if run.socket_errors:
        raise WrkError(f"{what}: {run.socket_errors} socket errors or timeouts")
    if not run.requests:
        raise WrkError(f"{what}: no request completed")


def wrk(url: str, cookie: str, *, connections: int, seconds: int) -> Run:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "60s", "-s", str(LUA), url]
    result = subprocess.run(  # noqa: S603 - wrk with fixed arguments
        command,
        env={**os.environ, "WRK_COOKIE": cookie},  # the Lua script sends it; `ps` can't see it
        capture_output=True,
        text=True,
        timeout=seconds + 90,
        check=False,
    )
    if result.returncode:
        raise WrkError(f"wrk failed ({result.returncode}):\n{result.stderr}{result.stdout}")
    return parse_wrk(result.stdout)
