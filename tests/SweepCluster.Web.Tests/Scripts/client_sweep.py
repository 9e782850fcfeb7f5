"""Drives a silo through sweepcluster.Client, as a notebook would, and prints what it saw as one JSON object per line
for PythonClientTests: the submitted id, the final status, the trials, the DataFrame's shape and columns (with
--pandas), and the SweepClusterError of a bad spec, an unknown sweep and an unreachable silo.

usage: client_sweep.py URL SPEC_PATH SWEEP_ID [--pandas]
"""
import json
import sys

import sweepcluster as sc


def emit(kind, **values):
    print(json.dumps({"kind": kind, **values}), flush=True)


def error_of(call):
    try:
        call()
    except sc.SweepClusterError as e:
        return {"status": e.status, "errors": e.errors, "text": str(e)}
    return None


url, spec_path, sweep_id = sys.argv[1:4]
client = sc.Client(url)
submitted = client.submit(spec_path, id=sweep_id)
emit("submitted", id=submitted)
emit("status", **client.wait(submitted, timeout=180, poll=0.2))
trials = client.trials(submitted)
emit("trials", trials=trials)
if "--pandas" in sys.argv[4:]:
    df = client.trials_dataframe(submitted)
    emit("dataframe", rows=len(df), columns=list(df.columns), statuses=sorted(set(df["status"])),
         final_metric_dtype=str(df["final_metric"].dtype), mean_final_metric=float(df["final_metric"].mean()))
emit("bad_spec", **error_of(lambda: client.submit("dataset: iris\nepochs: -2\nlearning_rate: [0.1]\n")))
emit("unknown", **error_of(lambda: client.status("no-such-sweep")))
emit("unreachable", **error_of(lambda: sc.Client("http://127.0.0.1:9").status(submitted)))
