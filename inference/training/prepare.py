"""Builds the training and validation arrays (one compressed .npz per task) from the synthetic
generator and the development photographs.

    /usr/bin/python3 inference/training/prepare.py --out /tmp/alpr-train --seed 1

The arrays live outside the repository (they contain crops of the benchmark photographs, which
must not be committed); they are also what a GPU run carries.
"""
import argparse
import io
import multiprocessing
import os
import time

import numpy as np
from PIL import Image, ImageFilter

import dataset
import synth
import synth_world
from models import CTX_H, CTX_W, DET_H, DET_W, READER_H, READER_W, STATE_H, STATE_W

MAX_BOXES = 6


def gray(img):
    return img.convert("L")


JITTER = (0.08, 0.12)


def reader_crop(img, box, rng=None, margin=(0.08, 0.15), size=(READER_W, READER_H)):
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
    return np.asarray(crop.resize(size, Image.BILINEAR), dtype=np.uint8)


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


def paste_plate(rng, canvas, boxes, foreign=None):
    """Pastes a synthetic plate where it overlaps nothing: US-shaped (1.7-2.3 wide to 1 tall), or,
    with `foreign` = (share, layout names), that share of the time a synth_world plate at its own
    proportions (EU and Swiss 4.5-4.7, Brazilian 3, two-row plates 1.2-1.4), so the detector learns
    to frame the whole of a plate of another shape instead of the US-shaped part of it."""
    if foreign and rng.random() < foreign[0]:
        plate, _, _ = synth_world.render_plate(rng, layouts=foreign[1])
        aspect = plate.size[0] / plate.size[1] * rng.uniform(0.92, 1.08)
        plate = synth.degrade(rng, plate)
        pw = int(rng.uniform(14, 40 + 30 * aspect))
    else:
        plate, _, _ = synth.render_plate(rng)
        plate = synth.degrade(rng, plate)
        pw = int(rng.uniform(14, 120))
        aspect = rng.uniform(1.7, 2.3)
    ph = max(6, int(pw / aspect))
    if pw >= DET_W or ph >= DET_H:
        return
    for _ in range(20):
        x, y = int(rng.integers(0, DET_W - pw)), int(rng.integers(0, DET_H - ph))
        if all(x + pw < b[0] or b[0] + b[2] < x or y + ph < b[1] or b[1] + b[3] < y for b in boxes):
            small = np.asarray(plate.convert("L").resize((pw, ph), Image.BILINEAR), np.float32)
            small = (small - 128) * rng.uniform(0.5, 1.2) + 128 + rng.uniform(-50, 30)
            canvas[y:y + ph, x:x + pw] = small.clip(0, 255).astype(np.uint8)
            boxes.append((x, y, pw, ph))
            return


SEG_MARGIN, PHOTO_MARGIN = (-0.02, -0.02), (0.08, 0.15)


def real_plates(root):
    """Every development plate as (split, image, box, text, state code, crop margin): the
    seg_and_ocr crops (the whole crop is the box, state known) and the plates of the endtoend
    photographs (state unknown). EU plates are trained on but not part of validation. The locked
    test split is left out: it is neither trained on nor used to pick a checkpoint."""
    for path, state, text in dataset.seg_and_ocr(root):
        if dataset.is_locked(os.path.basename(path)):
            continue
        img = Image.open(path)
        split = dataset.split_of(os.path.basename(path))
        # Validation reads the crop as given; training trims a little and jitters.
        yield split, img, (0, 0, img.width, img.height), text, state, (0, 0) if split == "val" else SEG_MARGIN
    for country in ("us", "eu"):
        for path, plates in dataset.endtoend(root, country):
            if dataset.is_locked(os.path.basename(path)):
                continue
            img = Image.open(path)
            split = dataset.split_of(os.path.basename(path))
            if split == "val" and country != "us":
                continue
            for (x, y, w, h, text) in plates:
                yield split, img, (x, y, w, h), text, "", PHOTO_MARGIN


def context_canvas(img, box):
    """The plate with half its width and height of surroundings on each side, resized so that the
    box fills CTX_BOX of a CTX_W x CTX_H canvas; beyond the photo's edge its edge pixels repeat.
    train.py cuts jittered reader crops from these while training (augment.cut_plates)."""
    x, y, w, h = box
    pad = int(max(w, h)) + 2
    g = np.pad(np.asarray(gray(img), np.uint8), pad, mode="edge")
    x0, y0 = x - w / 2 + pad, y - h / 2 + pad
    crop = Image.fromarray(g).crop((int(round(x0)), int(round(y0)), int(round(x0 + 2 * w)), int(round(y0 + 2 * h))))
    return np.asarray(crop.resize((CTX_W, CTX_H), Image.BILINEAR), dtype=np.uint8)


def build_reader_context(args):
    """reader_context.npz: the real training plates as context canvases (a few MB, what a GPU run
    carries; the synthetic samples are rendered where the training runs) and the same validation
    crops as reader.npz."""
    ctx_x, ctx_y, ctx_s, ctx_m, val_x, val_y, val_s = [], [], [], [], [], [], []
    for split, img, box, text, state, margin in real_plates(args.dataset):
        if split == "val":
            val_x.append(reader_crop(img, box, margin=margin)); val_y.append(text); val_s.append(state)
        else:
            ctx_x.append(context_canvas(img, box)); ctx_y.append(text); ctx_s.append(state); ctx_m.append(margin)
    print(f"reader context: {len(ctx_x)} real plates, {len(val_x)} val", flush=True)
    np.savez_compressed(os.path.join(args.out, "reader_context.npz"), ctx_x=np.stack(ctx_x), ctx_y=np.array(ctx_y), ctx_s=np.array(ctx_s),
                        ctx_m=np.array(ctx_m, np.float32), val_x=np.stack(val_x), val_y=np.array(val_y), val_s=np.array(val_s))


def _synth_chunk(seed, count, lookalike, foreign=0.0, foreign_layouts=None):
    xs, texts, states = synth.reader_set(np.random.default_rng(seed), count, READER_W, READER_H, lookalike=lookalike,
                                         foreign=foreign, foreign_layouts=foreign_layouts)
    return np.stack(xs), texts, states


def build_world_test(args):
    """world_test.npz: --world-test crops of every foreign layout (synth_world), rendered with their
    own seed, for `world_eval.py`: the layouts left out of training (--foreign-exclude) stand in
    for a plate format the reader has never seen."""
    xs, ys, names = [], [], []
    for k, name in enumerate(synth_world.layout_names()):
        x, texts, _ = _synth_chunk(args.seed * 1000 + k, args.world_test, 0.0, 1.0, [name])
        xs.append(x); ys += texts; names += [name] * len(texts)
    np.savez(os.path.join(args.out, "world_test.npz"), x=np.concatenate(xs), y=np.array(ys), layout=np.array(names))
    print(f"world test: {len(ys)} crops of {len(synth_world.LAYOUTS)} layouts", flush=True)


def build_reader_synth(args):
    """reader_synth.npz: --reader-synth fresh synthetic crops rendered by --workers processes
    (seeded per chunk), stored uncompressed: it is made where the training runs, not carried."""
    n_chunks = args.workers * 4
    chunks = [args.reader_synth // n_chunks + (1 if k < args.reader_synth % n_chunks else 0) for k in range(n_chunks)]
    started = time.time()
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        foreign_layouts = synth_world.layout_names(exclude=args.foreign_exclude.split(",")) if args.foreign_share else None
        parts = pool.starmap(_synth_chunk, [(args.seed * 1000 + k, n, args.lookalike_share, args.foreign_share, foreign_layouts)
                                            for k, n in enumerate(chunks) if n])
    np.savez(os.path.join(args.out, "reader_synth.npz"), train_x=np.concatenate([p[0] for p in parts]),
             train_y=np.array([t for p in parts for t in p[1]]), train_s=np.array([s for p in parts for s in p[2]]))
    print(f"reader synth: {args.reader_synth} crops with {args.workers} processes ({time.time() - started:.0f}s)", flush=True)


def _state_chunk(seed, count, no_name):
    xs, states = synth.state_set(np.random.default_rng(seed), count, STATE_W, STATE_H, no_name=no_name)
    return np.stack(xs), states


def build_state_synth(args):
    """state.npz for the state classifier: --state-synth synthetic crops at STATE_W x STATE_H
    (state "" where the name was left off), rendered by --workers processes, and for monitoring
    only the `val` seg_and_ocr crops outside the locked split, read whole as the evaluation reads
    them. The real training plates come from reader_context.npz (--task reader-context)."""
    n_chunks = args.workers * 4
    chunks = [args.state_synth // n_chunks + (1 if k < args.state_synth % n_chunks else 0) for k in range(n_chunks)]
    started = time.time()
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        parts = pool.starmap(_state_chunk, [(args.seed * 1000 + k, n, args.no_name_share) for k, n in enumerate(chunks) if n])
    val_x, val_s = [], []
    for path, state, _ in dataset.seg_and_ocr(args.dataset):
        name = os.path.basename(path)
        if dataset.split_of(name) == "val" and not dataset.is_locked(name):
            img = Image.open(path)
            val_x.append(reader_crop(img, (0, 0, img.width, img.height), margin=(0, 0), size=(STATE_W, STATE_H))); val_s.append(state)
    np.savez(os.path.join(args.out, "state.npz"), train_x=np.concatenate([p[0] for p in parts]), train_s=np.array([s for p in parts for s in p[1]]),
             val_x=np.stack(val_x), val_s=np.array(val_s))
    print(f"state: {args.state_synth} synthetic crops with {args.workers} processes ({time.time() - started:.0f}s), {len(val_x)} val", flush=True)


def build_reader(args, rng):
    root = args.dataset
    train_x, train_y, train_s, val_x, val_y, val_s = [], [], [], [], [], []
    if args.reuse_synth:
        old = np.load(args.reuse_synth)
        synthetic = [i for i, s in enumerate(old["train_s"]) if s != "" and i < args.reader_synth_count_hint]
        train_x += list(old["train_x"][synthetic]); train_y += list(old["train_y"][synthetic]); train_s += list(old["train_s"][synthetic])
        print(f"reader: reused {len(synthetic)} synthetic samples", flush=True)
    if not args.reuse_synth:
        xs, texts, states = synth.reader_set(rng, args.reader_synth, READER_W, READER_H, log_every=5000)
        train_x += xs; train_y += texts; train_s += states
    for split, img, box, text, state, margin in real_plates(root):
        if split == "val":
            val_x.append(reader_crop(img, box, margin=margin)); val_y.append(text); val_s.append(state)
        else:
            for _ in range(args.real_variants):
                train_x.append(photometric(rng, reader_crop(img, box, rng, margin=margin))); train_y.append(text); train_s.append(state)
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

    # --det-foreign-share 0 (the default) draws nothing more from rng: earlier seeds give the same sets.
    foreign = None
    if args.det_foreign_share > 0:
        excluded = [n for n in args.foreign_exclude.split(",") if n]
        foreign = (args.det_foreign_share, synth_world.layout_names(excluded) + synth_world.layout_names(excluded, two_row=True))
    t = time.time()
    loaded = [(Image.open(p).convert("L"), [pl[:4] for pl in plates]) for p, plates in train]
    for i in range(args.det_real):
        img, plates = loaded[int(rng.integers(0, len(loaded)))]
        arr, boxes = random_view(rng, img, plates)
        if rng.random() < 0.5:
            paste_plate(rng, arr, boxes, foreign)
        add(photometric(rng, arr), boxes)
    for i in range(args.det_synth):
        arr = procedural_background(rng)
        boxes = []
        for _ in range(int(rng.integers(0, 4))):
            paste_plate(rng, arr, boxes, foreign)
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
    ap.add_argument("--task", choices=["reader", "reader-context", "reader-synth", "reader-world-test", "state", "detector", "all"], default="all")
    ap.add_argument("--reader-synth", type=int, default=60000)
    ap.add_argument("--workers", type=int, default=2, help="reader-synth: rendering processes")
    ap.add_argument("--lookalike-share", type=float, default=0.0, help="reader-synth: share of look-alike plates (synth.random_text)")
    ap.add_argument("--foreign-share", type=float, default=0.0, help="reader-synth: share of plates of other countries' designs (synth_world)")
    ap.add_argument("--foreign-exclude", default="", help="reader-synth, detector: synth_world layouts left out of training, comma-separated")
    ap.add_argument("--det-foreign-share", type=float, default=0.0, help="detector: share of pasted plates drawn from synth_world at their own proportions")
    ap.add_argument("--world-test", type=int, default=300, help="reader-world-test: crops per foreign layout")
    ap.add_argument("--state-synth", type=int, default=40000, help="state: synthetic crops for the state classifier")
    ap.add_argument("--no-name-share", type=float, default=0.1, help="state: share of synthetic plates drawn without their state name (unknown)")
    ap.add_argument("--real-variants", type=int, default=12)
    ap.add_argument("--reuse-synth", default="", help="take the synthetic reader samples from an earlier reader.npz")
    ap.add_argument("--reader-synth-count-hint", type=int, default=60000, help="with --reuse-synth: how many leading samples are synthetic")
    ap.add_argument("--det-real", type=int, default=4000)
    ap.add_argument("--det-synth", type=int, default=2000)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.task in ("reader", "all"):
        build_reader(args, np.random.default_rng(args.seed))
    if args.task == "reader-context":
        build_reader_context(args)
    if args.task == "reader-synth":
        build_reader_synth(args)
    if args.task == "reader-world-test":
        build_world_test(args)
    if args.task == "state":
        build_state_synth(args)
    if args.task in ("detector", "all"):
        build_detector(args, np.random.default_rng(args.seed + 1))


if __name__ == "__main__":
    main()
