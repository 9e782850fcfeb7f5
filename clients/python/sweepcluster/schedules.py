"""Hyperparameter schedules as SweepCluster's engine computes them (engine/Schedules/*.cs), for external trainers.

Every pure family (constant, inverse_time, exponential, polynomial, step, cosine, recorded), the warmup and scale
wrappers, and batch-size rounding are written with the engine's floating-point operations in the engine's order,
with math.pow where the engine calls Math.Pow, so the values agree with the engine's to the last bit on the same
libm. What it deliberately does not do: the adaptive policies (plateau, noise_scale, fan_in, feature_scale), which
react to the engine's own training run and are refused with a ValueError.

t counts from 0 on the schedule's clock (`every`): on "step" the optimizer steps done before this update, counted
over the whole run; on "epoch" the epochs done before this one (the epoch reported as e runs at t = e - 1).
"""
from __future__ import annotations

import bisect
import math
import numbers
from collections.abc import Callable, Mapping
from typing import Any

PURE_FAMILIES = ("constant", "inverse_time", "exponential", "polynomial", "step", "cosine", "recorded")
ADAPTIVE_FAMILIES = ("plateau", "noise_scale", "fan_in", "feature_scale")
CLOCKS = ("step", "epoch")

# The value of `initial` when a spec omits it, per target (the spec binder's defaults).
TARGET_DEFAULT_INITIAL = {"learning_rate": 0.01, "weight_decay": 0.0, "batch_size": 32.0}

# BatchSizeRounding.DefaultMinimum: the smallest batch when the spec gives no `min`.
DEFAULT_MIN_BATCH = 1

# Every key a schedule spec may carry: the YAML spec's keys of every family, plus `scale` (population-based training's
# multiplier) and `family` (the canonical JSON's name for `schedule`). Keys of other families are ignored, as the
# engine ignores them; anything else is a typo and refused.
SCHEDULE_KEYS = frozenset({
    "schedule", "family", "initial", "final", "alpha", "beta", "gamma", "step_size", "milestones", "warmup", "every",
    "min", "max", "factor", "patience", "threshold", "cooldown", "smoothing", "power", "reference", "base", "values",
    "layers", "scale",
})


class Schedule:
    """A schedule's value as a function of t: call it, schedule(t). `every` is the clock t counts on."""

    __slots__ = ("family", "every", "horizon", "_value")

    def __init__(self, family: str, every: str, horizon: int | None, value: Callable[[int], float]) -> None:
        self.family = family
        self.every = every
        self.horizon = horizon  # T for polynomial and cosine (steps or epochs, as `every`), else None
        self._value = value

    def __call__(self, t: int) -> float:
        return self._value(_time(t))

    def __repr__(self) -> str:
        horizon = "" if self.horizon is None else f", horizon={self.horizon}"
        return f"Schedule({self.family!r}, every={self.every!r}{horizon})"


def schedule(
    spec: Mapping[str, Any],
    *,
    steps_per_epoch: int | None = None,
    epochs: int | None = None,
    total_steps: int | None = None,
    target: str | None = None,
) -> Schedule:
    """The schedule of `spec` (a trial's learning_rate, weight_decay or batch_size dict) as a callable f(t).

    Horizons (polynomial, cosine): on the epoch clock T = epochs; on the step clock T = total_steps, or
    steps_per_epoch * epochs. `epochs` defaults to the trial's epochs when SWEEPCLUSTER_TRIAL is set. `target`
    ("learning_rate", "weight_decay" or "batch_size") only supplies defaults the spec leaves out: the clock (epoch for
    batch size, step otherwise) and `initial`.
    Raises ValueError for an adaptive or unknown family, a malformed key, or a horizon that is needed and missing.
    """
    where = _where(target)
    if not isinstance(spec, Mapping):
        raise ValueError(f"{where}: expected a schedule dict such as {{'schedule': 'cosine', 'initial': 0.1}}, found {spec!r}")
    unknown = sorted(str(k) for k in spec if k not in SCHEDULE_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown schedule key(s) {', '.join(unknown)}; valid keys: {', '.join(sorted(SCHEDULE_KEYS))}")
    family = _family(spec, where)
    every = _clock(spec, target, where)
    horizon = _horizon(family, every, steps_per_epoch, epochs, total_steps, where) if family in ("polynomial", "cosine") else None
    value = _family_value(family, spec, horizon, target, where)
    # ScheduleFactory.Create: warm-up around the family, the scale around both.
    warmup = _integer(spec, "warmup", 0, where)
    if warmup < 0:
        raise ValueError(f"{where}.warmup: must be >= 0, found {warmup}")
    if warmup > 0:
        value = _warmup(value, warmup)
    scale = _number(spec, "scale", None, where)
    if scale is not None and scale != 1.0:
        value = _scaled(value, scale)
    return Schedule(family, every, horizon, value)


def batch_size(
    spec: Mapping[str, Any],
    t: int,
    training_rows: int,
    *,
    steps_per_epoch: int | None = None,
    epochs: int | None = None,
    total_steps: int | None = None,
) -> int:
    """The batch size at t (on the spec's clock, epoch by default): the schedule's value rounded as the engine does."""
    value = schedule(spec, steps_per_epoch=steps_per_epoch, epochs=epochs, total_steps=total_steps, target="batch_size")(t)
    where = _where("batch_size")
    return round_batch_size(value, training_rows, _number(spec, "min", None, where), _number(spec, "max", None, where))


def round_batch_size(value: float, training_rows: int, minimum: float | None = None, maximum: float | None = None) -> int:
    """BatchSizeRounding.Apply: round to nearest (ties to even), clamp to [minimum (default 1), maximum (default
    training_rows)], never above training_rows."""
    rows = _positive_int(training_rows, "training_rows")
    lower = float(DEFAULT_MIN_BATCH if minimum is None else minimum)
    upper = float(rows if maximum is None else maximum)
    value = float(value)
    rounded = value if not math.isfinite(value) else float(round(value))  # Math.Round(v, MidpointRounding.ToEven)
    top = max(lower, upper)
    clamped = lower if rounded < lower else top if rounded > top else rounded  # Math.Clamp: NaN passes through
    if math.isnan(clamped):
        return 0  # Math.Min(NaN, rows) is NaN, and (int)NaN is 0
    return int(min(clamped, float(rows)))


# ---- the families: each mirrors its engine class's ValueAt, operation for operation ----

def _family_value(family: str, spec: Mapping[str, Any], horizon: int | None, target: str | None, where: str) -> Callable[[int], float]:
    if family == "recorded":
        return _recorded(spec, where)
    initial = _initial(spec, target, where)
    if family == "constant":  # ConstantSchedule
        return lambda t: initial
    if family == "inverse_time":  # InverseTimeSchedule: v0·(1 + α·t)^(−β)
        alpha = _number(spec, "alpha", 0.0, where)
        beta = _number(spec, "beta", 1.0, where)
        return lambda t: initial * _pow(1.0 + alpha * float(t), -beta)
    if family == "exponential":  # ExponentialSchedule: v0·γ^t
        gamma = _number(spec, "gamma", 0.1, where)
        return lambda t: initial * _pow(gamma, float(t))
    if family == "polynomial":  # PolynomialSchedule: (v0 − final)·(1 − min(1, t/T))^β + final
        final = _number(spec, "final", 0.0, where)
        beta = _number(spec, "beta", 1.0, where)
        period = float(max(1, horizon or 0))
        return lambda t: (initial - final) * _pow(1.0 - min(1.0, float(t) / period), beta) + final
    if family == "step":  # StepSchedule: v0·γ^⌊t/step_size⌋, or v0·γ^(milestones ≤ t)
        return _step(spec, initial, where)
    # CosineSchedule: final + (v0 − final)·(1 + cos(π·min(1, t/T)))/2
    final = _number(spec, "final", 0.0, where)
    period = float(max(1, horizon or 0))
    return lambda t: final + (initial - final) * (1.0 + math.cos(math.pi * min(1.0, float(t) / period))) / 2.0


def _step(spec: Mapping[str, Any], initial: float, where: str) -> Callable[[int], float]:
    gamma = _number(spec, "gamma", 0.1, where)
    step_size = _integer(spec, "step_size", 0, where)
    milestones = _integers(spec, "milestones", where)
    if step_size <= 0 and not milestones:
        raise ValueError(f"{where}: a step schedule needs step_size > 0 or milestones, e.g. step_size: 10 or milestones: [30, 60]")
    if milestones:  # milestones win over step_size, as in the engine
        return lambda t: initial * _pow(gamma, float(sum(1 for m in milestones if m <= t)))
    return lambda t: initial * _pow(gamma, float(_truncating_division(t, step_size)))


def _recorded(spec: Mapping[str, Any], where: str) -> Callable[[int], float]:
    """RecordedSchedule: piece i holds from its start until the next piece's start."""
    pieces = spec.get("values")
    if not isinstance(pieces, list) or not pieces:
        raise ValueError(f"{where}.values: a recorded schedule needs its pieces [[t, value], ...], found {pieces!r}")
    starts: list[int] = []
    values: list[float] = []
    for i, piece in enumerate(pieces):
        if not isinstance(piece, (list, tuple)) or len(piece) != 2:
            raise ValueError(f"{where}.values[{i}]: expected a piece [t, value], found {piece!r}")
        starts.append(_as_int(piece[0], f"{where}.values[{i}][0]"))
        values.append(_as_float(piece[1], f"{where}.values[{i}][1]"))
    return lambda t: values[max(0, bisect.bisect_right(starts, t) - 1)]


def _warmup(inner: Callable[[int], float], warmup: int) -> Callable[[int], float]:
    """WarmupSchedule: for t < W the value is multiplied by (t+1)/W, as (v·(t+1))/W."""
    return lambda t: inner(t) * float(t + 1) / float(warmup) if t < warmup else inner(t)


def _scaled(inner: Callable[[int], float], factor: float) -> Callable[[int], float]:
    """ScaledSchedule: inner(t)·factor."""
    return lambda t: inner(t) * factor


# ---- the arithmetic the engine relies on ----

def _pow(x: float, y: float) -> float:
    """Math.Pow (the C library's pow): where math.pow raises, the value C's pow returns instead."""
    try:
        return math.pow(x, y)
    except OverflowError:
        return -math.inf if x < 0.0 and _odd_integer(y) else math.inf
    except ValueError:
        if x == 0.0:  # zero to a negative power
            return math.copysign(math.inf, x) if _odd_integer(y) else math.inf
        return math.nan  # a negative base to a non-integer power


def _odd_integer(y: float) -> bool:
    return math.isfinite(y) and y == math.floor(y) and math.fmod(y, 2.0) != 0.0


def _truncating_division(a: int, b: int) -> int:
    """C#'s long division (truncates toward zero; Python's // floors)."""
    quotient = abs(a) // abs(b)
    return quotient if (a >= 0) == (b >= 0) else -quotient


# ---- reading the spec ----

def _where(target: str | None) -> str:
    if target is None:
        return "schedule"
    if target not in TARGET_DEFAULT_INITIAL:
        raise ValueError(f"target must be one of {', '.join(TARGET_DEFAULT_INITIAL)} (or None), found {target!r}")
    return target


def _family(spec: Mapping[str, Any], where: str) -> str:
    family = spec.get("schedule", spec.get("family", "constant"))
    if family in PURE_FAMILIES:
        return family
    if family in ADAPTIVE_FAMILIES:
        raise ValueError(
            f"{where}: '{family}' is an adaptive policy: it reacts to the built-in engine's own training run, so it "
            f"needs the built-in engine and cannot be computed by an external trainer. Pure families: {', '.join(PURE_FAMILIES)}")
    raise ValueError(f"{where}.schedule: unknown schedule {family!r}; valid: {', '.join(PURE_FAMILIES)}")


def _clock(spec: Mapping[str, Any], target: str | None, where: str) -> str:
    every = spec.get("every")
    if every is None:  # ScheduleFactory.DefaultClock
        return "epoch" if target == "batch_size" else "step"
    if every not in CLOCKS:
        raise ValueError(f"{where}.every: must be 'step' or 'epoch', found {every!r}")
    return every


def _initial(spec: Mapping[str, Any], target: str | None, where: str) -> float:
    if spec.get("initial") is None:
        if target is None:
            raise ValueError(f"{where}.initial: missing, and no target (learning_rate, weight_decay, batch_size) to take its default from")
        return TARGET_DEFAULT_INITIAL[target]
    return _number(spec, "initial", None, where)


def _horizon(family: str, every: str, steps_per_epoch: int | None, epochs: int | None, total_steps: int | None, where: str) -> int:
    if epochs is None and (every == "epoch" or total_steps is None):
        from ._trial import available_trial  # only a schedule that needs a horizon reads the trial file

        current = available_trial()
        epochs = current.epochs if current is not None else None
    if every == "epoch":
        if epochs is None:
            raise ValueError(f"{where}: a {family} schedule on the epoch clock needs its horizon: pass epochs= (or run under SweepCluster, whose trial gives it)")
        return _non_negative_int(epochs, "epochs")
    if total_steps is not None:
        return _non_negative_int(total_steps, "total_steps")
    if steps_per_epoch is None or epochs is None:
        raise ValueError(
            f"{where}: a {family} schedule on the step clock needs its horizon in steps: pass steps_per_epoch= "
            f"(with epochs=, by default the trial's) or total_steps=")
    return _non_negative_int(steps_per_epoch, "steps_per_epoch") * _non_negative_int(epochs, "epochs")


def _number(spec: Mapping[str, Any], key: str, default: float | None, where: str) -> float | None:
    value = spec.get(key)
    return default if value is None else _as_float(value, f"{where}.{key}")


def _integer(spec: Mapping[str, Any], key: str, default: int, where: str) -> int:
    value = spec.get(key)
    return default if value is None else _as_int(value, f"{where}.{key}")


def _integers(spec: Mapping[str, Any], key: str, where: str) -> list[int]:
    value = spec.get(key)
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{where}.{key}: expected a list of whole numbers such as [30, 60, 90], found {value!r}")
    return [_as_int(item, f"{where}.{key}[{i}]") for i, item in enumerate(value)]


def _as_float(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{path}: must be a number, found {value!r}")
    return float(value)


def _as_int(value: Any, path: str) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{path}: must be a whole number, found {value!r}")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError(f"{path}: must be a whole number, found {value!r}")


def _time(t: Any) -> int:
    value = _as_int(t, "t")
    if value < 0:
        raise ValueError(f"t: must be >= 0 (steps or epochs done so far), found {value}")
    return value


def _non_negative_int(value: Any, name: str) -> int:
    number = _as_int(value, name)
    if number < 0:
        raise ValueError(f"{name}: must be >= 0, found {number}")
    return number


def _positive_int(value: Any, name: str) -> int:
    number = _as_int(value, name)
    if number < 1:
        raise ValueError(f"{name}: must be >= 1, found {number}")
    return number
