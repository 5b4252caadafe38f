"""Trains the reader or the detector on the arrays prepare.py built.

    /usr/bin/python3 inference/training/train.py --task reader --data /tmp/alpr-train --out /tmp/alpr-ckpt
    /usr/bin/python3 inference/training/train.py --task detector --data /tmp/alpr-train --out /tmp/alpr-ckpt

Same script on a GPU machine with --device cuda. Seeds are fixed; the best checkpoint by the
validation metric (exact plate match for the reader, recall minus false positives for the
detector) is kept.
"""
import argparse
import collections
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

import augment
from models import DET_STRIDE, DETECTOR_WIDTHS, NUM_STATES, STATE_H, STATE_W, Detector, Reader, StateClassifier, load_exported, macs, prune_detector, state_classifier_from_reader
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
    model = Reader() if name == "reader" else Detector(args.det_widths)
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


def readable(texts):
    """Indices of the texts the reader can learn: 1-10 characters of the alphabet."""
    return [i for i, t in enumerate(texts) if 0 < len(t) <= 10 and all(c in CHAR_INDEX for c in t)]


def encode_texts(texts, states, device):
    """Padded CTC targets (N x 10), their lengths and state indices, as tensors on `device`."""
    labels = torch.zeros(len(texts), 10, dtype=torch.long)
    for i, t in enumerate(texts):
        labels[i, :len(t)] = torch.tensor([CHAR_INDEX[c] for c in t])
    lengths = torch.tensor([len(t) for t in texts], dtype=torch.long)
    st = torch.tensor([STATE_INDEX.get(s, NUM_STATES - 1) for s in states], dtype=torch.long)
    return labels.to(device), lengths.to(device), st.to(device)


def load_reader_data(args):
    """The reader's training sources and validation set from --data: the fixed crops of
    reader.npz and reader_synth.npz (those present), and with --context the real plates of
    reader_context.npz, from which crops are cut while training."""
    xs, ys, ss, val = [], [], [], None
    for name in ("reader.npz", "reader_synth.npz"):
        path = os.path.join(args.data, name)
        if os.path.exists(path):
            d = np.load(path)
            xs.append(d["train_x"]); ys += list(d["train_y"]); ss += list(d["train_s"])
            if "val_x" in d:
                val = (d["val_x"], list(d["val_y"]))
    ctx = None
    if args.context:
        c = np.load(os.path.join(args.data, "reader_context.npz"))
        keep = readable(list(c["ctx_y"]))
        ctx = (c["ctx_x"][keep], [c["ctx_y"][i] for i in keep], [c["ctx_s"][i] for i in keep], c["ctx_m"][keep])
        val = val or (c["val_x"], list(c["val_y"]))
    if not xs or val is None:
        raise SystemExit(f"reader: no training crops or no validation set in {args.data}")
    x = np.concatenate(xs)
    keep = readable(ys)
    return (x[keep], [ys[i] for i in keep], [ss[i] for i in keep]), ctx, val


def rare_char_weights(texts, power):
    """How often to draw each real plate: (median character count / count of its rarest character)
    ** power, at least 1. Real plates hold few O, Q, I or V (states avoid them), so without this the
    reader learns that a round glyph is nearly always 0."""
    counts = collections.Counter("".join(texts))
    median = float(np.median(list(counts.values())))
    return torch.tensor([max(1.0, (median / min(counts[c] for c in t)) ** power) if t else 1.0 for t in texts], dtype=torch.float)


class AugmentedBatches:
    """Batches built on the device (augment.py): fixed crops nudged, real plates cut from their
    context canvases with jitter (--real-fraction of each batch), photometric variety on all."""

    def __init__(self, fixed, ctx, args, device):
        self.device, self.batch = device, args.batch
        self.gen = torch.Generator(device=device)
        self.gen.manual_seed(args.seed)
        self.fx = torch.from_numpy(fixed[0]).to(device)
        self.fl, self.flen, self.fs = encode_texts(fixed[1], fixed[2], device)
        self.n_real = int(round(args.batch * args.real_fraction)) if ctx else 0
        if ctx:
            self.cx = torch.from_numpy(ctx[0]).to(device)
            self.cl, self.clen, self.cs = encode_texts(ctx[1], ctx[2], device)
            self.cm = torch.from_numpy(ctx[3]).to(device)
            self.cw = rare_char_weights(ctx[1], args.rare_chars).to(device) if args.rare_chars else None

    def next(self):
        n_fixed = self.batch - self.n_real
        i = torch.randint(0, len(self.fx), (n_fixed,), generator=self.gen, device=self.device)
        parts = [augment.nudge(self.fx[i].float().div(255).unsqueeze(1), self.gen)]
        labels, lengths, states = [self.fl[i]], [self.flen[i]], [self.fs[i]]
        if self.n_real:
            if self.cw is None:
                j = torch.randint(0, len(self.cx), (self.n_real,), generator=self.gen, device=self.device)
            else:
                j = torch.multinomial(self.cw, self.n_real, replacement=True, generator=self.gen)
            parts.append(augment.cut_plates(self.cx[j].float().div(255).unsqueeze(1), self.cm[j], self.gen))
            labels.append(self.cl[j]); lengths.append(self.clen[j]); states.append(self.cs[j])
        batch = augment.photometric(torch.cat(parts), self.gen)
        return batch, torch.cat(labels), torch.cat(lengths), torch.cat(states)


class ArrayBatches:
    """The original recipe: fixed crops with a random brightness/contrast and a small shift."""

    def __init__(self, fixed, args, device):
        self.x, self.device, self.batch = fixed[0], device, args.batch
        self.labels, self.lengths, self.states = encode_texts(fixed[1], fixed[2], device)
        self.rng = np.random.default_rng(args.seed)

    def next(self):
        idx = self.rng.integers(0, len(self.x), self.batch)
        batch = torch.from_numpy(self.x[idx]).float().div(255).unsqueeze(1)
        if self.rng.random() < 0.5:
            batch = batch * float(self.rng.uniform(0.7, 1.2)) + float(self.rng.uniform(-0.15, 0.15))
        batch = torch.roll(batch, int(self.rng.integers(-3, 4)), dims=3)
        t = torch.from_numpy(idx).to(self.device)
        return batch.to(self.device), self.labels[t], self.lengths[t], self.states[t]


def one_cycle(progress, max_lr, warmup=0.05):
    """OneCycleLR's shape (cosine up, cosine down to max_lr/1e4*25) as a function of progress 0..1,
    for runs bounded by time (--minutes) rather than a step count."""
    lo, end = max_lr / 25, max_lr / 25 / 1e4
    if progress < warmup:
        return lo + (max_lr - lo) * (1 - math.cos(math.pi * progress / warmup)) / 2
    return end + (max_lr - end) * (1 + math.cos(math.pi * min(1.0, (progress - warmup) / (1 - warmup)))) / 2


def train_reader(args, device):
    if args.context and not args.augment:
        raise SystemExit("reader: --context cuts crops while training, which needs --augment")
    fixed, ctx, (vx, vy) = load_reader_data(args)
    vx = torch.from_numpy(vx).float().div(255).unsqueeze(1)
    print(f"reader: {len(fixed[0])} training crops, {len(ctx[0]) if ctx else 0} real plates with context, {len(vy)} validation", flush=True)
    batches = AugmentedBatches(fixed, ctx, args, device) if args.augment else ArrayBatches(fixed, args, device)
    model = start_model("reader", args).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = None if args.minutes else torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.steps, pct_start=0.05)
    best, started = -1.0, time.time()
    if args.init or args.init_exported:
        # A fine-tune keeps its starting point unless it does better on validation.
        best = reader_val_exact(model, vx, vy, device)
        torch.save(model.state_dict(), os.path.join(args.out, "reader.pt"))
        print(f"step 0 val_exact {best:.3f} (starting point)", flush=True)
    step = 0
    while step < args.steps:
        step += 1
        if args.minutes:
            progress = max(step / args.steps, (time.time() - started) / (args.minutes * 60))
            for g in opt.param_groups:
                g["lr"] = one_cycle(progress, args.lr)
        batch, labels, lengths, st = batches.next()
        model.train()
        chars, state = model(batch)
        logp = chars.log_softmax(1).permute(2, 0, 1)  # T x N x C
        input_lengths = torch.full((len(batch),), logp.shape[0], dtype=torch.long, device=device)
        loss = F.ctc_loss(logp, labels, input_lengths, lengths, zero_infinity=True)
        known = st != NUM_STATES - 1
        if known.any():
            loss = loss + 0.2 * F.cross_entropy(state[known], st[known])
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        if sched:
            sched.step()
        done = step == args.steps or (args.minutes and progress >= 1)
        if step % args.eval_every == 0 or done:
            acc = reader_val_exact(model, vx, vy, device)
            print(f"step {step} loss {loss.item():.3f} val_exact {acc:.3f} ({time.time() - started:.0f}s)", flush=True)
            if acc >= best:
                best = acc
                torch.save(model.state_dict(), os.path.join(args.out, "reader.pt"))
        if done:
            break
    # The last weights too: the validation set is small, and the end of the schedule often generalises best.
    torch.save(model.state_dict(), os.path.join(args.out, "reader_last.pt"))
    json.dump({"val_exact": best, "steps": step}, open(os.path.join(args.out, "reader.json"), "w"))


def state_indices(states, device):
    """State codes -> class indices; "" (no legible name) is the last class, unknown."""
    return torch.tensor([STATE_INDEX.get(s, NUM_STATES - 1) for s in states], dtype=torch.long, device=device)


def state_val(model, vx, vs, device, gate=0.5):
    """Monitoring only (the last weights are kept, not the best on these crops): of the crops,
    the share given a state at `gate` or above, and the share of those that are right."""
    model.eval()
    with torch.no_grad():
        p = torch.cat([model(vx[i:i + 256].to(device)).softmax(1) for i in range(0, len(vx), 256)])
    conf, best = p.max(1)
    given = (best != NUM_STATES - 1) & (conf >= gate)
    right = given & (best == vs.to(device))
    n = max(1, int(given.sum()))
    return float(given.float().mean()), float(right.sum()) / n


def train_state(args, device):
    """The state classifier: synthetic crops (state.npz, nudged) and the real plates that carry a
    state (reader_context.npz, cut with detector-like jitter), --real-fraction of each batch,
    photometric variety on all with more blur and resolution loss than the reader's batches."""
    d = np.load(os.path.join(args.data, "state.npz"))
    sx, ss = torch.from_numpy(d["train_x"]).to(device), state_indices(list(d["train_s"]), device)
    vx, vs = torch.from_numpy(d["val_x"]).float().div(255).unsqueeze(1), state_indices(list(d["val_s"]), "cpu")
    c = np.load(os.path.join(args.data, "reader_context.npz"))
    keep = [i for i, s in enumerate(c["ctx_s"]) if s in STATE_INDEX]  # seg_and_ocr plates: the photographs carry no state
    cx, cm = torch.from_numpy(c["ctx_x"][keep]).to(device), torch.from_numpy(c["ctx_m"][keep]).to(device)
    cs = state_indices([c["ctx_s"][i] for i in keep], device)
    print(f"state: {len(sx)} synthetic crops, {len(cx)} real plates, {len(vx)} monitoring crops", flush=True)
    gen = torch.Generator(device=device)
    gen.manual_seed(args.seed)
    n_real = int(round(args.batch * args.real_fraction))
    if args.init_reader:
        model = state_classifier_from_reader(load_exported("reader", args.init_reader)).to(device)
        coverage, given = state_val(model, vx, vs, device)
        print(f"step 0 (the reader's trunk and state head) val coverage@0.5 {coverage:.3f} right_given {given:.3f}", flush=True)
    else:
        model = StateClassifier().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    started, step = time.time(), 0
    while step < args.steps:
        step += 1
        progress = max(step / args.steps, (time.time() - started) / (args.minutes * 60) if args.minutes else 0)
        for g in opt.param_groups:
            g["lr"] = one_cycle(progress, args.lr)
        i = torch.randint(0, len(sx), (args.batch - n_real,), generator=gen, device=device)
        j = torch.randint(0, len(cx), (n_real,), generator=gen, device=device)
        batch = torch.cat([augment.nudge(sx[i].float().div(255).unsqueeze(1), gen),
                           augment.cut_plates(cx[j].float().div(255).unsqueeze(1), cm[j], gen, size=(STATE_H, STATE_W))])
        batch = augment.photometric(batch, gen, p_blur=0.4, p_lowres=0.4)
        model.train()
        loss = F.cross_entropy(model(batch), torch.cat([ss[i], cs[j]]))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        done = step == args.steps or progress >= 1
        if step % args.eval_every == 0 or done:
            coverage, given = state_val(model, vx, vs, device)
            print(f"step {step} loss {loss.item():.3f} lr {opt.param_groups[0]['lr']:.2e} val coverage@0.5 {coverage:.3f} right_given {given:.3f} ({time.time() - started:.0f}s)", flush=True)
            torch.save(model.state_dict(), os.path.join(args.out, f"state_{step}.pt"))
        if done:
            break
    torch.save(model.state_dict(), os.path.join(args.out, "state_classifier.pt"))
    json.dump({"steps": step, "minutes": (time.time() - started) / 60}, open(os.path.join(args.out, "state_classifier.json"), "w"))


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


def distill_loss(out, teacher, batch):
    """How far the student's maps are from the teacher's on the same frames: the heatmap as soft
    targets (binary cross-entropy against the teacher's probabilities, cells where the teacher sees
    a plate, faint ones included, weighted up), and the box channels (L1) where the teacher's
    heatmap is at least faint, weighted by it. The teacher's faint peaks matter too: the runtime
    runs tiles where the whole frame peaks at 0.02 (plateDetector.ts TILE_HINT)."""
    with torch.no_grad():
        t = teacher(batch)
    tp = torch.sigmoid(t[:, 0])
    weight = 1 + 20 * tp
    heat = (F.binary_cross_entropy_with_logits(out[:, 0], tp, reduction="none") * weight).sum() / weight.sum()
    box_w = (tp * (tp > 0.02)).unsqueeze(1)
    box = (F.l1_loss(out[:, 1:5], t[:, 1:5], reduction="none") * box_w).sum() / box_w.sum().clamp(min=1)
    return 10 * heat + box


def train_detector(args, device):
    d = np.load(os.path.join(args.data, "detector.npz"))
    x, b = d["train_x"], d["train_b"]
    vx, vb = d["val_x"], d["val_b"]
    print(f"detector: {len(x)} training frames, {len(vx)} validation", flush=True)
    model = start_model("detector", args)
    if args.prune_to:
        model = prune_detector(model, args.prune_to, torch.from_numpy(x[:64]).float().div(255).unsqueeze(1))
        print(f"pruned to widths {args.prune_to}: {macs(model, (1, x.shape[1], x.shape[2])) / 1e6:.0f} M multiply-adds", flush=True)
    model = model.to(device)
    teacher = load_exported("detector", args.teacher).to(device).eval() if args.teacher else None
    if teacher is not None:
        print(f"distilling the detector in {args.teacher} (weight {args.distill})", flush=True)
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
        if teacher is not None:
            loss = loss + args.distill * distill_loss(out, teacher, batch)
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
            if args.keep_every and step % args.keep_every == 0:
                torch.save(model.state_dict(), os.path.join(args.out, f"detector_{step}.pt"))
            if score >= best:
                best = score
                torch.save(model.state_dict(), os.path.join(args.out, "detector.pt"))
                json.dump({"val_recall": recall, "val_fp_per_image": fpi, "step": step}, open(os.path.join(args.out, "detector.json"), "w"))
        if args.minutes and time.time() - started > args.minutes * 60:
            print("time budget reached", flush=True)
            break


def widths_arg(value):
    """A detector's six widths, comma-separated (models.Detector's order)."""
    return tuple(int(c) for c in value.split(","))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", choices=["reader", "detector", "state"], required=True)
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
    ap.add_argument("--keep-every", type=int, default=0, help="detector: also keep the weights every N steps (detector_N.pt), for choosing with the runtime's evaluation")
    ap.add_argument("--init", default="", help="start from this checkpoint (fine-tuning)")
    ap.add_argument("--det-widths", type=widths_arg, default=DETECTOR_WIDTHS,
                    help="detector: channels of s2,s4,s8,s16,up8,up4 (models.Detector); narrower costs less a run")
    ap.add_argument("--prune-to", type=widths_arg, default=None,
                    help="detector, with --init-exported: start from the exported detector cut down to these widths (models.prune_detector)")
    ap.add_argument("--teacher", default="", help="detector: an exported model folder whose detector the new one also learns to mimic (distill_loss)")
    ap.add_argument("--distill", type=float, default=1.0, help="detector, with --teacher: the weight of distill_loss beside the labels' loss")
    ap.add_argument("--augment", action="store_true", help="reader: batches varied on the device (augment.py)")
    ap.add_argument("--context", action="store_true", help="reader: also cut crops from the real plates in reader_context.npz")
    ap.add_argument("--rare-chars", type=float, default=0.0, help="reader, with --context: draw real plates with rare characters more often (rare_char_weights power; 0 = uniformly)")
    ap.add_argument("--real-fraction", type=float, default=0.35, help="reader, with --context: share of each batch cut from real plates")
    ap.add_argument("--init-exported", default="", help="start from the exported weights in this folder (inference/models), batch norm folded")
    ap.add_argument("--init-reader", default="", help="state: start from the exported reader in this folder, its trunk and state head (models.state_classifier_from_reader)")
    args = ap.parse_args()
    if args.prune_to and not (args.task == "detector" and args.init_exported):
        # prune_detector cuts the exported, folded weights; a fresh or trained checkpoint has none to cut.
        ap.error("--prune-to needs --task detector and --init-exported")
    torch.set_num_threads(args.threads)
    seed_all(args.seed)
    os.makedirs(args.out, exist_ok=True)
    {"reader": train_reader, "detector": train_detector, "state": train_state}[args.task](args, torch.device(args.device))


if __name__ == "__main__":
    main()
