"""A toy external trainer for the cluster tests: it speaks the protocol through the sweepcluster package and computes
a "metric" whose every epoch depends on the state carried over from the epoch before, through its checkpoint folder:
state_e = 0.5 * state_(e-1) + lr_e * width / 100 + seed / 1000, where lr_e is the learning-rate schedule at the epoch's
first step (10 steps an epoch). A resume from the wrong checkpoint gives other numbers, which the tests recompute.

params: width (number), crash_trial (the trial that exits 3 in its first attempt after epoch 1), sleep (seconds
an epoch takes), malformed_trial (the trial that prints a malformed report line)."""
import json
import os
import sys
import time

import sweepcluster as sc

STEPS_PER_EPOCH = 10

t = sc.trial()
params = t.params
width = params.get("width", 1)
lr = sc.schedule(t.learning_rate, steps_per_epoch=STEPS_PER_EPOCH)
state_file = os.path.join(sc.checkpoint_dir(), "state.json")

state, done = 0.0, 0
if t.resume_from_epoch > 0:
    with open(state_file) as f:
        saved = json.load(f)
    if saved["epoch"] != t.resume_from_epoch:
        print(f"checkpoint holds epoch {saved['epoch']}, resume_from_epoch is {t.resume_from_epoch}", file=sys.stderr)
        sys.exit(4)
    state, done = saved["state"], saved["epoch"]

print(f"trial {t.trial} attempt {t.attempt} starts after epoch {done}")
for epoch in range(done + 1, t.epochs + 1):
    if sc.should_stop():
        break
    time.sleep(params.get("sleep", 0))
    step = (epoch - 1) * STEPS_PER_EPOCH
    rate = lr(step if lr.every == "step" else epoch - 1)
    sc.applied(learning_rate=rate, batch_size=32)
    state = 0.5 * state + rate * width / 100 + t.seed / 1000
    if t.trial == params.get("malformed_trial") and epoch == 2:
        print("{'epoch': 2, 'val_accuracy': 0.5}")
        sys.stdout.flush()
    with open(state_file + ".tmp", "w") as f:
        json.dump({"epoch": epoch, "state": state}, f)
    os.replace(state_file + ".tmp", state_file)
    sc.report(epoch, val_accuracy=state, train_loss=1 - state, step=epoch * STEPS_PER_EPOCH)
    if t.trial == params.get("crash_trial") and t.attempt == 1 and epoch == 1:
        print("toy trainer: injected crash", file=sys.stderr)
        sys.exit(3)
