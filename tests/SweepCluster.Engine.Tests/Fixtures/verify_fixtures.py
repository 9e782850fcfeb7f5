#!/usr/bin/python3
"""Independent check of the fixtures: re-implements forward, backward and the optimizer
update rules in plain numpy (float64), reading ONLY the JSON files, and compares with
the torch results stored there. This is what the C# engine must do, so it also documents
the semantics of every field. No torch needed.

    /usr/bin/python3 tests/SweepCluster.Engine.Tests/Fixtures/verify_fixtures.py

Also reports the smallest |pre-activation| of relu/leaky_relu hidden units (a value near 0
would make the kink ambiguous between implementations).
"""
import glob
import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def act(name, z):
    if name == "relu":
        return np.maximum(z, 0), (z > 0).astype(z.dtype)
    if name == "leaky_relu":
        return np.where(z > 0, z, 0.01 * z), np.where(z > 0, 1.0, 0.01)
    if name == "tanh":
        a = np.tanh(z)
        return a, 1 - a * a
    if name == "sigmoid":
        a = 1 / (1 + np.exp(-z))
        return a, a * (1 - a)
    if name == "identity":
        return z, np.ones_like(z)
    raise ValueError(name)


def loss_and_grads(layers, activation, loss, x, labels, targets):
    """layers: list of (W (in,out), b). Returns loss, grads [(dW, db)], min |z| of hidden pre-activations."""
    hs, ds, minz = [x], [], math.inf
    h = x
    for i, (w, b) in enumerate(layers):
        z = h @ w + b
        if i < len(layers) - 1:
            minz = min(minz, float(np.min(np.abs(z))))
            h, d = act(activation, z)
            ds.append(d)
        else:
            h = z
        hs.append(h)
    out = hs[-1]
    n = out.shape[0]
    if loss == "cross_entropy":
        m = out - out.max(axis=1, keepdims=True)
        logp = m - np.log(np.exp(m).sum(axis=1, keepdims=True))
        value = -logp[np.arange(n), labels].mean()
        g = np.exp(logp)
        g[np.arange(n), labels] -= 1
        g /= n
    else:
        diff = out - targets
        value = (diff ** 2).mean()
        g = 2 * diff / diff.size
    grads = [None] * len(layers)
    for i in reversed(range(len(layers))):
        grads[i] = (hs[i].T @ g, g.sum(axis=0))
        if i > 0:
            g = (g @ layers[i][0].T) * ds[i - 1]
    return value, grads, minz


def load_layers(obj):
    return [(np.array(l["weight"], dtype=np.float64), np.array(l["bias"], dtype=np.float64)) for l in obj["layers"]]


class Optimizer:
    """torch 1.13 single-tensor update rules, one state per tensor."""

    def __init__(self, cfg):
        self.c = cfg
        self.state = {}
        self.t = 0

    def update(self, key, p, g, lr, wd):
        c, s = self.c, self.state.setdefault(key, {})
        t = c["type"]
        if t == "adamw":
            p = p * (1 - lr * wd)
        elif wd != 0:
            g = g + wd * p                              # L2: added to the gradient
        if t == "sgd":
            if c["momentum"] != 0:
                buf = g.copy() if "buf" not in s else c["momentum"] * s["buf"] + g   # first step: buf = g
                s["buf"] = buf
                g = g + c["momentum"] * buf if c["nesterov"] else buf
            return p - lr * g
        if t in ("adam", "adamw"):
            b1, b2 = c["beta1"], c["beta2"]
            m = b1 * s.get("m", 0) + (1 - b1) * g
            v = b2 * s.get("v", 0) + (1 - b2) * g * g
            s["m"], s["v"] = m, v
            bc1, bc2 = 1 - b1 ** self.t, 1 - b2 ** self.t
            return p - (lr / bc1) * m / (np.sqrt(v) / math.sqrt(bc2) + c["eps"])
        if t == "rmsprop":
            a = c["alpha"]
            sq = a * s.get("sq", 0) + (1 - a) * g * g
            s["sq"] = sq
            if c["centered"]:
                ga = a * s.get("ga", 0) + (1 - a) * g
                s["ga"] = ga
                avg = np.sqrt(sq - ga * ga) + c["eps"]
            else:
                avg = np.sqrt(sq) + c["eps"]
            if c["momentum"] > 0:
                buf = c["momentum"] * s.get("buf", 0) + g / avg
                s["buf"] = buf
                return p - lr * buf                    # lr applied to the whole buffer
            return p - lr * g / avg
        raise ValueError(t)


def rel_err(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b))))


def main():
    worst_all, minz_all = 0.0, math.inf
    for path in sorted(glob.glob(os.path.join(HERE, "optimizers", "*.json"))):
        fx = json.load(open(path))
        layers = load_layers(fx["initial"])
        opt = Optimizer(fx["optimizer"])
        worst_loss = worst_p = 0.0
        for step in fx["steps"]:
            x = np.array(step["inputs"], dtype=np.float64)
            labels = np.array(step["labels"]) if "labels" in step else None
            targets = np.array(step["targets"], dtype=np.float64) if "targets" in step else None
            value, grads, minz = loss_and_grads(layers, fx["activation"], fx["loss"], x, labels, targets)
            if fx["activation"] in ("relu", "leaky_relu"):
                minz_all = min(minz_all, minz)
            worst_loss = max(worst_loss, abs(value - step["loss"]) / max(1.0, abs(step["loss"])))
            opt.t += 1
            lr, wd = step["learning_rate"], step["weight_decay"]
            layers = [(opt.update((i, "w"), w, gw, lr, wd), opt.update((i, "b"), b, gb, lr, 0.0))
                      for i, ((w, b), (gw, gb)) in enumerate(zip(layers, grads))]
            for (w, b), ref in zip(layers, load_layers(step["after"])):
                worst_p = max(worst_p, rel_err(w, ref[0]), rel_err(b, ref[1]))
            layers = load_layers(step["after"])   # continue from torch's values (no drift)
        worst_all = max(worst_all, worst_loss, worst_p)
        print(f"{os.path.basename(path):34s} loss err {worst_loss:.1e}  param err {worst_p:.1e}")

    g = json.load(open(os.path.join(HERE, "gradients", "mlp_grads.json")))
    for c in g["cases"]:
        x = np.array(c["inputs"], dtype=np.float64)
        labels = np.array(c["labels"]) if "labels" in c else None
        targets = np.array(c["targets"], dtype=np.float64) if "targets" in c else None
        value, grads, minz = loss_and_grads(load_layers(c["initial"]), c["activation"], c["loss"], x, labels, targets)
        if c["activation"] in ("relu", "leaky_relu"):
            minz_all = min(minz_all, minz)
        err = abs(value - c["loss_value"]) / max(1.0, abs(c["loss_value"]))
        for (gw, gb), ref in zip(grads, load_layers(c["grads"])):
            err = max(err, rel_err(gw, ref[0]), rel_err(gb, ref[1]))
        worst_all = max(worst_all, err)
        print(f"grads {c['activation']:10s} {c['loss']:13s}  err {err:.1e}")
    print(f"worst relative error {worst_all:.1e}; smallest |relu pre-activation| {minz_all:.1e}")
    sys.exit(0 if worst_all < 1e-5 else 1)


if __name__ == "__main__":
    main()
