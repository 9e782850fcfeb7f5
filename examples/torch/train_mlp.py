"""A PyTorch MLP on Fashion-MNIST, swept by SweepCluster as an external trainer (examples/fashion-mnist-torch-*.yaml).

It reads its trial through the sweepcluster helper (clients/python, put on sys.path from this file's location), follows
the trial's learning-rate and weight-decay schedules per optimizer step and its batch-size schedule per epoch, saves
model and optimizer into the trial's checkpoint folder before each epoch's report (so pauses, promotions and PBT copies
go on from it), and exits 0 when SweepCluster asks it to stop.

Data: the IDX files of Debian's dataset-fashion-mnist (or $SWEEPCLUSTER_FASHION_MNIST_DIR). A trial uses `train_rows`
of the 60,000 training images, drawn with the trial's seed (trials of one seed see the same rows), and holds out a tenth
of them for validation; the official test split is not used. One thread, seeded by the trial's seed.

params (all optional): hidden (units per hidden layer, 128), layers (hidden layers, 1), optimizer (sgd or adamw, sgd),
momentum (sgd, 0.9), train_rows (12000).
"""
import gzip
import math
import os
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "clients" / "python"))
import sweepcluster as sc  # noqa: E402

try:
    import numpy as np
    import torch
    from torch import nn
except ImportError as missing:
    sys.exit(f"train_mlp.py needs PyTorch and NumPy, which {sys.executable} cannot import ({missing}); "
             f"on Debian: apt-get install python3-torch python3-numpy (for /usr/bin/python3)")

DATA_VARIABLE = "SWEEPCLUSTER_FASHION_MNIST_DIR"
DATA_DIRECTORY = "/usr/share/datasets/fashion-mnist"
CHECKPOINT = "last.pt"


def main() -> None:
    try:
        t = sc.trial()
    except sc.TrialError as error:
        sys.exit(f"train_mlp.py: {error}")
    params = t.params
    torch.set_num_threads(1)
    torch.manual_seed(t.seed)

    x_train, y_train, x_val, y_val = load_data(int(params.get("train_rows", 12000)), t.seed)
    model = build_model(int(params.get("hidden", 128)), int(params.get("layers", 1)))
    opt = build_optimizer(model, str(params.get("optimizer", "sgd")), float(params.get("momentum", 0.9)))

    rows = len(x_train)
    batches = [sc.batch_size(t.batch_size, e, rows) for e in range(t.epochs)]  # per epoch, on the epoch clock
    total_steps = sum(math.ceil(rows / b) for b in batches)  # the step-clock horizon, as the engine counts it
    lr = sc.schedule(t.learning_rate, steps_per_epoch=math.ceil(rows / batches[0]), total_steps=total_steps)
    wd = sc.schedule(t.weight_decay, steps_per_epoch=math.ceil(rows / batches[0]), total_steps=total_steps)

    step = resume(t, model, opt) if t.resume_from_epoch > 0 else 0
    print(f"trial {t.trial} attempt {t.attempt}: {rows} training rows, starting after epoch {t.resume_from_epoch}")
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(t.resume_from_epoch + 1, t.epochs + 1):
        at = lambda s: s(step if s.every == "step" else epoch - 1)  # noqa: E731  each schedule on its own clock
        bs = batches[epoch - 1]
        sc.applied(learning_rate=at(lr), weight_decay=at(wd), batch_size=bs)
        order = torch.randperm(rows, generator=torch.Generator().manual_seed(t.seed * 1_000_003 + epoch))
        model.train()
        loss_sum = 0.0
        for start in range(0, rows, bs):
            index = order[start:start + bs]
            for group in opt.param_groups:
                group["lr"], group["weight_decay"] = at(lr), at(wd)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x_train[index]), y_train[index])
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(index)
            step += 1
        val_loss, val_accuracy = evaluate(model, loss_fn, x_val, y_val)
        save(model, opt, epoch, step)  # before the report: a restart resumes from the last reported epoch
        sc.report(epoch, val_accuracy=val_accuracy, val_loss=val_loss, train_loss=loss_sum / rows, step=step)
        if sc.should_stop():  # a stop or pause: this epoch is saved and reported
            break


def load_data(rows: int, seed: int):
    """`rows` training images drawn with the trial's seed; the last tenth of them held out for validation."""
    directory = Path(os.environ.get(DATA_VARIABLE) or DATA_DIRECTORY)
    images = read_idx(directory, "train-images-idx3-ubyte")
    labels = read_idx(directory, "train-labels-idx1-ubyte")
    if not 10 <= rows <= len(images):
        sys.exit(f"train_mlp.py: params.train_rows must be in [10, {len(images)}], found {rows}")
    chosen = np.random.default_rng(seed).permutation(len(images))[:rows]
    x = images[chosen].reshape(rows, -1).astype(np.float32) / 255
    y = labels[chosen].astype(np.int64)
    train = rows - rows // 10
    mean, std = float(x[:train].mean()), float(x[:train].std())  # standardised by the training rows' statistics
    x = torch.from_numpy((x - mean) / std)
    y = torch.from_numpy(y)
    return x[:train], y[:train], x[train:], y[train:]


def read_idx(directory: Path, name: str):
    """An IDX file (gzipped or not): unsigned bytes with the shape from its header."""
    for path, opener in ((directory / (name + ".gz"), gzip.open), (directory / name, open)):
        if path.exists():
            with opener(path, "rb") as file:
                data = file.read()
            break
    else:
        sys.exit(f"train_mlp.py: Fashion-MNIST not found: no {name}.gz or {name} in {directory}; install it with "
                 f"`apt-get install dataset-fashion-mnist`, or set {DATA_VARIABLE} to a folder holding the IDX files")
    zero, kind, dims = struct.unpack(">HBB", data[:4])
    if zero != 0 or kind != 0x08:
        sys.exit(f"train_mlp.py: {path} is not an IDX file of unsigned bytes")
    shape = struct.unpack(f">{dims}I", data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def build_model(hidden: int, layers: int) -> nn.Module:
    modules, width = [], 28 * 28
    for _ in range(layers):
        modules += [nn.Linear(width, hidden), nn.ReLU()]
        width = hidden
    return nn.Sequential(*modules, nn.Linear(width, 10))


def build_optimizer(model: nn.Module, kind: str, momentum: float) -> torch.optim.Optimizer:
    # lr and weight_decay are placeholders: the schedules set them before every step.
    if kind == "sgd":
        return torch.optim.SGD(model.parameters(), lr=0.0, momentum=momentum)
    if kind == "adamw":
        return torch.optim.AdamW(model.parameters(), lr=0.0, weight_decay=0.0)
    sys.exit(f"train_mlp.py: params.optimizer must be sgd or adamw, found {kind!r}")


@torch.no_grad()
def evaluate(model: nn.Module, loss_fn: nn.Module, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    model.eval()
    logits = model(x)
    return float(loss_fn(logits, y)), float((logits.argmax(dim=1) == y).float().mean())


def save(model: nn.Module, opt: torch.optim.Optimizer, epoch: int, step: int) -> None:
    """Atomically: a stop in the middle leaves the previous checkpoint whole."""
    path = sc.checkpoint_dir() / CHECKPOINT
    temporary = path.with_name(CHECKPOINT + ".tmp")
    torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(), "epoch": epoch, "step": step}, temporary)
    os.replace(temporary, path)


def resume(t: sc.Trial, model: nn.Module, opt: torch.optim.Optimizer) -> int:
    """Loads the checkpoint of epoch resume_from_epoch; returns the optimizer steps done so far."""
    path = sc.checkpoint_dir() / CHECKPOINT
    if not path.exists():
        sys.exit(f"train_mlp.py: resume_from_epoch is {t.resume_from_epoch} but {path} does not exist")
    state = torch.load(path)
    if state["epoch"] != t.resume_from_epoch:
        sys.exit(f"train_mlp.py: {path} holds epoch {state['epoch']}, resume_from_epoch is {t.resume_from_epoch}")
    model.load_state_dict(state["model"])
    opt.load_state_dict(state["optimizer"])
    return int(state["step"])


if __name__ == "__main__":
    main()
