"""The distant set: the US development photographs' plates as small as a 1080p pole camera sees
them, for judging a detector change on more than the photographs it was tuned on (model card, "A
narrower detector, distilled" and "A pruned detector").

    /usr/bin/python3 inference/training/distant_set.py --out /tmp/distant/us
    npm run eval -- --dataset /tmp/distant/us --split all --json --mistakes --models DIR

Each 1280x720 photograph of endtoend/us (101 of them; the others have other sizes and are left
out) is pasted at its own size into a copy of itself enlarged to 1920x1080 and blurred (Gaussian,
radius 12), at a random offset (x in 0..640, y in 0..360, one generator seeded with --seed drawn
in file-name order), saved as JPEG at quality 92, with its boxes shifted to match. The folder is
named `us` so the evaluation reads it as a US site and keeps the locked split out of `all` (90
photographs scored). The photographs are the benchmark's: --out must lie outside the repository.
"""
import argparse
import os
import random

from PIL import Image, ImageFilter

import dataset

SIZE = (1280, 720)
FRAME = (1920, 1080)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="a folder outside the repository, named us")
    ap.add_argument("--root", default=dataset.DEFAULT_ROOT)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    out = dataset.output_folder(args.out)
    rng = random.Random(args.seed)
    made = 0
    for path, plates in dataset.endtoend(args.root, "us"):
        photo = Image.open(path).convert("RGB")
        if photo.size != SIZE:
            continue
        frame = photo.resize(FRAME).filter(ImageFilter.GaussianBlur(12))
        ox, oy = rng.randint(0, FRAME[0] - SIZE[0]), rng.randint(0, FRAME[1] - SIZE[1])
        frame.paste(photo, (ox, oy))
        name = os.path.basename(path)
        frame.save(os.path.join(out, name), "JPEG", quality=92)
        lines = [f"{name}\t{x + ox}\t{y + oy}\t{w}\t{h}\t{text}" for x, y, w, h, text in plates]
        with open(os.path.join(out, os.path.splitext(name)[0] + ".txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
        made += 1
    print(f"{made} photographs to {out}")


if __name__ == "__main__":
    main()
