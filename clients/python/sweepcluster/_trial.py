"""The trial file SweepCluster writes for each attempt (protocol 1), and the stop request that arrives as SIGTERM.

The SIGTERM handler only sets a flag (and wakes a pending decision wait), so the script finishes its epoch, saves its
checkpoint and exits 0 by itself. It does not chain to a handler installed before it.
"""
from __future__ import annotations

import json
import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROTOCOL = 1
TRIAL_VARIABLE = "SWEEPCLUSTER_TRIAL"


class TrialError(RuntimeError):
    """The trial cannot be read: the variable is unset, the file is missing or malformed, or the protocol differs."""

    __module__ = "sweepcluster"  # tracebacks name it as users import it


@dataclass(frozen=True)
class Trial:
    """One attempt of one trial, as SweepCluster describes it."""

    sweep_id: str
    trial: int                       # index in the sweep, 0-based
    combination: int                 # seeds of one combination share it
    attempt: int                     # 1 for the first start, +1 for each restart
    seed: int
    epochs: int                      # planned epochs
    resume_from_epoch: int           # epochs already done: 0 = fresh start, else load checkpoint_dir and go on
    checkpoint_dir: str
    decision_epochs: tuple[int, ...]  # epochs after whose report the scheduler decides
    learning_rate: dict[str, Any]    # full schedule specs: pass them to schedule() / batch_size()
    weight_decay: dict[str, Any]
    batch_size: dict[str, Any]
    params: dict[str, Any]           # the sweep's free-form searched values
    sweep_name: str | None = None
    path: str = ""                   # the trial file read
    replies: str = "decision_epochs"  # after which reports a reply line comes on stdin: "every_epoch" or "decision_epochs"


_lock = threading.Lock()
_loaded: dict[str, Trial] = {}


def trial() -> Trial:
    """The current trial, read once from the file named by SWEEPCLUSTER_TRIAL. Installs the SIGTERM handler."""
    _install_stop_handler()
    path = os.environ.get(TRIAL_VARIABLE)
    if not path:
        raise TrialError(
            f"{TRIAL_VARIABLE} is not set: this script expects to be started by SweepCluster, which sets it to the "
            f"path of the trial's JSON file (set it yourself to run the script by hand)")
    with _lock:
        if path not in _loaded:
            _loaded[path] = _read(path)
        return _loaded[path]


def available_trial() -> Trial | None:
    """The trial when SWEEPCLUSTER_TRIAL is set (errors if its file is bad), else None."""
    return trial() if os.environ.get(TRIAL_VARIABLE) else None


def checkpoint_dir() -> Path:
    """The trial's checkpoint directory: its content survives pause, resume and moves."""
    return Path(trial().checkpoint_dir)


def should_stop() -> bool:
    """True once SIGTERM arrived (a stop or a pause), or once the silo that started this trainer is gone (a silo that
    is killed cannot send SIGTERM; its trial goes on elsewhere): finish the epoch, save the checkpoint, report, exit 0."""
    _install_stop_handler()
    if _parent is not None and os.getppid() != _parent:
        _stop.set()
    return _stop.is_set()


# ---- stop requests ----

_stop = threading.Event()
_parent: int | None = os.getppid() if os.name == "posix" else None  # the silo that started this process
_installed = False
_wake_read: int | None = None
_wake_write: int | None = None


def _on_sigterm(signum: int, frame: Any) -> None:
    _stop.set()
    if _wake_write is not None:
        try:
            os.write(_wake_write, b"x")
        except OSError:
            pass  # the pipe is full: a wake-up is already pending


def _install_stop_handler() -> None:
    global _installed, _wake_read, _wake_write
    with _lock:
        if _installed:
            return
        if threading.current_thread() is not threading.main_thread():
            raise TrialError("call sweepcluster.trial() or should_stop() once from the main thread first: only it can install the SIGTERM handler")
        if os.name == "posix":
            _wake_read, _wake_write = os.pipe()
            os.set_blocking(_wake_write, False)
        signal.signal(signal.SIGTERM, _on_sigterm)
        _installed = True


def wake_fd() -> int | None:
    """A descriptor that becomes readable when SIGTERM arrives (POSIX), for the decision wait."""
    return _wake_read


def stop_requested() -> bool:
    return _stop.is_set()


# ---- reading the file ----

_INTEGERS = ("trial", "combination", "attempt", "seed", "epochs", "resume_from_epoch")
_SCHEDULES = ("learning_rate", "weight_decay", "batch_size")


def _read(path: str) -> Trial:
    where = f"{TRIAL_VARIABLE}={path}"
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except FileNotFoundError:
        raise TrialError(f"{where}: the trial file does not exist") from None
    except OSError as error:
        raise TrialError(f"{where}: the trial file cannot be read: {error.strerror or error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TrialError(f"{where}: the trial file is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    if not isinstance(data, dict):
        raise TrialError(f"{where}: the trial file must hold a JSON object, found {type(data).__name__}")
    protocol = data.get("protocol")
    if protocol != PROTOCOL or isinstance(protocol, bool):
        raise TrialError(f"{where}: protocol is {protocol!r}, this helper speaks protocol {PROTOCOL}; use the helper that came with your SweepCluster")

    def field(name: str, kind: type, what: str) -> Any:
        if name not in data:
            raise TrialError(f"{where}: field '{name}' is missing")
        value = data[name]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise TrialError(f"{where}: field '{name}' must be {what}, found {json.dumps(value)}")
        return value

    integers = {name: field(name, int, "an integer") for name in _INTEGERS}
    decisions = field("decision_epochs", list, "a list of integers")
    if any(not isinstance(e, int) or isinstance(e, bool) for e in decisions):
        raise TrialError(f"{where}: field 'decision_epochs' must be a list of integers, found {json.dumps(decisions)}")
    replies = data.get("replies", "decision_epochs")
    if replies not in ("every_epoch", "decision_epochs"):
        raise TrialError(f"{where}: field 'replies' must be \"every_epoch\" or \"decision_epochs\", found {json.dumps(replies)}")
    sweep_name = data.get("sweep_name")
    if sweep_name is not None and not isinstance(sweep_name, str):
        raise TrialError(f"{where}: field 'sweep_name' must be a string, found {json.dumps(sweep_name)}")
    return Trial(
        sweep_id=field("sweep_id", str, "a string"),
        checkpoint_dir=field("checkpoint_dir", str, "a string (a directory path)"),
        decision_epochs=tuple(decisions),
        params=field("params", dict, "an object"),
        sweep_name=sweep_name,
        path=path,
        replies=replies,
        **integers,
        **{name: field(name, dict, "a schedule object") for name in _SCHEDULES},
    )
