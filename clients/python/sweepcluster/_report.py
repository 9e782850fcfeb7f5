"""Report lines on stdout, and the decision SweepCluster may send back on stdin after a decision epoch.

Each line is validated before it is printed, so a mistake raises ValueError in the script (with the offending name or
value) instead of failing the trial later as a malformed report line.
"""
from __future__ import annotations

import json
import math
import numbers
import os
import re
import select
import sys
from typing import Any

from ._trial import available_trial, stop_requested, wake_fd

_METRIC_NAME = re.compile(r"[a-z][a-z0-9_]*")
_last_epoch: int | None = None


def report(epoch: int, **metrics: Any) -> str | None:
    """Prints {"epoch": epoch, **metrics} as one JSON line and flushes. Save the checkpoint before calling it.

    After a decision epoch (the trial's decision_epochs) it waits for SweepCluster's decision line on stdin and
    returns its decision ("continue"); it returns None at once when stdin is closed or a terminal, or a stop was
    requested (then should_stop() is True). Raises ValueError for a non-int or out-of-order epoch, a metric name not
    matching [a-z][a-z0-9_]*, or a value that is not a finite number or None.
    """
    global _last_epoch
    current = available_trial()
    if isinstance(epoch, bool) or not isinstance(epoch, numbers.Integral):
        raise ValueError(f"report: epoch must be an int (the number of epochs completed, 1-based), found {epoch!r} ({type(epoch).__name__})")
    epoch = int(epoch)
    expected = _last_epoch + 1 if _last_epoch is not None else (current.resume_from_epoch + 1 if current is not None else None)
    if epoch < 1 or (expected is not None and epoch != expected):
        should = f"{expected}" if expected is not None else "1 or more"
        raise ValueError(f"report: epoch {epoch} is out of order; epochs count completed epochs, 1-based, one more each report: expected {should}")
    line = {"epoch": epoch}
    for name, value in metrics.items():
        line[name] = _metric(name, value)
    _print(line)
    _last_epoch = epoch
    # SweepCluster replies after every report (once the epoch is recorded and its checkpoint folder copied when due), or
    # only after decision epochs: waiting for the reply keeps the folder still while it is copied.
    if current is None or (current.replies != "every_epoch" and epoch not in current.decision_epochs):
        return None
    return _await_decision()


def applied(*, learning_rate: float | None = None, weight_decay: float | None = None, batch_size: int | None = None) -> None:
    """Prints {"applied": {...}}: the values the script really applies in the epoch being run (before its report)."""
    values: dict[str, Any] = {}
    for name, value in (("learning_rate", learning_rate), ("weight_decay", weight_decay)):
        if value is not None:
            values[name] = _number(f"applied: {name}", value)
    if batch_size is not None:
        if isinstance(batch_size, bool) or not isinstance(batch_size, numbers.Integral) or batch_size < 1:
            raise ValueError(f"applied: batch_size must be an int >= 1, found {batch_size!r}")
        values["batch_size"] = int(batch_size)
    if not values:
        raise ValueError("applied: give at least one of learning_rate, weight_decay, batch_size")
    _print({"applied": values})


def _metric(name: str, value: Any) -> int | float | None:
    if not _METRIC_NAME.fullmatch(name):
        raise ValueError(f"report: metric name {name!r} is not valid; names match [a-z][a-z0-9_]*, e.g. val_accuracy")
    return None if value is None else _number(f"report: metric {name!r}", value)


def _number(what: str, value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        hint = " (convert it with float(x), or x.item() for a tensor)" if hasattr(value, "item") else ""
        raise ValueError(f"{what}: {value!r} is a {type(value).__name__}, not a number{hint}")
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{what}: {number!r} is not a finite number; report finite numbers (None for a missing value)")
    return number


def _print(line: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(line, allow_nan=False) + "\n")
    sys.stdout.flush()


def _await_decision() -> str | None:
    """Reads one line from stdin, byte by byte (so nothing past it is consumed), unless a stop arrives first."""
    if stop_requested() or sys.stdin is None:
        return None
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    if os.isatty(fd):
        return None  # run by hand: nobody will answer
    wake = wake_fd()
    received = bytearray()
    while True:
        if wake is not None:
            ready, _, _ = select.select([fd, wake], [], [])
            if wake in ready or stop_requested():
                return None
        chunk = os.read(fd, 1)
        if not chunk:
            return None  # stdin closed
        if chunk == b"\n":
            break
        received += chunk
    try:
        message = json.loads(received.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    decision = message.get("decision") if isinstance(message, dict) else None
    return decision if isinstance(decision, str) else None
