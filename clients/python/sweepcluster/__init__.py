"""SweepCluster's helper for external trainers (protocol 1), standard library only.

A training script started by SweepCluster calls trial() for its hyperparameters, schedule() / batch_size() for
their values at each step or epoch, report() after each epoch and should_stop() to notice a stop or pause.
What it does not do: train anything, talk to the cluster directly, or compute adaptive schedules (those need the
built-in engine).

Client drives a running silo from a script or notebook over its JSON API: submit a sweep spec, wait for it, read its
trials (trials_dataframe() for pandas) and cancel it.
"""
from ._trial import PROTOCOL, TRIAL_VARIABLE, Trial, TrialError, checkpoint_dir, should_stop, trial
from ._report import applied, report
from .client import Client, SweepClusterError, SweepTimeoutError
from .schedules import PURE_FAMILIES, Schedule, batch_size, round_batch_size, schedule

__all__ = [
    "PROTOCOL",
    "PURE_FAMILIES",
    "TRIAL_VARIABLE",
    "Client",
    "Schedule",
    "SweepClusterError",
    "SweepTimeoutError",
    "Trial",
    "TrialError",
    "applied",
    "batch_size",
    "checkpoint_dir",
    "report",
    "round_batch_size",
    "schedule",
    "should_stop",
    "trial",
]
