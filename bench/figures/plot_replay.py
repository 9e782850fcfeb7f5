#!/usr/bin/python3
"""Plots the `replay` benchmark's mean regret curves: one row per dataset, regret against finished trials (left) and
against epochs spent (right), one line per method and side (ours solid, Optuna's dashed, the same colour per method).

Usage (Debian's python with python3-matplotlib):

    dotnet run -c Release --project bench/SweepCluster.Bench -- replay --runs 20 --out bench/figures/replay.json
    /usr/bin/python3 bench/figures/plot_replay.py [--input bench/figures/replay.json] [--output bench/figures/replay-regret.png]

The input is the file `replay --out` writes: {"ours": line, "optuna": line or null}, each line holding per method and
dataset the dense curves curve_by_trials (after 1, 2, ... trials) and curve_by_epochs (after every 27 epochs).
"""
import argparse
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend is chosen first)

# Epochs between two points of curve_by_epochs (one full trial of the schedule table).
CURVE_EPOCH_STEP = 27
# One colour per method, shared by both sides.
COLOURS = {
    "random": "tab:gray", "grid": "tab:brown", "random+sh": "tab:orange", "hyperband": "tab:purple",
    "tpe": "tab:blue", "tpe-mv": "tab:cyan", "bohb": "tab:red",
}
# Methods left off the figure to keep it readable (their numbers are in the JSON and the README).
SKIPPED = {"grid"}
# The y axis starts above the curves' values from this point on (the first trials' regrets would flatten the rest).
ZOOM_FROM_POINT = 4
ZOOM_HEADROOM = 1.3
FIGURE_INCHES_PER_ROW = 3.6
FIGURE_WIDTH_INCHES = 12
DPI = 90


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", default=os.path.join(here, "replay.json"))
    parser.add_argument("--output", default=os.path.join(here, "replay-regret.png"))
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as f:
        sides = json.load(f)
    lines = [("ours", "-", sides["ours"])] + ([("optuna", "--", sides["optuna"])] if sides.get("optuna") else [])
    datasets = list(dict.fromkeys(r["dataset"] for r in sides["ours"]["results"]))
    figure, axes = plt.subplots(len(datasets), 2, figsize=(FIGURE_WIDTH_INCHES, FIGURE_INCHES_PER_ROW * len(datasets)), squeeze=False)
    for row, dataset in enumerate(datasets):
        by_trials, by_epochs = axes[row]
        tops = []
        for side, style, line in lines:
            for result in line["results"]:
                if result["dataset"] != dataset or result["method"] in SKIPPED:
                    continue
                label = f'{result["method"]} ({side})'
                colour = COLOURS.get(result["method"], "black")
                trials = result["curve_by_trials"]
                epochs = result["curve_by_epochs"]
                tops.append(max(trials[ZOOM_FROM_POINT:] + epochs[ZOOM_FROM_POINT:]))
                by_trials.plot(range(1, len(trials) + 1), trials, style, color=colour, label=label, linewidth=1.3)
                by_epochs.plot([CURVE_EPOCH_STEP * (i + 1) for i in range(len(epochs))], epochs, style, color=colour, label=label, linewidth=1.3)
        for axis, xlabel in ((by_trials, "finished trials"), (by_epochs, "epochs spent")):
            axis.set_yscale("log")
            axis.set_xlabel(xlabel)
            axis.set_ylabel("mean regret (accuracy)")
            axis.set_title(f"{dataset}: regret vs {xlabel} ({line['runs']} runs)", fontsize=10)
            axis.grid(True, which="both", alpha=0.3)
            axis.set_ylim(top=ZOOM_HEADROOM * max(tops))
    handles, labels = axes[0][0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=6, fontsize=8)
    figure.suptitle("Schedule table replay: ours (solid) vs Optuna 3.1 (dashed)")
    figure.tight_layout(rect=(0, 0.05, 1, 1))
    figure.savefig(args.output, dpi=DPI)
    print(args.output)


if __name__ == "__main__":
    main()
