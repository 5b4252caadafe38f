"""Foreign plates inside real scenes: the US development photographs with each US plate covered
by a plate of one of synth_world's layouts, so the whole pipeline (detector box, crops, readers)
can be measured on a design it was not built for (issue 22: detection 99.1%, top-1 24.6% on a real
unseen format).

    /usr/bin/python3 inference/training/paste_world.py --layout br --out /tmp/pasted/endtoend/br
    npm run eval -- --dataset /tmp/pasted/endtoend/br --split all --json --mistakes

Reads ../shared/datasets/openalpr-benchmarks/endtoend/us in place and writes, to --out (outside the
repository: the copies are the benchmark's photographs), each photograph under its own name with
the plate replaced, and its .txt with the new box and text; the same names keep the evaluation's
split (`all` leaves the locked split out, as on the US set). The plate is drawn by
synth_world.render_plate at its layout's own proportions, as tall as the US plate's box and centred
on it (so a 3:1 Brazilian plate is half as wide again as the US plate it covers), brightened or
darkened to the photograph's plate, shrunk with antialiasing, lightly blurred and noised, and the
photograph saved as JPEG again. `--tilt` adds a mild perspective (corner jitter, a share of the
plate's height); the truth box is then the warped plate's bounding box. Every draw comes from a
generator seeded by the layout, the file name and --seed, so a command gives the same set.

Caveat: the scenes are the development photographs, most of them in the detector's and readers'
training split; the plates are new. Use it to find what the pipeline does with a foreign design
(box, crop, length limits), not as an accuracy figure.
"""
import argparse
import hashlib
import os

import numpy as np
from PIL import Image, ImageFilter

import dataset
import synth
import synth_world


def rng_for(layout, name, k, seed):
    digest = hashlib.sha256(f"{layout}:{name}:{k}:{seed}".encode()).hexdigest()
    return np.random.default_rng(int(digest[:16], 16))


def luminance(arr):
    return arr[..., 0] * 0.299 + arr[..., 1] * 0.587 + arr[..., 2] * 0.114


def warp(rng, plate, tilt):
    """The plate with its corners jittered by up to `tilt` of its height (RGBA, transparent outside)."""
    w, h = plate.size
    j = lambda: rng.uniform(-tilt, tilt) * h  # noqa: E731
    dst = [(j(), j()), (w + j(), j()), (w + j(), h + j()), (j(), h + j())]
    xs, ys = [p[0] for p in dst], [p[1] for p in dst]
    x0, y0 = min(xs), min(ys)
    dst = [(x - x0, y - y0) for x, y in dst]
    out_w, out_h = int(np.ceil(max(xs) - x0)), int(np.ceil(max(ys) - y0))
    return plate.convert("RGBA").transform((out_w, out_h), Image.PERSPECTIVE, synth.homography(dst, w, h), Image.BICUBIC, fillcolor=(0, 0, 0, 0))


def paste_one(rng, photo, box, layout, tilt):
    """Covers box (x, y, w, h) of photo (RGB, changed in place) with a plate of `layout`: (new box, text)."""
    x, y, w, h = box
    plate, text, _ = synth_world.render_plate(rng, layout=layout)
    # The photograph's light on its plate: the bright part of the plate (its background) sets the
    # drawn plate's, as a multiplier, so shade and night frames stay dark.
    region = np.asarray(photo.crop((x, y, x + w, y + h)), dtype=np.float32)
    drawn = np.asarray(plate, dtype=np.float32)
    gain = np.clip(np.percentile(luminance(region), 90) / max(1.0, np.percentile(luminance(drawn), 90)), 0.3, 1.15)
    plate = Image.fromarray((drawn * gain).clip(0, 255).astype(np.uint8))
    th = h
    tw = max(4, int(round(th * plate.width / plate.height)))
    plate = plate.resize((tw, th), Image.LANCZOS)
    if tilt > 0:
        plate = warp(rng, plate, tilt)
    else:
        plate = plate.convert("RGBA")
    # Camera softness and sensor noise at the photograph's scale.
    rgb = plate.convert("RGB").filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    arr = np.asarray(rgb, dtype=np.float32) + rng.normal(0, rng.uniform(1.0, 4.0), (rgb.height, rgb.width, 1))
    rgb = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    alpha = plate.getchannel("A")
    left = int(round(x + w / 2 - plate.width / 2))
    top = int(round(y + h / 2 - plate.height / 2))
    photo.paste(rgb, (left, top), alpha)
    bbox = alpha.getbbox() or (0, 0, plate.width, plate.height)
    x0, y0 = max(0, left + bbox[0]), max(0, top + bbox[1])
    x1, y1 = min(photo.width, left + bbox[2]), min(photo.height, top + bbox[3])
    return (x0, y0, x1 - x0, y1 - y0), text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layout", required=True, choices=sorted(synth_world.ALL_LAYOUTS))
    ap.add_argument("--out", required=True, help="a folder outside the repository")
    ap.add_argument("--root", default=dataset.DEFAULT_ROOT)
    ap.add_argument("--country", default="us", help="endtoend/<country> to paste into")
    ap.add_argument("--tilt", type=float, default=0.0, help="corner jitter, a share of the plate's height (0: none; 0.05: mild)")
    ap.add_argument("--quality", type=int, default=92, help="JPEG quality of the saved photograph")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    out = dataset.output_folder(args.out)
    items = dataset.endtoend(args.root, args.country)
    for path, plates in items:
        name = os.path.basename(path)
        photo = Image.open(path).convert("RGB")
        lines = []
        for k, (x, y, w, h, _) in enumerate(plates):
            (nx, ny, nw, nh), text = paste_one(rng_for(args.layout, name, k, args.seed), photo, (x, y, w, h), args.layout, args.tilt)
            lines.append(f"{name}\t{nx}\t{ny}\t{nw}\t{nh}\t{text}")
        photo.save(os.path.join(out, name), "JPEG", quality=args.quality)
        with open(os.path.join(out, os.path.splitext(name)[0] + ".txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
    print(f"{len(items)} photographs, layout {args.layout}, to {out}")


if __name__ == "__main__":
    main()
