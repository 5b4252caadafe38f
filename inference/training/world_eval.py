"""Exact-match of each reader, greedy and alone, on synthetic foreign plates (world_test.npz from
`prepare.py --task reader-world-test`), per layout: a proxy for a plate format the reader has never
seen, where a layout was left out of its training (`prepare.py --foreign-exclude`). Synthetic
plates are easier than photographs; compare readers with it, do not quote it as accuracy.

    /usr/bin/python3 inference/training/world_eval.py --data DIR --models inference/models [--ckpt reader.pt]
"""
import argparse
import collections
import os

import numpy as np
import torch

from models import Reader, fold, load_exported
from train import ctc_greedy


def exact_by_layout(model, x, y, layouts):
    model.eval()
    preds = []
    with torch.no_grad():
        for i in range(0, len(x), 256):
            preds += ctc_greedy(model(torch.from_numpy(x[i:i + 256]).float().div(255).unsqueeze(1))[0])
    right, total = collections.Counter(), collections.Counter()
    for p, t, lay in zip(preds, y, layouts):
        total[lay] += 1
        right[lay] += p == t
    return {lay: right[lay] / total[lay] for lay in total}, sum(right.values()) / max(1, len(y))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--models", default=os.path.join(os.path.dirname(__file__), "..", "models"))
    ap.add_argument("--ckpt", action="append", default=[], help="a reader checkpoint (train.py, batch norm folded or not)")
    args = ap.parse_args()
    d = np.load(os.path.join(args.data, "world_test.npz"))
    x, y, layouts = d["x"], list(d["y"]), list(d["layout"])
    readers = {name: load_exported(name, args.models) for name in ("reader", "second_reader")
               if os.path.exists(os.path.join(args.models, f"{name}.tfjs.json"))}
    for path in args.ckpt:
        state = torch.load(path, map_location="cpu")
        model = Reader() if any("bn" in k or "running_mean" in k for k in state) else fold(Reader())
        model.load_state_dict(state)
        readers[path] = model
    for name, model in readers.items():
        per, overall = exact_by_layout(model, x, y, layouts)
        print(f"{name}: all {overall:.3f} " + " ".join(f"{k} {v:.2f}" for k, v in sorted(per.items())), flush=True)


if __name__ == "__main__":
    main()
