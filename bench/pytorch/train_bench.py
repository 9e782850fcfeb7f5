#!/usr/bin/python3
"""PyTorch side of the SweepCluster training benchmark.

The C# benchmark runs this as a subprocess in the same run as the engine, so the two results sit side by side. It
trains an MLP the way a PyTorch user writes it. The tensors are built once on the CPU. Each epoch takes a shuffled
index (torch.randperm), slices mini-batches with X[idx], and runs
`opt.zero_grad(); loss = F.cross_entropy(model(xb), yb); loss.backward(); opt.step()`. A warm-up comes first. The
loop then runs until the time budget is used up, and the script prints ONE JSON line on stdout.

Usage (Debian's python with torch 1.13; the pyenv python3 on PATH has no torch):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \\
        /usr/bin/python3 bench/pytorch/train_bench.py --config digits --seconds 10 \\
        --csv engine/Data/BuiltIn/digits.csv
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \\
        /usr/bin/python3 bench/pytorch/train_bench.py --config fashion --seconds 10

Arguments (command line only; nothing is read from stdin):
  --config digits|fashion   which workload (required)
  --seconds S               timed budget after the warm-up (default 10)
  --warmup-seconds W        untimed warm-up (default 1.0)
  --csv PATH                digits CSV: a header row, 64 features, then the label in the last column
                            (default: the copy shipped in engine/Data/BuiltIn/digits.csv)
  --fashion-dir DIR         directory holding train-{images-idx3,labels-idx1}-ubyte.gz
                            (default /usr/share/datasets/fashion-mnist)
  --model linear|inout      linear (the default): torch.nn.Linear layers, the idiomatic choice.
                            inout: explicit Parameters W of shape (in, out), computed as x @ W + b, the same layout
                            as the engine. Both give the same speed within noise.
  --seed N                  torch/numpy seed (default 0)

Workloads:
  digits   64-32-10 ReLU, batch 32, SGD lr 0.1 momentum 0.9, cross-entropy. The data are the digits CSV (1797
           samples), standardized per feature (mean 0, std 1; a column with std 0 is left at 0).
  fashion  784-256-128-10 ReLU, batch 128, SGD lr 0.01 momentum 0.9, cross-entropy. The data are the Fashion-MNIST
           training set (60000 images), pixels / 255.
  Each epoch uses only full batches. The last partial batch of the shuffled order is dropped (drop_last), so every
  step has exactly the batch size.

Output: one JSON line on stdout.
  {"config", "samples_per_second", "steps_per_second", "steps", "seconds", "torch_version", "threads",
   "model", "batch_size", "final_loss"}
  steps and seconds cover the timed part only; the warm-up is excluded. samples_per_second = steps * batch /
  seconds. threads is torch.get_num_threads(). final_loss is the mean loss of the last 50 timed steps, a check that
  the model really trains.

Environment: the script calls torch.set_num_threads(1) and torch.set_num_interop_threads(1). It expects
OPENBLAS_NUM_THREADS=1, and sets it itself when unset (before importing torch). The caller should also remove
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE: on this AMD EPYC machine, forcing CORETYPE=Haswell changes the kernels
OpenBLAS picks. torch's BLAS here is OpenBLAS (pthread build), through Debian's generic libblas.so.3.
"""
import argparse
import collections
import gzip
import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

CONFIGS = {
    "digits": {"sizes": [64, 32, 10], "batch": 32, "lr": 0.1, "momentum": 0.9},
    "fashion": {"sizes": [784, 256, 128, 10], "batch": 128, "lr": 0.01, "momentum": 0.9},
}


def load_digits(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    x, y = data[:, :-1], data[:, -1].astype(np.int64)
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    return ((x - mean) / std).astype(np.float32), y


def load_fashion(directory):
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz"), "rb") as f:
        raw = f.read()
    n, rows, cols = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    x = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(n, rows * cols).astype(np.float32) / 255.0
    with gzip.open(os.path.join(directory, "train-labels-idx1-ubyte.gz"), "rb") as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(np.int64)
    assert len(y) == n
    return x, y


class InOutMLP(torch.nn.Module):
    """Same layout as the engine: y = x @ W + b with W of shape (in, out)."""

    def __init__(self, sizes):
        super().__init__()
        self.weights = torch.nn.ParameterList()
        self.biases = torch.nn.ParameterList()
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            bound = 1.0 / fan_in ** 0.5
            self.weights.append(torch.nn.Parameter(torch.empty(fan_in, fan_out).uniform_(-bound, bound)))
            self.biases.append(torch.nn.Parameter(torch.empty(fan_out).uniform_(-bound, bound)))

    def forward(self, x):
        last = len(self.weights) - 1
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            x = x @ w + b
            if i < last:
                x = F.relu(x)
        return x


def linear_mlp(sizes):
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(fan_in, fan_out))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", required=True, choices=sorted(CONFIGS))
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--warmup-seconds", type=float, default=1.0)
    ap.add_argument("--csv", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "engine", "Data", "BuiltIn", "digits.csv"))
    ap.add_argument("--fashion-dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--model", choices=["linear", "inout"], default="linear")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    torch.manual_seed(args.seed)
    if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        print("warning: OPENBLAS_NUM_THREADS != 1", file=sys.stderr)
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if var in os.environ:
            print(f"warning: {var}={os.environ[var]} is set (the reference rates assume it is unset)", file=sys.stderr)

    cfg = CONFIGS[args.config]
    x_np, y_np = load_digits(args.csv) if args.config == "digits" else load_fashion(args.fashion_dir)
    X = torch.from_numpy(np.ascontiguousarray(x_np))
    Y = torch.from_numpy(np.ascontiguousarray(y_np))
    n, batch = X.shape[0], cfg["batch"]
    steps_per_epoch = n // batch

    model = linear_mlp(cfg["sizes"]) if args.model == "linear" else InOutMLP(cfg["sizes"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=cfg["momentum"])

    def batches():
        while True:
            perm = torch.randperm(n)
            for s in range(steps_per_epoch):
                idx = perm[s * batch:(s + 1) * batch]
                yield X[idx], Y[idx]

    def run(budget, losses=None):
        steps = 0
        start = time.perf_counter()
        deadline = start + budget
        for xb, yb in data:
            opt.zero_grad()
            loss = F.cross_entropy(model(xb), yb)
            loss.backward()
            opt.step()
            steps += 1
            if losses is not None:
                losses.append(loss.detach())   # .item() only at the end
            if time.perf_counter() >= deadline:
                break
        return steps, time.perf_counter() - start

    data = batches()
    run(args.warmup_seconds)
    losses = collections.deque(maxlen=50)
    steps, seconds = run(args.seconds, losses)
    final_loss = float(torch.stack(list(losses)).mean()) if losses else float("nan")

    print(json.dumps({
        "config": args.config,
        "samples_per_second": round(steps * batch / seconds, 1),
        "steps_per_second": round(steps / seconds, 1),
        "steps": steps,
        "seconds": round(seconds, 4),
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "model": "nn.Linear" if args.model == "linear" else "inout",
        "batch_size": batch,
        "final_loss": round(final_loss, 5),
    }))


if __name__ == "__main__":
    main()
