"""A training script as a user writes one, with the sweepcluster package; the protocol tests run it as SweepCluster
would. argv[1] picks what it does:
  fields       prints "fields <json>" with what trial() and its helpers return, then exits
  train        the epoch loop: applied line, checkpoint, report, should_stop (argv[2] = "pause-in-epoch-N" makes epoch
               N print "working on epoch N" and wait for a line of its own on stdin, standing in for a long epoch)
  bad-name, nan, float-epoch, out-of-order   one invalid report() call
  trial-only   calls trial() (for the trial-file error cases)
  orphan       reads its trial, creates argv[2] + ".ready", waits until should_stop() (its parent gone), writes
               "stopped" to argv[2]
"""
import json
import sys

import sweepcluster as sc

ROWS = 1000


def fields():
    tr = sc.trial()
    print("fields " + json.dumps({
        "sweep_id": tr.sweep_id, "sweep_name": tr.sweep_name, "trial": tr.trial, "combination": tr.combination,
        "attempt": tr.attempt, "seed": tr.seed, "epochs": tr.epochs, "resume_from_epoch": tr.resume_from_epoch,
        "checkpoint_dir": str(sc.checkpoint_dir()), "checkpoint_dir_is_path": type(sc.checkpoint_dir()).__name__,
        "decision_epochs": list(tr.decision_epochs), "learning_rate": tr.learning_rate, "weight_decay": tr.weight_decay,
        "batch_size": tr.batch_size, "params": tr.params, "should_stop": sc.should_stop(),
    }), flush=True)


def train(pause_epoch):
    tr = sc.trial()
    steps = 0
    for epoch in range(tr.resume_from_epoch + 1, tr.epochs + 1):
        batch = sc.batch_size(tr.batch_size, epoch - 1, ROWS)
        steps_per_epoch = -(-ROWS // batch)
        lr = sc.schedule(tr.learning_rate, steps_per_epoch=steps_per_epoch)
        wd = sc.schedule(tr.weight_decay, steps_per_epoch=steps_per_epoch)
        clock = steps if lr.every == "step" else epoch - 1
        sc.applied(learning_rate=lr(clock), weight_decay=wd(steps if wd.every == "step" else epoch - 1), batch_size=batch)
        if epoch == pause_epoch:
            print(f"working on epoch {epoch}", flush=True)
            sys.stdin.readline()
        steps += steps_per_epoch
        (sc.checkpoint_dir() / "last_epoch").write_text(str(epoch))
        decision = sc.report(epoch, train_loss=1.0 / epoch, val_accuracy=0.5 + 0.01 * epoch, grad_norm=None)
        if decision is not None:
            print(f"decision {decision}", flush=True)
        if sc.should_stop():
            print(f"stopping after epoch {epoch}", flush=True)
            return
    leftover = sys.stdin.readline()
    print(f"finished, leftover {leftover.strip()!r}", flush=True)


def invalid(mode):
    sc.trial()
    if mode == "bad-name":
        sc.report(1, **{"Val_Accuracy": 0.5})
    elif mode == "nan":
        sc.report(1, train_loss=float("nan"))
    elif mode == "float-epoch":
        sc.report(1.0, train_loss=0.5)
    elif mode == "out-of-order":
        sc.report(1, train_loss=0.5)
        sc.report(3, train_loss=0.4)


def orphan(marker):
    import os
    import time
    sc.trial()
    open(marker + ".ready", "w").close()
    for _ in range(600):
        if sc.should_stop():
            with open(marker, "w") as f:
                f.write("stopped")
            return
        time.sleep(0.05)


def main():
    mode = sys.argv[1]
    if mode == "orphan":
        orphan(sys.argv[2])
        return
    if mode == "fields":
        fields()
    elif mode == "train":
        pause = int(sys.argv[2].removeprefix("pause-in-epoch-")) if len(sys.argv) > 2 else None
        train(pause)
    elif mode == "trial-only":
        sc.trial()
    else:
        invalid(mode)


if __name__ == "__main__":
    main()
