"""The development photographs (../shared/datasets/openalpr-benchmarks), read in place.

They are split deterministically by a hash of the file name: `val` (about 20%) is never trained
on, so the figures measured on it are honest development numbers; the benchmark's own held-out
part stays with the maintainers. Nothing here is copied into the repository.
"""
import csv
import hashlib
import os

DEFAULT_ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "datasets", "openalpr-benchmarks")


def output_folder(out):
    """--out made absolute and created, for a script that writes altered copies of the benchmark's
    photographs: refused inside the repository, where they must never be committed."""
    out = os.path.abspath(out)
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    if out == repo or out.startswith(repo + os.sep):
        raise SystemExit("--out must lie outside the repository: the photographs are not committed")
    os.makedirs(out, exist_ok=True)
    return out


def split_of(name):
    return "val" if int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % 5 == 0 else "train"


def is_locked(name):
    """The locked test split (inference/evaluate.ts isLocked): about half of `val`, scored once to
    report and never looked at while developing, so it is kept out of every monitoring set too."""
    return split_of(name) == "val" and int(hashlib.sha256(f"locked:{name}".encode()).hexdigest()[:8], 16) % 2 == 0


def endtoend(root, country):
    """[(image path, [(x, y, w, h, text)])] for one endtoend/<country> folder."""
    folder = os.path.join(root, "endtoend", country)
    items = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        plates = []
        image = None
        for line in open(os.path.join(folder, name)).read().strip().splitlines():
            parts = line.split("\t")
            if len(parts) < 6:
                continue
            image = parts[0]
            x, y, w, h = (int(v) for v in parts[1:5])
            plates.append((x, y, w, h, parts[5].upper().replace(" ", "").replace("-", "")))
        if image and plates:
            items.append((os.path.join(folder, image), plates))
    return items


def seg_and_ocr(root):
    """[(crop path, state code, text)] for seg_and_ocr."""
    folder = os.path.join(root, "seg_and_ocr")
    rows = []
    with open(os.path.join(folder, "groundtruth.csv")) as f:
        for row in csv.reader(f):
            if len(row) >= 3 and row[0].endswith(".png"):
                rows.append((os.path.join(folder, "usimages", row[0]), row[1].upper(), row[2].upper().replace(" ", "").replace("-", "")))
    return rows
