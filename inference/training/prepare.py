"""Builds the training and validation arrays (one compressed .npz per task) from the synthetic
generator and the development photographs.

    /usr/bin/python3 inference/training/prepare.py --out /tmp/alpr-train --seed 1

The arrays live outside the repository (they contain crops of the benchmark photographs, which
must not be committed); they are also what a GPU run carries.
"""
import argparse
import io
import os
import time

import numpy as np
from PIL import Image, ImageFilter

import dataset
import synth
from models import DET_H, DET_W, READER_H, READER_W

MAX_BOXES = 6


def gray(img):
    return img.convert("L")


JITTER = (0.08, 0.12)


def reader_crop(img, box, rng=None, margin=(0.08, 0.15)):
    """Cuts a plate box with a margin (jittered when rng is given) and resizes it for the reader.
    Mirrors inference/plateReader.ts: box expanded by 8% of width and 15% of height each side.
    The jitter stands in for detector error (boxes a few pixels and some percent off)."""
    x, y, w, h = box
    mx, my = margin[0] * w, margin[1] * h
    if rng is not None:
        strong = rng.random() < 0.5
        sx, sy = (JITTER[0] * 2.5, JITTER[1] * 2) if strong else JITTER
        jx = lambda: rng.uniform(-sx, sx) * w  # noqa: E731
        jy = lambda: rng.uniform(-sy, sy) * h  # noqa: E731
        x0, y0, x1, y1 = x - mx + jx(), y - my + jy(), x + w + mx + jx(), y + h + my + jy()
    else:
        x0, y0, x1, y1 = x - mx, y - my, x + w + mx, y + h + my
    crop = gray(img).crop((int(round(x0)), int(round(y0)), int(round(x1)), int(round(y1))))
    return np.asarray(crop.resize((READER_W, READER_H), Image.BILINEAR), dtype=np.uint8)


def photometric(rng, arr):
    a = arr.astype(np.float32)
    if rng.random() < 0.2:
        a = (a - a.mean()) * rng.uniform(1.3, 2.2) + rng.uniform(90, 150)
    else:
        a = (a - 128) * rng.uniform(0.6, 1.3) + 128 + rng.uniform(-40, 40)
    a += rng.normal(0, rng.uniform(0, 8), a.shape)
    img = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    if rng.random() < 0.3:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))
    if rng.random() < 0.4:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=int(rng.integers(25, 90)))
        img = Image.open(io.BytesIO(buf.getvalue()))
    return np.asarray(img, dtype=np.uint8)


def letterbox(img):
    """Frame -> DET_W x DET_H grayscale, scaled to fit, placed top-left, zero padding (as detector.ts)."""
    W, H = img.size
    s = min(DET_W / W, DET_H / H)
    small = gray(img).resize((max(1, round(W * s)), max(1, round(H * s))), Image.BILINEAR)
    canvas = Image.new("L", (DET_W, DET_H), 0)
    canvas.paste(small, (0, 0))
    return np.array(canvas, dtype=np.uint8), s


def random_view(rng, img, plates):
    """A random zoom/crop of a photo (keeping its plates inside) at detector size, with boxes."""
    W, H = img.size
    xs0 = min(p[0] for p in plates); ys0 = min(p[1] for p in plates)
    xs1 = max(p[0] + p[2] for p in plates); ys1 = max(p[1] + p[3] for p in plates)
    aspect = DET_W / DET_H
    min_w = max(xs1 - xs0, (ys1 - ys0) * aspect) * 1.2
    cw = rng.uniform(min(min_w, W), W)
    ch = cw / aspect
    if ch > H:
        ch = H; cw = min(W, ch * aspect)
    cx0 = rng.uniform(max(0, xs1 - cw), max(0, min(xs0, W - cw)) + 1e-6)
    cy0 = rng.uniform(max(0, ys1 - ch), max(0, min(ys0, H - ch)) + 1e-6)
    crop = img.crop((int(cx0), int(cy0), int(cx0 + cw), int(cy0 + ch)))
    arr, s = letterbox(crop)
    boxes = [((p[0] - int(cx0)) * s, (p[1] - int(cy0)) * s, p[2] * s, p[3] * s) for p in plates]
    return arr, boxes


def procedural_background(rng):
    a = np.full((DET_H, DET_W), rng.uniform(40, 200), np.float32)
    yy, xx = np.mgrid[0:DET_H, 0:DET_W]
    a += (xx * rng.uniform(-0.2, 0.2) + yy * rng.uniform(-0.3, 0.3))
    for _ in range(int(rng.integers(3, 15))):
        x0, y0 = rng.integers(0, DET_W), rng.integers(0, DET_H)
        a[y0:y0 + rng.integers(5, 150), x0:x0 + rng.integers(5, 200)] = rng.uniform(0, 255)
    return a.clip(0, 255).astype(np.uint8)


def paste_plate(rng, canvas, boxes):
    """Pastes a synthetic plate (with a text-like distractor sometimes) where it overlaps nothing."""
    plate, _, _ = synth.render_plate(rng)
    plate = synth.degrade(rng, plate)
    pw = int(rng.uniform(14, 120))
    ph = max(6, int(pw / rng.uniform(1.7, 2.3)))
    for _ in range(20):
        x, y = int(rng.integers(0, DET_W - pw)), int(rng.integers(0, DET_H - ph))
        if all(x + pw < b[0] or b[0] + b[2] < x or y + ph < b[1] or b[1] + b[3] < y for b in boxes):
            small = np.asarray(plate.convert("L").resize((pw, ph), Image.BILINEAR), np.float32)
            small = (small - 128) * rng.uniform(0.5, 1.2) + 128 + rng.uniform(-50, 30)
            canvas[y:y + ph, x:x + pw] = small.clip(0, 255).astype(np.uint8)
            boxes.append((x, y, pw, ph))
            return


def build_reader(args, rng):
    root = args.dataset
    train_x, train_y, train_s, val_x, val_y, val_s = [], [], [], [], [], []
    t = time.time()
    if args.reuse_synth:
        old = np.load(args.reuse_synth)
        synthetic = [i for i, s in enumerate(old["train_s"]) if s != "" and i < args.reader_synth_count_hint]
        train_x += list(old["train_x"][synthetic]); train_y += list(old["train_y"][synthetic]); train_s += list(old["train_s"][synthetic])
        print(f"reader: reused {len(synthetic)} synthetic samples", flush=True)
    for i in range(0 if args.reuse_synth else args.reader_synth):
        arr, text, state = synth.reader_sample(rng, READER_W * 2, READER_H * 2)
        arr = np.asarray(Image.fromarray(arr).resize((READER_W, READER_H), Image.BILINEAR))
        train_x.append(arr); train_y.append(text); train_s.append(state)
        if i % 5000 == 0:
            print(f"reader synth {i} ({time.time() - t:.0f}s)", flush=True)
    for path, state, text in dataset.seg_and_ocr(root):
        img = Image.open(path)
        box = (0, 0, img.width, img.height)
        if dataset.split_of(os.path.basename(path)) == "val":
            val_x.append(reader_crop(img, box, margin=(0, 0))); val_y.append(text); val_s.append(state)
        else:
            for _ in range(args.real_variants):
                train_x.append(photometric(rng, reader_crop(img, box, rng, margin=(-0.02, -0.02)))); train_y.append(text); train_s.append(state)
    for country in ("us", "eu"):
        for path, plates in dataset.endtoend(root, country):
            img = Image.open(path)
            is_val = dataset.split_of(os.path.basename(path)) == "val"
            for (x, y, w, h, text) in plates:
                if is_val:
                    if country == "us":
                        val_x.append(reader_crop(img, (x, y, w, h))); val_y.append(text); val_s.append("")
                else:
                    for _ in range(args.real_variants):
                        train_x.append(photometric(rng, reader_crop(img, (x, y, w, h), rng))); train_y.append(text); train_s.append("")
    print(f"reader: {len(train_x)} train, {len(val_x)} val", flush=True)
    np.savez_compressed(os.path.join(args.out, "reader.npz"), train_x=np.stack(train_x), train_y=np.array(train_y), train_s=np.array(train_s),
                        val_x=np.stack(val_x), val_y=np.array(val_y), val_s=np.array(val_s))


def build_detector(args, rng):
    root = args.dataset
    photos = {c: dataset.endtoend(root, c) for c in ("us", "eu")}
    train = [(p, pl) for c in photos for (p, pl) in photos[c] if dataset.split_of(os.path.basename(p)) == "train"]
    images, boxes_out = [], []

    def add(arr, boxes):
        b = np.zeros((MAX_BOXES, 4), np.float32)
        for i, box in enumerate(boxes[:MAX_BOXES]):
            b[i] = box
        images.append(arr); boxes_out.append(b)

    t = time.time()
    loaded = [(Image.open(p).convert("L"), [pl[:4] for pl in plates]) for p, plates in train]
    for i in range(args.det_real):
        img, plates = loaded[int(rng.integers(0, len(loaded)))]
        arr, boxes = random_view(rng, img, plates)
        if rng.random() < 0.5:
            paste_plate(rng, arr, boxes)
        add(photometric(rng, arr), boxes)
    for i in range(args.det_synth):
        arr = procedural_background(rng)
        boxes = []
        for _ in range(int(rng.integers(0, 4))):
            paste_plate(rng, arr, boxes)
        add(photometric(rng, arr), boxes)
        if i % 2000 == 0:
            print(f"detector synth {i} ({time.time() - t:.0f}s)", flush=True)
    val = [(p, pl) for c in ("us",) for (p, pl) in photos[c] if dataset.split_of(os.path.basename(p)) == "val"]
    vx, vb = [], []
    for p, plates in val:
        arr, s = letterbox(Image.open(p))
        b = np.zeros((MAX_BOXES, 4), np.float32)
        for i, pl in enumerate(plates[:MAX_BOXES]):
            b[i] = [v * s for v in pl[:4]]
        vx.append(arr); vb.append(b)
    print(f"detector: {len(images)} train, {len(vx)} val", flush=True)
    np.savez_compressed(os.path.join(args.out, "detector.npz"), train_x=np.stack(images), train_b=np.stack(boxes_out), val_x=np.stack(vx), val_b=np.stack(vb))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--dataset", default=dataset.DEFAULT_ROOT)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--task", choices=["reader", "detector", "all"], default="all")
    ap.add_argument("--reader-synth", type=int, default=60000)
    ap.add_argument("--real-variants", type=int, default=12)
    ap.add_argument("--reuse-synth", default="", help="take the synthetic reader samples from an earlier reader.npz")
    ap.add_argument("--reader-synth-count-hint", type=int, default=60000, help="with --reuse-synth: how many leading samples are synthetic")
    ap.add_argument("--det-real", type=int, default=4000)
    ap.add_argument("--det-synth", type=int, default=2000)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.task in ("reader", "all"):
        build_reader(args, np.random.default_rng(args.seed))
    if args.task in ("detector", "all"):
        build_detector(args, np.random.default_rng(args.seed + 1))


if __name__ == "__main__":
    main()
