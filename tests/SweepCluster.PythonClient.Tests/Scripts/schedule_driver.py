"""Evaluates batches of schedule cases with the sweepcluster package, for the C# parity tests.

Reads one JSON array of cases per line on stdin and answers with one JSON array of results per line on stdout:
  {"kind": "schedule", "spec": {...}, "target": ..., "steps_per_epoch": ..., "epochs": ..., "total_steps": ..., "ts": [...]}
      -> {"every": "step", "values": [...]}      (non-finite values as "NaN", "Infinity", "-Infinity")
  {"kind": "batch_size", "spec": {...}, "training_rows": n, "epochs": ..., "ts": [...]} -> {"values": [...]}
  {"kind": "round", "values": [...], "training_rows": n, "min": ..., "max": ...}      -> {"values": [...]}
A case that raises gives {"error": "<type>: <message>"}.
"""
import json
import math
import sys

import sweepcluster


def encode(value):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def horizon(case):
    return {key: case.get(key) for key in ("steps_per_epoch", "epochs", "total_steps")}


def evaluate(case):
    kind = case["kind"]
    if kind == "schedule":
        value = sweepcluster.schedule(case["spec"], target=case.get("target"), **horizon(case))
        return {"every": value.every, "values": [encode(value(t)) for t in case["ts"]]}
    if kind == "batch_size":
        return {"values": [sweepcluster.batch_size(case["spec"], t, case["training_rows"], **horizon(case)) for t in case["ts"]]}
    if kind == "round":
        rows, low, high = case["training_rows"], case.get("min"), case.get("max")
        return {"values": [sweepcluster.round_batch_size(float(v), rows, low, high) for v in case["values"]]}
    raise ValueError(f"unknown case kind {kind!r}")


def main():
    for line in sys.stdin:
        results = []
        for case in json.loads(line):
            try:
                results.append(evaluate(case))
            except Exception as error:  # reported back to the test, which decides whether it was expected
                results.append({"error": f"{type(error).__name__}: {error}"})
        sys.stdout.write(json.dumps(results) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
