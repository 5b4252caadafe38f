"""Trains the reader or the detector on the arrays prepare.py built.

    /usr/bin/python3 inference/training/train.py --task reader --data /tmp/alpr-train --out /tmp/alpr-ckpt
    /usr/bin/python3 inference/training/train.py --task detector --data /tmp/alpr-train --out /tmp/alpr-ckpt

Same script on a GPU machine with --device cuda. Seeds are fixed; the best checkpoint by the
validation metric (exact plate match for the reader, recall minus false positives for the
detector) is kept.
"""
import argparse
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

from models import DET_STRIDE, NUM_STATES, Detector, Reader, load_exported
from synth import ALPHABET, STATE_CODES

CHAR_INDEX = {c: i + 1 for i, c in enumerate(ALPHABET)}
STATE_INDEX = {s: i for i, s in enumerate(STATE_CODES)}


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def ctc_greedy(logits):
    """N x C x T logits -> list of strings."""
    best = logits.argmax(1).cpu().numpy()
    out = []
    for row in best:
        s, prev = [], 0
        for k in row:
            if k != prev and k != 0:
                s.append(ALPHABET[k - 1])
            prev = k
        out.append("".join(s))
    return out


def start_model(name, args):
    """A fresh network, a training checkpoint (--init), or the shipped weights (--init-exported)."""
    if args.init_exported:
        return load_exported(name, args.init_exported)
    model = Reader() if name == "reader" else Detector()
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
    return model


def reader_val_exact(model, vx, vy, device):
    model.eval()
    with torch.no_grad():
        preds = []
        for i in range(0, len(vx), 256):
            preds += ctc_greedy(model(vx[i:i + 256].to(device))[0])
    return sum(p == t for p, t in zip(preds, vy)) / max(1, len(vy))


def train_reader(args, device):
    d = np.load(os.path.join(args.data, "reader.npz"))
    x, y, s = d["train_x"], d["train_y"], d["train_s"]
    vx, vy = torch.from_numpy(d["val_x"]).float().div(255).unsqueeze(1), list(d["val_y"])
    keep = [i for i, t in enumerate(y) if 0 < len(t) <= 10 and all(c in CHAR_INDEX for c in t)]
    x, y, s = x[keep], y[keep], s[keep]
    print(f"reader: {len(x)} training samples, {len(vy)} validation", flush=True)
    model = start_model("reader", args).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.steps, pct_start=0.05)
    rng = np.random.default_rng(args.seed)
    best, started = -1.0, time.time()
    if args.init or args.init_exported:
        # A fine-tune keeps its starting point unless it does better on validation.
        best = reader_val_exact(model, vx, vy, device)
        torch.save(model.state_dict(), os.path.join(args.out, "reader.pt"))
        print(f"step 0 val_exact {best:.3f} (starting point)", flush=True)
    for step in range(1, args.steps + 1):
        idx = rng.integers(0, len(x), args.batch)
        batch = torch.from_numpy(x[idx]).float().div(255).unsqueeze(1)
        # Cheap on-the-fly variety: random contrast flip of brightness and a small shift.
        if rng.random() < 0.5:
            batch = batch * float(rng.uniform(0.7, 1.2)) + float(rng.uniform(-0.15, 0.15))
        shift = int(rng.integers(-3, 4))
        batch = torch.roll(batch, shift, dims=3)
        batch = batch.to(device)
        texts = [y[i] for i in idx]
        targets = torch.tensor([CHAR_INDEX[c] for t in texts for c in t], dtype=torch.long)
        lengths = torch.tensor([len(t) for t in texts], dtype=torch.long)
        model.train()
        chars, state = model(batch)
        logp = chars.log_softmax(1).permute(2, 0, 1)  # T x N x C
        loss = F.ctc_loss(logp.cpu(), targets, torch.full((len(idx),), logp.shape[0], dtype=torch.long), lengths, zero_infinity=True)
        st = torch.tensor([STATE_INDEX.get(s[i], NUM_STATES - 1) for i in idx], dtype=torch.long, device=device)
        known = st != NUM_STATES - 1
        if known.any():
            loss = loss + 0.2 * F.cross_entropy(state[known], st[known]).cpu()
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        sched.step()
        if step % args.eval_every == 0 or step == args.steps:
            acc = reader_val_exact(model, vx, vy, device)
            print(f"step {step} loss {loss.item():.3f} val_exact {acc:.3f} ({time.time() - started:.0f}s)", flush=True)
            if acc >= best:
                best = acc
                torch.save(model.state_dict(), os.path.join(args.out, "reader.pt"))
        if args.minutes and time.time() - started > args.minutes * 60:
            print("time budget reached", flush=True)
            break
    json.dump({"val_exact": best}, open(os.path.join(args.out, "reader.json"), "w"))


def detector_targets(boxes, gh, gw):
    heat = np.zeros((gh, gw), np.float32)
    size = np.zeros((2, gh, gw), np.float32)
    off = np.zeros((2, gh, gw), np.float32)
    mask = np.zeros((gh, gw), np.float32)
    yy, xx = np.mgrid[0:gh, 0:gw]
    for x, y, w, h in boxes:
        if w <= 0 or h <= 0:
            continue
        cx, cy = (x + w / 2) / DET_STRIDE, (y + h / 2) / DET_STRIDE
        wc, hc = w / DET_STRIDE, h / DET_STRIDE
        sx, sy = max(0.6, wc / 6), max(0.6, hc / 6)
        g = np.exp(-((xx - cx + 0.5) ** 2) / (2 * sx * sx) - ((yy - cy + 0.5) ** 2) / (2 * sy * sy))
        heat = np.maximum(heat, g)
        ix, iy = min(gw - 1, int(cx)), min(gh - 1, int(cy))
        heat[iy, ix] = 1.0
        size[:, iy, ix] = (math.log(wc), math.log(hc))
        off[:, iy, ix] = (cx - ix, cy - iy)
        mask[iy, ix] = 1
    return heat, size, off, mask


def decode_detections(out, threshold=0.3, k=10):
    """1 x 5 x gh x gw -> [(score, x, y, w, h)] in input pixels (mirrors detector.ts)."""
    heat = torch.sigmoid(out[:, 0:1])
    peaks = (F.max_pool2d(heat, 3, 1, 1) == heat).float() * heat
    scores, idx = peaks.flatten().topk(k)
    gw = out.shape[3]
    dets = []
    for s, i in zip(scores.tolist(), idx.tolist()):
        if s < threshold:
            break
        iy, ix = divmod(i, gw)
        wc, hc = math.exp(out[0, 1, iy, ix]), math.exp(out[0, 2, iy, ix])
        cx, cy = ix + float(out[0, 3, iy, ix]), iy + float(out[0, 4, iy, ix])
        dets.append((s, (cx - wc / 2) * DET_STRIDE, (cy - hc / 2) * DET_STRIDE, wc * DET_STRIDE, hc * DET_STRIDE))
    return dets


def iou(a, b):
    ax1, ay1, bx1, by1 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    iw = max(0, min(ax1, bx1) - max(a[0], b[0]))
    ih = max(0, min(ay1, by1) - max(a[1], b[1]))
    inter = iw * ih
    return inter / (a[2] * a[3] + b[2] * b[3] - inter + 1e-9)


def train_detector(args, device):
    d = np.load(os.path.join(args.data, "detector.npz"))
    x, b = d["train_x"], d["train_b"]
    vx, vb = d["val_x"], d["val_b"]
    print(f"detector: {len(x)} training frames, {len(vx)} validation", flush=True)
    model = start_model("detector", args).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.steps, pct_start=0.05)
    rng = np.random.default_rng(args.seed)
    gh, gw = x.shape[1] // DET_STRIDE, x.shape[2] // DET_STRIDE
    best, started = -1e9, time.time()
    for step in range(1, args.steps + 1):
        idx = rng.integers(0, len(x), args.batch)
        imgs, heats, sizes, offs, masks = [], [], [], [], []
        for i in idx:
            img, boxes = x[i], [tuple(bb) for bb in b[i] if bb[2] > 0]
            if rng.random() < 0.5:
                img = img[:, ::-1]
                boxes = [(img.shape[1] - bx - bw, by, bw, bh) for bx, by, bw, bh in boxes]
            h_, s_, o_, m_ = detector_targets(boxes, gh, gw)
            imgs.append(np.ascontiguousarray(img)); heats.append(h_); sizes.append(s_); offs.append(o_); masks.append(m_)
        batch = torch.from_numpy(np.stack(imgs)).float().div(255).unsqueeze(1).to(device)
        heat = torch.from_numpy(np.stack(heats)).to(device)
        size = torch.from_numpy(np.stack(sizes)).to(device)
        off = torch.from_numpy(np.stack(offs)).to(device)
        mask = torch.from_numpy(np.stack(masks)).to(device)
        model.train()
        out = model(batch)
        p = torch.sigmoid(out[:, 0]).clamp(1e-4, 1 - 1e-4)
        pos = heat.eq(1).float()
        neg_w = (1 - heat) ** 4
        focal = -(pos * (1 - p) ** 2 * torch.log(p) + (1 - pos) * neg_w * p ** 2 * torch.log(1 - p)).sum() / pos.sum().clamp(min=1)
        m = mask.unsqueeze(1)
        reg = (F.l1_loss(out[:, 1:3] * m, size * m, reduction="sum") + F.l1_loss(out[:, 3:5] * m, off * m, reduction="sum")) / mask.sum().clamp(min=1)
        loss = focal + 0.5 * reg
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        sched.step()
        if step % args.eval_every == 0 or step == args.steps:
            model.eval()
            hits = fps = total = 0
            with torch.no_grad():
                for img, boxes in zip(vx, vb):
                    truth = [tuple(bb) for bb in boxes if bb[2] > 0]
                    dets = decode_detections(model(torch.from_numpy(img).float().div(255)[None, None].to(device)).cpu())
                    total += len(truth)
                    matched = [any(iou(dd[1:], t) > 0.4 for dd in dets) for t in truth]
                    hits += sum(matched)
                    fps += sum(1 for dd in dets if not any(iou(dd[1:], t) > 0.4 for t in truth))
            recall, fpi = hits / max(1, total), fps / max(1, len(vx))
            score = recall - fpi
            print(f"step {step} loss {loss.item():.3f} val_recall {recall:.3f} fp_per_image {fpi:.3f} ({time.time() - started:.0f}s)", flush=True)
            if score >= best:
                best = score
                torch.save(model.state_dict(), os.path.join(args.out, "detector.pt"))
                json.dump({"val_recall": recall, "val_fp_per_image": fpi, "step": step}, open(os.path.join(args.out, "detector.json"), "w"))
        if args.minutes and time.time() - started > args.minutes * 60:
            print("time budget reached", flush=True)
            break


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", choices=["reader", "detector"], required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--steps", type=int, default=20000)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--eval-every", type=int, default=500)
    ap.add_argument("--minutes", type=float, default=0)
    ap.add_argument("--init", default="", help="start from this checkpoint (fine-tuning)")
    ap.add_argument("--init-exported", default="", help="start from the exported weights in this folder (inference/models), batch norm folded")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    seed_all(args.seed)
    os.makedirs(args.out, exist_ok=True)
    (train_reader if args.task == "reader" else train_detector)(args, torch.device(args.device))


if __name__ == "__main__":
    main()
