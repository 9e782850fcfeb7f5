#!/usr/bin/python3
"""Optuna side of SweepCluster's offline tabular benchmark: Optuna's samplers and pruners replayed against the
schedule table (bench/tables/schedules.json + schedules.csv.gz), the objective being a table lookup.

Usage (Debian's python with python3-optuna; standard library + optuna only):

    /usr/bin/python3 bench/optuna/table_replay.py [--table bench/tables/schedules] [--runs 20]
        [--epoch-budget 2700] [--datasets digits,wine,breast-cancer]
        [--methods random,random+sh,random+hyperband,tpe,tpe+hyperband]

Replay rules (the C# side, bench/SweepCluster.Tabular/Replay, follows the same):
  * a trial proposes a value for every active dimension: categorical dimensions with suggest_categorical, ordered
    ones (log, linear, integer grids) with suggest_int over the choice index, so TPE sees their order; a schedule
    family's parameters are suggested only under that family (define-by-run conditional space);
  * each trial replays the table's run under one table seed drawn uniformly at random (seeded by the run);
  * the objective reports the validation accuracy after every epoch (trial.report) and asks the pruner after every
    epoch but the last; a run that diverged reports 0 at the epoch it diverged in and returns 0;
  * the run stops once --epoch-budget epochs are spent over all trials (the trial in progress is cut there);
  * regret = best true final accuracy of the table (mean over seeds, per configuration) - true final accuracy of the
    incumbent, the completed trial with the best observed final accuracy (0 for the incumbent before one exists).

Methods: random (RandomSampler), random+sh (RandomSampler + SuccessiveHalvingPruner(min_resource=1,
reduction_factor=3)), random+hyperband (RandomSampler + HyperbandPruner(min_resource=1, max_resource=27,
reduction_factor=3)), tpe (TPESampler), tpe+hyperband (TPESampler + the same HyperbandPruner). Sampler seeds = the run number; study names are fixed, so every method's
figures are the same from run to run.

Output: one JSON line {"table", "runs", "epoch_budget", "results": [{"method", "dataset", "runs",
"regret_by_trials": {"K": mean regret after K finished trials}, "regret_by_epochs": {"E": mean regret after E
epochs}, "final_regret_sem": standard error of the
mean regret at the budget, "curve_by_trials": [mean regret after 1, 2, ..., 100 finished trials],
"curve_by_epochs": [mean regret after 27, 54, ... epochs up to the budget], "seconds"}]}.
"""
import argparse
import csv
import gzip
import json
import math
import os
import random
import statistics
import sys
import time

import optuna

TRIAL_MARKS = [5, 10, 25, 50, 100]
EPOCH_MARKS = [27, 135, 270, 675, 1350, 2700]
# The dense curves (for plots): every trial count up to the last trial mark, and every full trial's worth of epochs.
CURVE_EPOCH_STEP = 27
REDUCTION_FACTOR = 3
MIN_RESOURCE = 1


def load_table(path):
    with open(path + ".json", encoding="utf-8") as f:
        meta = json.load(f)
    dims = meta["dimensions"]
    epochs = meta["epochs"]
    curves = {}
    with gzip.open(path + ".csv.gz", "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            config = tuple(row[1:1 + len(dims)])
            seed = int(row[1 + len(dims)])
            first = 3 + len(dims)
            metric = [float(c) for c in row[first:first + epochs] if c != ""]
            curves.setdefault(row[0], {}).setdefault(config, {})[seed] = (metric, row[2 + len(dims)] == "diverged")
    return meta, curves


def suggest(trial, dims):
    labels = {}
    for d in dims:
        parent = d.get("parent")
        if parent is not None and labels.get(parent) != d["parent_choice"]:
            labels[d["name"]] = ""
            continue
        if d["scale"] == "categorical":
            labels[d["name"]] = trial.suggest_categorical(d["name"], d["choices"])
        else:
            labels[d["name"]] = d["choices"][trial.suggest_int(d["name"], 0, len(d["choices"]) - 1)]
    return tuple(labels[d["name"]] for d in dims)


def make_study(method, run, epochs):
    sampler = optuna.samplers.RandomSampler(seed=run) if method.startswith("random") else optuna.samplers.TPESampler(seed=run)
    if method.endswith("+sh"):
        pruner = optuna.pruners.SuccessiveHalvingPruner(min_resource=MIN_RESOURCE, reduction_factor=REDUCTION_FACTOR)
    elif method.endswith("+hyperband"):
        pruner = optuna.pruners.HyperbandPruner(min_resource=MIN_RESOURCE, max_resource=epochs, reduction_factor=REDUCTION_FACTOR)
    else:
        pruner = optuna.pruners.NopPruner()
    # A fixed study name: HyperbandPruner assigns brackets by a hash of the study name and trial number, and the
    # default name is random, which would make tpe+hyperband differ from one process to the next.
    return optuna.create_study(study_name=f"{method}-{run}", direction="maximize", sampler=sampler, pruner=pruner)


def replay(meta, table, method, run, budget):
    dims = meta["dimensions"]
    epochs = meta["epochs"]
    seeds = meta["seeds"]
    true_final = {c: sum(m[-1] for m, _ in by_seed.values()) / len(by_seed) for c, by_seed in table.items()}
    best = max(true_final.values())
    picker = random.Random(run)
    state = {"spent": 0, "finished": 0, "incumbent": (float("-inf"), 0.0)}
    curve = []

    def finish(config, observed_final):
        state["finished"] += 1
        if observed_final is not None and observed_final > state["incumbent"][0]:
            state["incumbent"] = (observed_final, true_final[config])
        curve.append((state["finished"], state["spent"], best - state["incumbent"][1]))

    def objective(trial):
        config = suggest(trial, dims)
        metric, diverged = table[config][seeds[picker.randrange(len(seeds))]]
        for epoch in range(1, len(metric) + 1):
            if state["spent"] >= budget:
                # The budget is spent: the trial in progress is cut here and is not counted.
                trial.study.stop()
                raise optuna.TrialPruned()
            state["spent"] += 1
            value = metric[epoch - 1]
            trial.report(value, epoch)
            if diverged and epoch == len(metric):
                break
            if epoch < epochs and trial.should_prune():
                finish(config, None)
                raise optuna.TrialPruned()
        finish(config, metric[-1])
        return metric[-1]

    study = make_study(method, run, epochs)
    study.optimize(objective, n_trials=sys.maxsize)
    return curve, best


def regret_at(curve, best, index, mark):
    value = best
    for point in curve:
        if point[index] > mark:
            break
        value = point[2]
    return value


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", default=os.path.join(here, "..", "tables", "schedules"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--epoch-budget", type=int, default=EPOCH_MARKS[-1])
    parser.add_argument("--datasets", default="")
    parser.add_argument("--methods", default="random,random+sh,random+hyperband,tpe,tpe+hyperband")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    meta, curves = load_table(args.table)
    datasets = args.datasets.split(",") if args.datasets else [d["name"] for d in meta["datasets"]]
    results = []
    for dataset in datasets:
        for method in args.methods.split(","):
            started = time.perf_counter()
            by_trials = {k: 0.0 for k in TRIAL_MARKS}
            by_epochs = {e: 0.0 for e in EPOCH_MARKS if e <= args.epoch_budget}
            finals = []
            trial_curve = [0.0] * TRIAL_MARKS[-1]
            epoch_curve = [0.0] * (args.epoch_budget // CURVE_EPOCH_STEP)
            for run in range(args.runs):
                curve, best = replay(meta, curves[dataset], method, run, args.epoch_budget)
                finals.append(regret_at(curve, best, 1, args.epoch_budget))
                for k in by_trials:
                    by_trials[k] += regret_at(curve, best, 0, k) / args.runs
                for e in by_epochs:
                    by_epochs[e] += regret_at(curve, best, 1, e) / args.runs
                for i in range(len(trial_curve)):
                    trial_curve[i] += regret_at(curve, best, 0, i + 1) / args.runs
                for i in range(len(epoch_curve)):
                    epoch_curve[i] += regret_at(curve, best, 1, (i + 1) * CURVE_EPOCH_STEP) / args.runs
            results.append({
                "method": method, "dataset": dataset, "runs": args.runs,
                "regret_by_trials": {str(k): round(v, 6) for k, v in by_trials.items()},
                "regret_by_epochs": {str(e): round(v, 6) for e, v in by_epochs.items()},
                "final_regret_sem": round(statistics.stdev(finals) / math.sqrt(len(finals)), 6) if len(finals) > 1 else 0.0,
                "curve_by_trials": [round(v, 6) for v in trial_curve],
                "curve_by_epochs": [round(v, 6) for v in epoch_curve],
                "seconds": round(time.perf_counter() - started, 3),
            })
    print(json.dumps({"table": os.path.basename(args.table), "runs": args.runs, "epoch_budget": args.epoch_budget, "results": results}))


if __name__ == "__main__":
    main()
