#!/usr/bin/python3
"""Optuna anchor of the SweepCluster sweep benchmark: a 48-trial grid on digits, written as an Optuna user would.

Usage (Debian's python with python3-optuna 3.1 and python3-torch 1.13; the pyenv python3 on PATH has no torch):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \\
        /usr/bin/python3 bench/optuna/digits_grid.py [--n-jobs 1] [--csv PATH]

Arguments (command line only):
  --n-jobs N   passed to study.optimize (threads inside one process; default 1)
  --csv PATH   digits CSV: header row, 64 features, label last
               (default: ../../engine/Data/BuiltIn/digits.csv relative to this script)
  --trials-out PATH  also write every trial (number, params, value, seconds) as JSON lines to PATH, to compare
               trial by trial with the C# side or between n_jobs settings (written after the timed part)

Workload (the C# side runs the same grid):
  data       1797 rows; 80/20 split by a fixed permutation (numpy default_rng(0)); validation = round(0.2*1797) = 359
             rows (the first of the permutation), training = the other 1438. Features standardized with the training
             rows' mean/std (std 0 -> 1).
  model      64-64-10 ReLU MLP (torch.nn.Linear, default init), SGD momentum 0.9, cross-entropy, 30 epochs.
             Each epoch a fresh torch.randperm of the training rows, mini-batches in order, the last partial batch
             kept. Metric: validation accuracy after the last epoch (maximize).
  grid       lr_schedule    constant 0.1 | inverse_time 0.1*(1+0.01 t)^-0.5 | polynomial 0.1*(1-t/T)^2 |
                            step 0.1*0.5^floor(t/300)                      (t = optimizer step from 0, whole run)
             wd_schedule    constant 1e-4 | polynomial 1e-3*(1-t/T)        (weights only, biases 0; L2 through
                                                                            the SGD param groups' weight_decay)
             batch_schedule constant_32 | constant_128 |
                            inverse_time round_half_even(32*(1+0.2 e)) clamped to <= 256   (e = epoch from 0)
             seed           1 | 2                                          (torch.manual_seed: init and shuffling)
             4 x 2 x 3 x 2 = 48 trials. T = total optimizer steps of the run = sum over epochs of ceil(1438 / batch_e).
  lr and weight_decay are written into opt.param_groups before every opt.step().

Optuna: create_study(direction="maximize", sampler=GridSampler(search_space, seed=0)), in-memory storage,
study.optimize(objective, n_trials=48, n_jobs=N), logging at WARNING. The tensors are built once, outside the objective.

Seeding with n_jobs > 1: torch.manual_seed seeds one process-wide generator, which two trial threads would share.
So the objective seeds and builds the model under a lock, then copies the generator's state into a private
torch.Generator for the shuffles. The streams are exactly those of a plain sequential `torch.manual_seed(seed)`
program, and every trial's value is the same for any n_jobs.

Output: one JSON line on stdout:
  {"trials", "sweep_seconds", "trials_per_second", "process_seconds", "best_value", "best_params",
   "optuna_version", "torch_version", "n_jobs", "distinct_grid_points"}
  sweep_seconds times study.optimize only; process_seconds is time.perf_counter() since the first line of this
  script (imports, data loading and the sweep), which misses only the interpreter's own start-up.
  distinct_grid_points counts the distinct parameter sets among the trials (48 unless parallel trials collided).
  best_value/best_params: study.best_trial, which on a tie is the lowest-numbered trial among the best.
"""
import time

_PROCESS_START = time.perf_counter()  # the first statement after the docstring: process_seconds includes the imports

import argparse  # noqa: E402
import json
import math
import os
import sys
import threading

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import optuna
import torch
import torch.nn.functional as F

EPOCHS = 30
VALIDATION_FRACTION = 0.2
SPLIT_SEED = 0
MOMENTUM = 0.9
N_TRIALS = 48

SEARCH_SPACE = {
    "lr_schedule": ["constant", "inverse_time", "polynomial", "step"],
    "wd_schedule": ["constant", "polynomial"],
    "batch_schedule": ["constant_32", "constant_128", "inverse_time"],
    "seed": [1, 2],
}


def lr_at(name, t, total):
    if name == "constant":
        return 0.1
    if name == "inverse_time":
        return 0.1 * (1.0 + 0.01 * t) ** -0.5
    if name == "polynomial":
        return 0.1 * (1.0 - t / total) ** 2
    if name == "step":
        return 0.1 * 0.5 ** (t // 300)
    raise ValueError(name)


def wd_at(name, t, total):
    if name == "constant":
        return 1e-4
    if name == "polynomial":
        return 1e-3 * (1.0 - t / total) ** 1
    raise ValueError(name)


def batch_at(name, epoch):
    if name == "constant_32":
        return 32
    if name == "constant_128":
        return 128
    if name == "inverse_time":
        return min(256, round(32 * (1.0 + 0.2 * epoch) ** 1))  # Python's round: half to even
    raise ValueError(name)


def load_split(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    x, y = data[:, :-1], data[:, -1].astype(np.int64)
    n = len(y)
    n_val = min(max(int(math.floor(n * VALIDATION_FRACTION + 0.5)), 1), n - 1)  # round half away from zero
    perm = np.random.default_rng(SPLIT_SEED).permutation(n)
    val, train = perm[:n_val], perm[n_val:]
    mean, std = x[train].mean(axis=0), x[train].std(axis=0)
    std[std == 0] = 1.0
    x = ((x - mean) / std).astype(np.float32)
    t = lambda a: torch.from_numpy(np.ascontiguousarray(a))  # noqa: E731
    return t(x[train]), t(y[train]), t(x[val]), t(y[val])


def main():
    ap = argparse.ArgumentParser(description="Optuna grid anchor on digits (48 trials).")
    ap.add_argument("--n-jobs", type=int, default=1)
    ap.add_argument("--csv", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "engine",
                                                  "Data", "BuiltIn", "digits.csv"))
    ap.add_argument("--trials-out")
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if var in os.environ:
            print(f"warning: {var}={os.environ[var]} is set (the reference numbers assume it is unset)", file=sys.stderr)

    X_train, Y_train, X_val, Y_val = load_split(args.csv)
    n_train = X_train.shape[0]
    seed_lock = threading.Lock()

    def objective(trial):
        lr_name = trial.suggest_categorical("lr_schedule", SEARCH_SPACE["lr_schedule"])
        wd_name = trial.suggest_categorical("wd_schedule", SEARCH_SPACE["wd_schedule"])
        batch_name = trial.suggest_categorical("batch_schedule", SEARCH_SPACE["batch_schedule"])
        seed = trial.suggest_categorical("seed", SEARCH_SPACE["seed"])

        with seed_lock:
            torch.manual_seed(seed)
            model = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
            gen = torch.Generator()
            gen.set_state(torch.default_generator.get_state())
        weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
        biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
        opt = torch.optim.SGD([{"params": weights}, {"params": biases, "weight_decay": 0.0}],
                              lr=0.1, momentum=MOMENTUM)
        wgroup = opt.param_groups[0]

        batches = [batch_at(batch_name, e) for e in range(EPOCHS)]
        total = sum(math.ceil(n_train / b) for b in batches)
        t = 0
        for batch in batches:
            perm = torch.randperm(n_train, generator=gen)
            for start in range(0, n_train, batch):
                idx = perm[start:start + batch]
                lr = lr_at(lr_name, t, total)
                for group in opt.param_groups:
                    group["lr"] = lr
                wgroup["weight_decay"] = wd_at(wd_name, t, total)
                opt.zero_grad()
                loss = F.cross_entropy(model(X_train[idx]), Y_train[idx])
                loss.backward()
                opt.step()
                t += 1
        assert t == total
        with torch.no_grad():
            return (model(X_val).argmax(dim=1) == Y_val).float().mean().item()

    study = optuna.create_study(direction="maximize",
                                sampler=optuna.samplers.GridSampler(SEARCH_SPACE, seed=0))
    start = time.perf_counter()
    study.optimize(objective, n_trials=N_TRIALS, n_jobs=args.n_jobs)
    sweep = time.perf_counter() - start

    trials = [tr for tr in study.trials if tr.state == optuna.trial.TrialState.COMPLETE]
    best = study.best_trial
    if args.trials_out:
        with open(args.trials_out, "w") as f:
            for tr in trials:
                f.write(json.dumps({"number": tr.number, "params": tr.params, "value": tr.value,
                                    "seconds": round(tr.duration.total_seconds(), 4)}) + "\n")
    print(json.dumps({
        "trials": len(trials),
        "sweep_seconds": round(sweep, 4),
        "trials_per_second": round(len(trials) / sweep, 3),
        "process_seconds": round(time.perf_counter() - _PROCESS_START, 4),
        "best_value": best.value,
        "best_params": best.params,
        "optuna_version": optuna.__version__,
        "torch_version": torch.__version__,
        "n_jobs": args.n_jobs,
        "distinct_grid_points": len({tuple(sorted(tr.params.items())) for tr in trials}),
    }))


if __name__ == "__main__":
    main()
