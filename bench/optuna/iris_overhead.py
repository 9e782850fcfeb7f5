#!/usr/bin/python3
"""Optuna overhead anchor of the SweepCluster sweep benchmark: 1,000 tiny trials, so the sweep is mostly bookkeeping.

Usage (Debian's python with python3-optuna 3.1 and python3-torch 1.13; the pyenv python3 on PATH has no torch):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \\
        /usr/bin/python3 bench/optuna/iris_overhead.py [--trials 1000] [--n-jobs 1] [--storage URL] [--csv PATH]

Arguments (command line only):
  --trials N   number of trials (default 1000)
  --n-jobs N   passed to study.optimize (default 1)
  --csv PATH   iris CSV: header row, 4 features, label last
               (default: ../../engine/Data/BuiltIn/iris.csv relative to this script)
  --seed N     RandomSampler seed; trial k also seeds torch with N + k (default 0)
  --storage URL  Optuna storage (default: in-memory), e.g. sqlite:////tmp/x/optuna.db; use a fresh file per run
               (the study gets a new name in it, but an existing file's other studies would slow it down)

Workload: all 150 iris rows, standardized (mean/std over all rows; there is no validation split, the metric is only
a check that the trials train), 4-16-3 tanh MLP (torch.nn.Linear), plain SGD (no momentum) with the trial's lr,
batch 16 (the last partial batch kept), cross-entropy, ONE epoch = 10 steps. The sampler is
optuna.samplers.RandomSampler with lr = trial.suggest_float("lr", 1e-3, 1.0, log=True). The objective returns the
training accuracy after the epoch (maximize). Tensors are built once, outside the objective; Optuna logging is at
WARNING; the storage is --storage's (in-memory by default).

Each objective call is timed with time.perf_counter() from its first line to its return, and the
trial.suggest_float call inside it separately.
  overhead_ms_per_trial = (sweep_seconds - sum of objective seconds) / trials * 1000
is what Optuna adds around each call: ask (trial creation, storage), tell (state and value), callbacks and the
loop machinery. That is the headline figure. But suggest_float is Optuna's work too (storage reads, the sampler's
draw, distribution checks, storage write) and it runs inside the objective, so
  overhead_with_suggest_ms_per_trial = (sweep_seconds - sum of training seconds) / trials * 1000
(training = the objective minus its suggest_float call) is Optuna's whole per-trial cost for a one-parameter space.

Output: one JSON line on stdout:
  {"trials", "sweep_seconds", "trials_per_second", "objective_seconds", "overhead_seconds",
   "overhead_ms_per_trial", "objective_ms_per_trial", "suggest_ms_per_trial", "overhead_with_suggest_ms_per_trial",
   "process_seconds", "best_value", "best_params", "optuna_version", "torch_version", "n_jobs", "storage"}
  sweep_seconds times study.optimize only; process_seconds is time.perf_counter() since the first statement of this
  script (imports included). With n_jobs > 1 the objective seconds of concurrent trials overlap, so the overhead
  figures are only meaningful for n_jobs = 1 (they come out negative otherwise). With n_jobs > 1 the threads also
  draw from the shared RandomSampler in a racy order, so best_value/best_params vary from run to run.
"""
import time

_PROCESS_START = time.perf_counter()  # the first statement after the docstring: process_seconds includes the imports

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import optuna  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

BATCH = 16


def main():
    ap = argparse.ArgumentParser(description="Optuna per-trial overhead anchor on iris.")
    ap.add_argument("--trials", type=int, default=1000)
    ap.add_argument("--n-jobs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--storage", default=None, help="Optuna storage URL (default: in-memory)")
    ap.add_argument("--csv", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "engine",
                                                  "Data", "BuiltIn", "iris.csv"))
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if var in os.environ:
            print(f"warning: {var}={os.environ[var]} is set (the reference numbers assume it is unset)", file=sys.stderr)

    data = np.loadtxt(args.csv, delimiter=",", skiprows=1, dtype=np.float64)
    x, y = data[:, :-1], data[:, -1].astype(np.int64)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    X = torch.from_numpy(np.ascontiguousarray(((x - x.mean(axis=0)) / std).astype(np.float32)))
    Y = torch.from_numpy(np.ascontiguousarray(y))
    n = X.shape[0]

    objective_seconds = []  # list.append is atomic under the GIL
    suggest_seconds = []
    seed_lock = threading.Lock()

    def objective(trial):
        start = time.perf_counter()
        lr = trial.suggest_float("lr", 1e-3, 1.0, log=True)
        suggest_seconds.append(time.perf_counter() - start)
        with seed_lock:  # torch.manual_seed is process-wide; keep init + shuffle per trial reproducible for n_jobs > 1
            torch.manual_seed(args.seed + trial.number)
            model = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.Tanh(), torch.nn.Linear(16, 3))
            perm = torch.randperm(n)
        opt = torch.optim.SGD(model.parameters(), lr=lr)
        for s in range(0, n, BATCH):
            idx = perm[s:s + BATCH]
            opt.zero_grad()
            F.cross_entropy(model(X[idx]), Y[idx]).backward()
            opt.step()
        with torch.no_grad():
            value = (model(X).argmax(dim=1) == Y).float().mean().item()
        objective_seconds.append(time.perf_counter() - start)
        return value

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.RandomSampler(seed=args.seed),
                                storage=args.storage)
    start = time.perf_counter()
    study.optimize(objective, n_trials=args.trials, n_jobs=args.n_jobs)
    sweep = time.perf_counter() - start

    trials = len([t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE])
    inside = sum(objective_seconds)
    suggest = sum(suggest_seconds)
    print(json.dumps({
        "trials": trials,
        "sweep_seconds": round(sweep, 4),
        "trials_per_second": round(trials / sweep, 1),
        "objective_seconds": round(inside, 4),
        "overhead_seconds": round(sweep - inside, 4),
        "overhead_ms_per_trial": round((sweep - inside) / trials * 1000, 4),
        "objective_ms_per_trial": round(inside / trials * 1000, 4),
        "suggest_ms_per_trial": round(suggest / trials * 1000, 4),
        "overhead_with_suggest_ms_per_trial": round((sweep - inside + suggest) / trials * 1000, 4),
        "process_seconds": round(time.perf_counter() - _PROCESS_START, 4),
        "best_value": study.best_value,
        "best_params": study.best_params,
        "optuna_version": optuna.__version__,
        "torch_version": torch.__version__,
        "n_jobs": args.n_jobs,
        "storage": args.storage or "in-memory",
    }))


if __name__ == "__main__":
    main()
