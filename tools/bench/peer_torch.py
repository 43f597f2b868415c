"""The PyTorch side of `npm run bench:perf`'s peer table (tools/bench/peer.ts).

Rebuilds a zoo model (data/models/<id>/model.json + weights.bin, Keras layers in NHWC) as a torch
network on one thread and answers timing requests on stdin, one per line, so that the TypeScript
side can alternate its rounds with ours under the same machine load:

  version                   -> torch's version
  load <id> <rows>          -> "ok <first row's logits, comma-separated>"
  time <id> forward|gradient -> "<seconds of one call>"

forward: the softmax probabilities of <rows> rows; gradient: d logit[target 0] / d input for every row,
with the weights frozen (no filter gradients), as the engine computes it (core/engine.ts).
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def read_weights(model_dir):
    spec = json.load(open(f"{model_dir}/model.json"))
    blob = b"".join(open(f"{model_dir}/{p}", "rb").read() for g in spec["weightsManifest"] for p in g["paths"])
    weights, offset = {}, 0
    for group in spec["weightsManifest"]:
        for w in group["weights"]:
            if w["dtype"] != "float32":
                raise ValueError(f"{model_dir}: weight {w['name']} is {w['dtype']}, expected float32")
            n = int(np.prod(w["shape"])) if w["shape"] else 1
            weights[w["name"]] = torch.from_numpy(np.frombuffer(blob, "<f4", n, offset).reshape(w["shape"]).copy())
            offset += 4 * n
    topology = spec["modelTopology"]
    layers = topology.get("model_config", topology)["config"]["layers"]
    return layers, weights


def activation(name, x):
    if name in ("linear", None):
        return x
    if name == "relu":
        return F.relu(x)
    if name == "softmax":
        return x  # the head: logits here, softmax applied by the caller
    if name == "sigmoid":
        return torch.sigmoid(x)
    if name == "tanh":
        return torch.tanh(x)
    raise ValueError(f"activation {name} is not supported by the peer benchmark")


def build(model_id):
    """A function from an NHWC (or flat) batch to logits, with the Keras layers' semantics."""
    layers, w = read_weights(f"data/models/{model_id}")
    steps = []
    for layer in layers:
        kind, cfg = layer["class_name"], layer["config"]
        name = cfg.get("name")
        if kind == "InputLayer" or kind == "Dropout":
            continue
        if kind == "Conv2D":
            k = w[f"{name}/kernel"].permute(3, 2, 0, 1).contiguous()
            b = w.get(f"{name}/bias")
            pad = "same" if cfg["padding"] == "same" else 0
            stride, act = tuple(cfg["strides"]), cfg["activation"]
            steps.append(lambda x, k=k, b=b, pad=pad, s=stride, a=act: activation(a, F.conv2d(x, k, b, s, pad)))
        elif kind == "Dense":
            k, b, act = w[f"{name}/kernel"].t().contiguous(), w.get(f"{name}/bias"), cfg["activation"]
            steps.append(lambda x, k=k, b=b, a=act: activation(a, F.linear(x, k, b)))
        elif kind in ("MaxPooling2D", "AveragePooling2D"):
            if cfg["padding"] != "valid":
                raise ValueError(f"{model_id}: {kind} with {cfg['padding']} padding is not supported")
            pool = F.max_pool2d if kind == "MaxPooling2D" else F.avg_pool2d
            steps.append(lambda x, p=pool, k=tuple(cfg["pool_size"]), s=tuple(cfg["strides"]): p(x, k, s))
        elif kind == "BatchNormalization":
            m, v = w[f"{name}/moving_mean"], w[f"{name}/moving_variance"]
            g, bt, eps = w.get(f"{name}/gamma"), w.get(f"{name}/beta"), cfg["epsilon"]
            steps.append(lambda x, m=m, v=v, g=g, bt=bt, eps=eps: F.batch_norm(x, m, v, g, bt, False, 0.0, eps))
        elif kind == "Activation":
            steps.append(lambda x, a=cfg["activation"]: activation(a, x))
        elif kind == "Flatten":
            # Keras flattens channels-last: back to NHWC order so the Dense weights line up.
            steps.append(lambda x: x.permute(0, 2, 3, 1).reshape(x.shape[0], -1) if x.dim() == 4 else x)
        else:
            raise ValueError(f"{model_id}: layer {kind} is not supported by the peer benchmark")

    def logits(x):
        if x.dim() == 4:
            x = x.permute(0, 3, 1, 2)  # NHWC in, as the engine's batches
        for step in steps:
            x = step(x)
        return x

    input_shape = layers[0]["config"]["batch_input_shape"][1:]
    return logits, input_shape


def main():
    models = {}
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "version":
            print(torch.__version__, flush=True)
        elif parts[0] == "load":
            model_id, rows = parts[1], int(parts[2])
            logits, shape = build(model_id)
            d = int(np.prod(shape))
            x = torch.from_numpy(((np.arange(rows * d, dtype=np.int64) * 7919 % 1000) / 1000).astype(np.float32)).reshape(rows, *shape)
            mask = torch.zeros(rows, 1)
            models[model_id] = (logits, x, mask)
            with torch.no_grad():
                first = logits(x[:1])[0]
            print("ok " + ",".join(f"{v:.6g}" for v in first.tolist()), flush=True)
        elif parts[0] == "time":
            logits, x, _ = models[parts[1]]
            t0 = time.perf_counter()
            if parts[2] == "forward":
                with torch.no_grad():
                    F.softmax(logits(x), dim=1)
            else:
                xi = x.clone().requires_grad_(True)
                out = logits(xi)
                (g,) = torch.autograd.grad(out[:, 0].sum(), xi)
            print(f"{time.perf_counter() - t0:.6f}", flush=True)
        else:
            raise ValueError(f"unknown request {parts[0]}")


if __name__ == "__main__":
    main()
