"""A client of a running silo's JSON API (/api/sweeps), standard library only: submit a sweep spec, follow it, read
its trials (as dicts, or as a pandas DataFrame), cancel it.

What it does not do: upload data files (a spec naming a CSV file is refused by the server; use `sweep submit` for
it), talk to Orleans directly, or retry a failed request. pandas is imported only by trials_dataframe().
"""
from __future__ import annotations

import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

DEFAULT_URL = "http://127.0.0.1:8080"


class SweepClusterError(Exception):
    """A request the silo refused (400, 404, 409, ...) or could not be sent (connection refused, timeout).

    status: the HTTP status, or None when no answer came. errors: each problem the silo listed, as dicts with
    "field", "line" (None when unknown) and "message"; empty when it listed none.
    """

    def __init__(self, message: str, status: int | None = None, errors: list[dict] | None = None):
        self.status = status
        self.errors = list(errors or [])
        lines = [message] + [f"  {_describe(e)}" for e in self.errors]
        super().__init__("\n".join(lines))


class SweepTimeoutError(SweepClusterError, TimeoutError):
    """wait() gave up before the sweep was over; the sweep goes on."""


def _describe(error: dict) -> str:
    """"line 3: epochs: must be positive", leaving out what the silo did not say."""
    parts = [f"line {error['line']}" if error.get("line") is not None else "", error.get("field") or "", str(error.get("message", ""))]
    return ": ".join(part for part in parts if part)


class Client:
    """A silo's web host, e.g. Client("http://127.0.0.1:8080"). Every method is one short request, except wait().

    user and password: the web host's basic authentication (a silo started with --http-user); timeout: seconds per
    request.
    """

    def __init__(self, url: str = DEFAULT_URL, timeout: float = 30.0, user: str | None = None, password: str | None = None):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self._authorization = None
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode("utf-8")).decode("ascii")
            self._authorization = f"Basic {token}"

    def submit(self, spec: str | os.PathLike, id: str | None = None, allow_large: bool = False) -> str:
        """Submits a sweep spec (its text, or the path of a .yaml/.yml/.json file) and returns the sweep's id.

        The same spec under the same id returns the existing sweep. Raises SweepClusterError listing every spec error.
        """
        text, fmt = _read_spec(spec)
        query = {"format": fmt}
        if id is not None:
            query["id"] = id
        if allow_large:
            query["allow_large"] = "true"
        content_type = "application/json" if fmt == "json" else "application/yaml"
        answer = self._request("POST", "/api/sweeps?" + urllib.parse.urlencode(query), text.encode("utf-8"), content_type)
        return answer["id"]

    def status(self, id: str) -> dict:
        """The sweep's progress: status, over, total_trials, finished, counts per trial status, best_metric, ..."""
        return self._request("GET", f"/api/sweeps/{_quote(id)}")

    def wait(self, id: str, timeout: float | None = None, poll: float = 0.5) -> dict:
        """Polls status() until the sweep is over (it and every trial ended) and returns that last status.

        Raises SweepTimeoutError after timeout seconds (None: no limit); the sweep goes on.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            state = self.status(id)
            if state["over"]:
                return state
            if deadline is not None and time.monotonic() >= deadline:
                raise SweepTimeoutError(f"sweep {id} is not over after {timeout} s: {state['finished']} of "
                                        f"{state['total_trials']} trials finished")
            time.sleep(poll if deadline is None else max(0.0, min(poll, deadline - time.monotonic())))

    def trials(self, id: str) -> list[dict]:
        """One dict per trial, as `sweep trials ID --format json` prints them (trial, combination, seed, status,
        final_metric, best_metric, best_epoch, epochs_run, ..., one key per searched value such as
        "learning_rate.initial"), with "error" (a failed trial's error, a diverged one's reason, else None)."""
        return self._request("GET", f"/api/sweeps/{_quote(id)}/trials")

    def trials_dataframe(self, id: str):
        """trials() as a pandas DataFrame: one row per trial, one column per key (searched values flattened into
        columns such as "learning_rate.initial"). Needs pandas."""
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the machine
            raise ImportError("trials_dataframe() needs pandas (pip install pandas); trials() does not") from e
        return pd.DataFrame.from_records(self.trials(id))

    def cancel(self, id: str) -> dict:
        """Cancels every unfinished trial of the sweep (harmless when it is over) and returns its status."""
        return self._request("POST", f"/api/sweeps/{_quote(id)}/cancel", b"")

    def _request(self, method: str, path: str, body: bytes | None = None, content_type: str | None = None) -> Any:
        request = urllib.request.Request(self.url + path, data=body, method=method, headers={"Accept": "application/json"})
        if content_type is not None:
            request.add_header("Content-Type", content_type)
        if self._authorization is not None:
            request.add_header("Authorization", self._authorization)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            raise _refusal(method, path, e) from None
        except urllib.error.URLError as e:
            raise SweepClusterError(f"cannot reach the silo at {self.url} ({e.reason}): is it running, "
                                    "with its web host on this port (--http-port)?") from None
        except (TimeoutError, ConnectionError) as e:
            raise SweepClusterError(f"no answer from the silo at {self.url} to {method} {path}: {e}") from None


def _refusal(method: str, path: str, e: urllib.error.HTTPError) -> SweepClusterError:
    text = e.read().decode("utf-8", errors="replace")
    try:
        document = json.loads(text)
    except ValueError:
        document = None
    if isinstance(document, dict) and "error" in document:
        return SweepClusterError(f"{e.code}: {document['error']}", e.code, document.get("errors") or [])
    if e.code == 401:
        return SweepClusterError(f"401: the silo at {e.url} needs its user and password (Client(url, user=..., password=...))", e.code)
    return SweepClusterError(f"{e.code} {e.reason} from {method} {path}: {text[:500]}", e.code)


def _quote(id: str) -> str:
    return urllib.parse.quote(id, safe="")


def _read_spec(spec: str | os.PathLike) -> tuple[str, str]:
    """The spec's text and format ("yaml" or "json"): a path's suffix says, else text starting with "{" is JSON."""
    if isinstance(spec, os.PathLike) or ("\n" not in spec and spec.strip().lower().endswith((".yaml", ".yml", ".json"))):
        path = os.fspath(spec)
        with open(path, encoding="utf-8") as f:
            return f.read(), "json" if path.lower().endswith(".json") else "yaml"
    return spec, "json" if spec.lstrip().startswith("{") else "yaml"
