#!/usr/bin/python3
"""Generate the PyTorch reference fixtures read by SweepCluster.Engine.Tests.

Run from anywhere (needs Debian's python3-torch 1.13 + numpy; NOT the pyenv python):

    /usr/bin/python3 tests/SweepCluster.Engine.Tests/Fixtures/generate_fixtures.py

Writes (next to this script):
    optimizers/<case>.json    one multi-step optimizer trajectory per case
    gradients/mlp_grads.json  loss + autograd gradients for every activation x loss

Engine conventions reproduced here:
  * dense layer y = x @ W + b, W of shape (fan_in, fan_out) (explicit Parameters, not nn.Linear)
  * float32 everywhere
  * activation between layers only (none after the last layer):
    relu | leaky_relu (negative slope 0.01) | tanh | sigmoid | identity
  * loss "cross_entropy" = F.cross_entropy(logits, labels) (mean over the batch),
    "mse" = F.mse_loss(out, targets) (mean over ALL elements, i.e. batch * outputs)
  * weight decay applies only to weight matrices: two param groups (weights: wd, biases: 0)
  * lr and weight decay are set on the param groups before every step (schedules).

Data come from numpy.random.RandomState(seed) (stable across numpy versions), so the
output is reproducible bit for bit.
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))

ACTIVATIONS = {
    "relu": F.relu,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.01),
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "identity": lambda x: x,
}

# Defaults written into every "optimizer" object (torch defaults); unused keys are informative only.
OPT_DEFAULTS = {"momentum": 0.0, "nesterov": False, "beta1": 0.9, "beta2": 0.999,
                "eps": 1e-8, "alpha": 0.99, "centered": False}


# ---------------------------------------------------------------- helpers
def f32_list(a):
    """float32 array -> nested Python floats (each exactly the float32 value)."""
    return np.asarray(a, dtype=np.float32).astype(np.float64).tolist()


def init_layers(rng, sizes, scale=1.0):
    layers = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        bound = scale / math.sqrt(fan_in)
        w = rng.uniform(-bound, bound, size=(fan_in, fan_out)).astype(np.float32)
        b = rng.uniform(-bound, bound, size=(fan_out,)).astype(np.float32)
        layers.append((w, b))
    return layers


def layers_json(params):
    return {"layers": [{"weight": f32_list(w.detach().numpy()), "bias": f32_list(b.detach().numpy())}
                       for w, b in params]}


def to_params(layers, dtype=torch.float32):
    return [(torch.nn.Parameter(torch.tensor(w, dtype=dtype)), torch.nn.Parameter(torch.tensor(b, dtype=dtype)))
            for w, b in layers]


def forward(params, x, activation):
    act = ACTIVATIONS[activation]
    h = x
    for i, (w, b) in enumerate(params):
        h = h @ w + b
        if i < len(params) - 1:
            h = act(h)
    return h


def compute_loss(out, loss, labels, targets):
    if loss == "cross_entropy":
        return F.cross_entropy(out, labels)
    if loss == "mse":
        return F.mse_loss(out, targets)
    raise ValueError(loss)


def make_batch(rng, sizes, batch, loss):
    x = rng.standard_normal((batch, sizes[0])).astype(np.float32)
    if loss == "cross_entropy":
        return x, rng.randint(0, sizes[-1], size=batch).astype(np.int64), None
    return x, None, rng.uniform(-1.0, 1.0, size=(batch, sizes[-1])).astype(np.float32)


def make_optimizer(opt, weights, biases):
    groups = [{"params": weights, "weight_decay": 0.0}, {"params": biases, "weight_decay": 0.0}]
    t = opt["type"]
    if t == "sgd":
        return torch.optim.SGD(groups, lr=0.1, momentum=opt["momentum"], dampening=0.0, nesterov=opt["nesterov"])
    if t == "adam":
        return torch.optim.Adam(groups, lr=1e-3, betas=(opt["beta1"], opt["beta2"]), eps=opt["eps"])
    if t == "adamw":
        return torch.optim.AdamW(groups, lr=1e-3, betas=(opt["beta1"], opt["beta2"]), eps=opt["eps"])
    if t == "rmsprop":
        return torch.optim.RMSprop(groups, lr=1e-2, alpha=opt["alpha"], eps=opt["eps"],
                                   momentum=opt["momentum"], centered=opt["centered"])
    raise ValueError(t)


# ---------------------------------------------------------------- optimizer cases
SGD_LR = [0.1, 0.05, 0.08, 0.02]
ADAM_LR = [0.01, 0.005, 0.008, 0.002]
RMS_LR = [0.01, 0.004, 0.006, 0.002]
WD = [0.01, 0.0, 0.05, 0.02]          # includes a zero step: the decay must follow the schedule
NO_WD = [0.0, 0.0, 0.0, 0.0]

CASES = [
    # name, sizes, activation, loss, optimizer overrides, lrs, wds, batch, seed
    ("sgd_plain", [5, 7, 3], "relu", "cross_entropy", {"type": "sgd"}, SGD_LR, NO_WD, 4, 101),
    ("sgd_momentum", [6, 8, 6, 4], "relu", "cross_entropy", {"type": "sgd", "momentum": 0.9}, SGD_LR, NO_WD, 5, 102),
    ("sgd_momentum_nesterov", [5, 7, 3], "relu", "cross_entropy",
     {"type": "sgd", "momentum": 0.9, "nesterov": True}, SGD_LR, NO_WD, 3, 103),
    ("sgd_weight_decay", [5, 7, 3], "relu", "cross_entropy", {"type": "sgd"}, SGD_LR, WD, 4, 104),
    ("sgd_momentum_nesterov_l2", [5, 7, 3], "relu", "cross_entropy",
     {"type": "sgd", "momentum": 0.9, "nesterov": True}, SGD_LR, WD, 6, 105),
    ("adam", [5, 7, 3], "relu", "cross_entropy", {"type": "adam"}, ADAM_LR, NO_WD, 4, 106),
    ("adam_l2", [6, 8, 6, 4], "relu", "cross_entropy", {"type": "adam"}, ADAM_LR, WD, 5, 107),
    ("adam_custom_betas", [5, 7, 3], "tanh", "cross_entropy",
     {"type": "adam", "beta1": 0.8, "beta2": 0.99, "eps": 1e-6}, ADAM_LR, NO_WD, 4, 108),
    ("adamw", [6, 8, 6, 4], "relu", "cross_entropy", {"type": "adamw"}, ADAM_LR, WD, 5, 109),
    ("rmsprop", [5, 7, 3], "relu", "cross_entropy", {"type": "rmsprop"}, RMS_LR, NO_WD, 4, 110),
    ("rmsprop_momentum_centered", [6, 8, 6, 4], "relu", "cross_entropy",
     {"type": "rmsprop", "momentum": 0.9, "centered": True}, RMS_LR, WD, 5, 111),
    ("rmsprop_momentum", [5, 7, 3], "tanh", "cross_entropy",
     {"type": "rmsprop", "momentum": 0.5, "alpha": 0.9}, RMS_LR, NO_WD, 3, 112),
    ("rmsprop_centered_l2", [5, 7, 3], "relu", "cross_entropy",
     {"type": "rmsprop", "centered": True}, RMS_LR, WD, 4, 113),
    ("mse_tanh_sgd_momentum", [4, 6, 5, 2], "tanh", "mse", {"type": "sgd", "momentum": 0.9}, SGD_LR, WD, 5, 114),
    ("mse_tanh_adam", [4, 6, 2], "tanh", "mse", {"type": "adam"}, ADAM_LR, NO_WD, 4, 115),
    ("sigmoid_adam", [5, 7, 3], "sigmoid", "cross_entropy", {"type": "adam"}, ADAM_LR, NO_WD, 4, 116),
    ("sigmoid_sgd_momentum", [5, 7, 6, 3], "sigmoid", "cross_entropy",
     {"type": "sgd", "momentum": 0.9}, SGD_LR, NO_WD, 6, 117),
    ("identity_sgd", [5, 7, 3], "identity", "cross_entropy", {"type": "sgd"}, SGD_LR, NO_WD, 4, 118),
    ("identity_mse_adamw", [4, 6, 3], "identity", "mse", {"type": "adamw"}, ADAM_LR, WD, 3, 119),
    ("leaky_relu_adam", [5, 7, 3], "leaky_relu", "cross_entropy", {"type": "adam"}, ADAM_LR, WD, 4, 120),
    ("leaky_relu_mse_rmsprop", [4, 6, 5, 2], "leaky_relu", "mse",
     {"type": "rmsprop", "momentum": 0.9}, RMS_LR, NO_WD, 5, 121),
]


def run_case(name, sizes, activation, loss, opt_over, lrs, wds, batch, seed, dtype=torch.float32):
    """Returns (fixture dict, list of float64 'after' trajectories for the error check)."""
    rng = np.random.RandomState(seed)
    layers = init_layers(rng, sizes, scale=2.0 if activation == "sigmoid" else 1.0)
    batches = [make_batch(rng, sizes, batch, loss) for _ in lrs]
    opt_cfg = dict(OPT_DEFAULTS)
    opt_cfg.update(opt_over)
    opt_cfg = {"type": opt_cfg.pop("type"), **opt_cfg}

    params = to_params(layers, dtype)
    weights = [w for w, _ in params]
    biases = [b for _, b in params]
    opt = make_optimizer(opt_cfg, weights, biases)

    fixture = {"name": name, "sizes": sizes, "activation": activation, "loss": loss, "optimizer": opt_cfg,
               "initial": layers_json(params), "steps": []}
    for lr, wd, (x, labels, targets) in zip(lrs, wds, batches):
        opt.param_groups[0]["lr"] = lr
        opt.param_groups[0]["weight_decay"] = wd
        opt.param_groups[1]["lr"] = lr
        opt.param_groups[1]["weight_decay"] = 0.0
        xt = torch.tensor(x, dtype=dtype)
        lt = torch.tensor(labels) if labels is not None else None
        tt = torch.tensor(targets, dtype=dtype) if targets is not None else None
        opt.zero_grad()
        out = forward(params, xt, activation)
        l = compute_loss(out, loss, lt, tt)
        l.backward()
        opt.step()
        step = {"learning_rate": lr, "weight_decay": wd, "inputs": f32_list(x)}
        if labels is not None:
            step["labels"] = labels.tolist()
        else:
            step["targets"] = f32_list(targets)
        step["loss"] = float(np.float32(l.item()))
        step["after"] = layers_json(params) if dtype == torch.float32 else \
            [(w.detach().numpy().copy(), b.detach().numpy().copy()) for w, b in params]
        fixture["steps"].append(step)
    return fixture


def max_err_vs_f64(case, fx32):
    """Max |float32 torch - float64 torch| over all 'after' params, relative to max(1, |value|)."""
    fx64 = run_case(*case, dtype=torch.float64)
    worst = 0.0
    for s32, s64 in zip(fx32["steps"], fx64["steps"]):
        for l32, (w64, b64) in zip(s32["after"]["layers"], s64["after"]):
            for a, b in ((np.array(l32["weight"]), w64), (np.array(l32["bias"]), b64)):
                worst = max(worst, float(np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b)))))
    return worst


# ---------------------------------------------------------------- gradient cases
def gradient_cases():
    cases = []
    seed = 500
    for activation in ["relu", "leaky_relu", "tanh", "sigmoid", "identity"]:
        for loss in ["cross_entropy", "mse"]:
            seed += 1
            rng = np.random.RandomState(seed)
            sizes = [4, 6, 5, 3]
            layers = init_layers(rng, sizes, scale=2.0 if activation == "sigmoid" else 1.0)
            x, labels, targets = make_batch(rng, sizes, 5, loss)
            params = to_params(layers)
            out = forward(params, torch.tensor(x), activation)
            l = compute_loss(out, loss, torch.tensor(labels) if labels is not None else None,
                             torch.tensor(targets) if targets is not None else None)
            l.backward()
            case = {"activation": activation, "loss": loss, "sizes": sizes, "initial": layers_json(params),
                    "inputs": f32_list(x)}
            if labels is not None:
                case["labels"] = labels.tolist()
            else:
                case["targets"] = f32_list(targets)
            case["loss_value"] = float(np.float32(l.item()))
            case["grads"] = {"layers": [{"weight": f32_list(w.grad.numpy()), "bias": f32_list(b.grad.numpy())}
                                        for w, b in params]}
            cases.append(case)
    return {"cases": cases}


# ---------------------------------------------------------------- output
def dumps(obj, indent=0):
    """JSON with one line per list of numbers (readable diffs, exact float repr)."""
    pad = "  " * indent
    if isinstance(obj, dict):
        items = [f'{pad}  {json.dumps(k)}: {dumps(v, indent + 1).lstrip()}' for k, v in obj.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list) and obj and all(isinstance(v, list) for v in obj) and \
            all(not v or not isinstance(v[0], (list, dict)) for v in obj):
        return pad + "[\n" + ",\n".join(pad + "  " + json.dumps(v) for v in obj) + "\n" + pad + "]"
    if isinstance(obj, list) and obj and any(isinstance(v, (list, dict)) for v in obj):
        return pad + "[\n" + ",\n".join(dumps(v, indent + 1) for v in obj) + "\n" + pad + "]"
    return pad + json.dumps(obj)


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = dumps(obj) + "\n"
    assert json.loads(text) == obj
    with open(path, "w") as f:
        f.write(text)


def main():
    print(f"torch {torch.__version__}, numpy {np.__version__}", file=sys.stderr)
    for case in CASES:
        fx = run_case(*case)
        write(os.path.join(HERE, "optimizers", case[0] + ".json"), fx)
        print(f"optimizers/{case[0]}.json  final loss {fx['steps'][-1]['loss']:.6f}  "
              f"max rel err float32 vs float64 {max_err_vs_f64(case, fx):.2e}", file=sys.stderr)
    write(os.path.join(HERE, "gradients", "mlp_grads.json"), gradient_cases())
    print("gradients/mlp_grads.json", file=sys.stderr)


if __name__ == "__main__":
    main()
