"""Synthetic US licence plates, of the project's own drawing.

Plates are rendered with PIL from a small catalogue of layout traits seen on US plates (light or
coloured backgrounds, dark or coloured characters, the state name above or below, a slogan line,
a frame, stacked characters, a centre graphic) and then degraded the way roadside cameras degrade
them: perspective, blur, low resolution, IR-like high contrast, JPEG artefacts, dirt, shadows and
partial occlusion. Everything comes from a seeded numpy Generator, so a seed gives the same set.
Fonts: Debian's DejaVu, URW base35 (Nimbus Sans Narrow is close to many plate faces), Liberation
and FreeFont packages (see README.md in this folder).
"""
import glob
import math
import os
import time

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

STATES = {
    "AL": "ALABAMA", "AK": "ALASKA", "AZ": "ARIZONA", "AR": "ARKANSAS", "CA": "CALIFORNIA", "CO": "COLORADO",
    "CT": "CONNECTICUT", "DE": "DELAWARE", "DC": "DISTRICT OF COLUMBIA", "FL": "FLORIDA", "GA": "GEORGIA",
    "HI": "HAWAII", "ID": "IDAHO", "IL": "ILLINOIS", "IN": "INDIANA", "IA": "IOWA", "KS": "KANSAS",
    "KY": "KENTUCKY", "LA": "LOUISIANA", "ME": "MAINE", "MD": "MARYLAND", "MA": "MASSACHUSETTS",
    "MI": "MICHIGAN", "MN": "MINNESOTA", "MS": "MISSISSIPPI", "MO": "MISSOURI", "MT": "MONTANA",
    "NE": "NEBRASKA", "NV": "NEVADA", "NH": "NEW HAMPSHIRE", "NJ": "NEW JERSEY", "NM": "NEW MEXICO",
    "NY": "NEW YORK", "NC": "NORTH CAROLINA", "ND": "NORTH DAKOTA", "OH": "OHIO", "OK": "OKLAHOMA",
    "OR": "OREGON", "PA": "PENNSYLVANIA", "RI": "RHODE ISLAND", "SC": "SOUTH CAROLINA", "SD": "SOUTH DAKOTA",
    "TN": "TENNESSEE", "TX": "TEXAS", "UT": "UTAH", "VT": "VERMONT", "VA": "VIRGINIA", "WA": "WASHINGTON",
    "WV": "WEST VIRGINIA", "WI": "WISCONSIN", "WY": "WYOMING",
}
STATE_CODES = sorted(STATES)

# Character patterns common on US passenger plates (L letter, D digit); vanity-like random ones too.
PATTERNS = ["LLLDDDD", "DLLLDDD", "LLDDDDD", "DDDLLL", "LLLDDD", "DLLDDD", "LDDLLL", "DDDDLL", "LLDLDD",
            "DDDLLLL", "LLLLDDD", "DDLLDD", "LDDDDLL", "DDDDDD", "LLDDLL", "DLDDDD", "DDLLLD"]
SLOGANS = ["LAND OF LINCOLN", "SUNSHINE STATE", "EMPIRE STATE", "THE GREAT LAKE STATE", "LIVE FREE OR DIE",
           "GARDEN STATE", "DRIVE SAFELY", "BIRTHPLACE OF AVIATION", "THE NATURAL STATE", "EXPLORE",
           "AMERICA'S DAIRYLAND", "GRAND CANYON STATE", "COUNTY", "VOLUNTEER STATE", "", "", ""]


def font_files():
    # ALPR_SYNTH_FONTS names a folder holding copies of these files, for a machine (a lent GPU)
    # without the Debian font packages.
    folder = os.environ.get("ALPR_SYNTH_FONTS")
    if folder:
        return sorted(f for f in glob.glob(os.path.join(folder, "*")) if f.endswith((".ttf", ".otf")))
    pats = ["/usr/share/fonts/truetype/dejavu/DejaVuSans*Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed*.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", "/usr/share/fonts/opentype/urw-base35/NimbusSans*-Bold.otf",
            "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-*.otf", "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans*Bold.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSansNarrow*.ttf",
            "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf", "/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"]
    files = sorted({f for p in pats for f in glob.glob(p) if "Oblique" not in f and "Italic" not in f})
    if not files:
        raise SystemExit("no fonts found: apt-get install fonts-dejavu fonts-urw-base35 fonts-liberation2 fonts-freefont-ttf")
    return files


FONTS = font_files()
_font_cache = {}


def font(path, size):
    key = (path, size)
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(path, size)
    return _font_cache[key]


# Characters that plate readers confuse with one another (O/0/Q/D, I/1, B/8, S/5, Z/2, G/6, M/W/N/H):
# a look-alike plate draws its letters and digits from these only, so the reader has to tell them
# apart by their shapes rather than by how common each is on plates.
LOOKALIKE_LETTERS = "ODQUCGBSZIJTMWNHKXVY"
LOOKALIKE_DIGITS = "0185264"


def random_text(rng, lookalike=False):
    letters, digits = (LOOKALIKE_LETTERS, LOOKALIKE_DIGITS) if lookalike else (ALPHABET[10:], ALPHABET[:10])
    if rng.random() < 0.12:  # vanity / irregular
        n = int(rng.integers(2, 8))
        pool = letters + digits if lookalike else ALPHABET
        return "".join(pool[int(rng.integers(0, len(pool)))] for _ in range(n))
    pattern = PATTERNS[int(rng.integers(0, len(PATTERNS)))]
    out = []
    for c in pattern:
        out.append(digits[int(rng.integers(0, len(digits)))] if c == "D" else letters[int(rng.integers(0, len(letters)))])
    return "".join(out)


def rand_colour(rng, dark):
    if dark:
        choices = [(15, 15, 15), (20, 30, 90), (110, 20, 20), (10, 70, 30), (40, 40, 60)]
    else:
        choices = [(245, 245, 240), (235, 238, 245), (250, 245, 215), (240, 220, 120), (225, 235, 250), (210, 225, 210)]
    c = choices[int(rng.integers(0, len(choices)))]
    return tuple(int(np.clip(v + rng.integers(-15, 16), 0, 255)) for v in c)


def render_plate(rng, text=None, state=None, name_sizes=(16, 26), name_shown=True):
    """A clean plate image (RGB, about 2:1) and its text and state code. `name_sizes` bounds the
    state name's font size; `name_shown` False leaves the name off (the state classifier's
    "unknown"). The defaults draw exactly as before, so earlier seeds give the same sets."""
    text = text or random_text(rng)
    state = state or STATE_CODES[int(rng.integers(0, len(STATE_CODES)))]
    W, H = 300, 150
    bg = rand_colour(rng, dark=False)
    inverse = rng.random() < 0.07  # light characters on a dark plate
    fg = rand_colour(rng, dark=True)
    if inverse:
        bg, fg = fg, bg
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    if rng.random() < 0.4:  # gradient / scenic band
        band = rand_colour(rng, dark=rng.random() < 0.3)
        y0 = int(rng.integers(0, H))
        for y in range(H):
            a = math.exp(-((y - y0) / (H * 0.35)) ** 2) * 0.45
            col = tuple(int(bg[i] * (1 - a) + band[i] * a) for i in range(3))
            d.line([(0, y), (W, y)], fill=col)
    if rng.random() < 0.7:
        d.rounded_rectangle([2, 2, W - 3, H - 3], radius=10, outline=fg, width=int(rng.integers(2, 6)))
    accent = rand_colour(rng, dark=True)
    name = STATES[state]
    f_small = font(FONTS[int(rng.integers(0, len(FONTS)))], int(rng.integers(*name_sizes)))
    top_name = rng.random() < 0.75
    y_name = 8 if top_name else H - 34
    if name_shown:
        d.text((W / 2, y_name + 12), name, font=f_small, fill=accent, anchor="mm")
    slogan = SLOGANS[int(rng.integers(0, len(SLOGANS)))]
    if slogan:
        f_sl = font(FONTS[int(rng.integers(0, len(FONTS)))], int(rng.integers(11, 17)))
        d.text((W / 2, (H - 16) if top_name else 18), slogan, font=f_sl, fill=accent, anchor="mm")
    # Main characters: fill the middle band, stretched to a plate-like aspect.
    fpath = FONTS[int(rng.integers(0, len(FONTS)))]
    size = 80
    f_main = font(fpath, size)
    shown = text
    if len(text) >= 6 and rng.random() < 0.35:
        cut = int(rng.integers(2, len(text) - 1))
        shown = text[:cut] + (" " if rng.random() < 0.6 else "-") + text[cut:]
    bbox = d.textbbox((0, 0), shown, font=f_main)
    tw, th = bbox[2] - bbox[0], bbox[3] - bbox[1]
    glyphs = Image.new("L", (tw + 8, th + 8), 0)
    ImageDraw.Draw(glyphs).text((4 - bbox[0], 4 - bbox[1]), shown, font=f_main, fill=255)
    target_h = int(H * rng.uniform(0.42, 0.58))
    target_w = int(min(W * rng.uniform(0.78, 0.94), glyphs.width * target_h / glyphs.height * rng.uniform(0.8, 1.25)))
    glyphs = glyphs.resize((max(8, target_w), max(8, target_h)), Image.BILINEAR)
    gx = (W - glyphs.width) // 2 + int(rng.integers(-8, 9))
    gy = (H - glyphs.height) // 2 + int(rng.integers(-4, 8))
    img.paste(Image.new("RGB", glyphs.size, fg), (gx, gy), glyphs)
    if rng.random() < 0.3:  # registration sticker
        sx = int(rng.choice([8, W - 50]))
        d.rectangle([sx, 10, sx + 40, 34], fill=rand_colour(rng, dark=rng.random() < 0.5))
    for sx in (int(W * 0.25), int(W * 0.75)):  # mounting bolts
        if rng.random() < 0.5:
            for sy in (12, H - 12):
                d.ellipse([sx - 5, sy - 5, sx + 5, sy + 5], fill=(150, 150, 150))
    return img, text, state


def degrade(rng, img):
    """Camera-like damage to a plate-sized image (RGB in, RGB out)."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    if rng.random() < 0.3:  # dirt
        for _ in range(int(rng.integers(3, 30))):
            x, y = rng.integers(0, w), rng.integers(0, h)
            r = int(rng.integers(1, 7))
            c = int(rng.integers(60, 160))
            d.ellipse([x - r, y - r, x + r, y + r], fill=(c, c - 10, c - 20))
    if rng.random() < 0.12:  # partial occlusion (tow ball, plate frame, bike rack)
        x0 = int(rng.integers(0, w))
        bw = int(rng.integers(5, max(6, w // 6)))
        d.rectangle([x0, int(rng.integers(0, h // 2)), x0 + bw, h], fill=tuple(int(v) for v in rng.integers(0, 90, 3)))
    if rng.random() < 0.3:  # shadow
        a = rng.uniform(0.3, 0.7)
        x0 = int(rng.integers(0, w))
        arr = np.asarray(img).astype(np.float32)
        arr[:, x0:] *= a
        img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    return img


def perspective(rng, img, out_w, out_h, margin):
    """Warps the plate into an out_w x out_h crop with jittered margins, as a detector box would cut it."""
    w, h = img.size
    j = lambda s: rng.uniform(-s, s)  # noqa: E731
    # Destination corners of the plate inside the output crop.
    mx, my = out_w * margin, out_h * margin
    dst = [(mx + j(mx * 0.9), my + j(my * 0.9)), (out_w - mx + j(mx * 0.9), my + j(my * 0.9)),
           (out_w - mx + j(mx * 0.9), out_h - my + j(my * 0.9)), (mx + j(mx * 0.9), out_h - my + j(my * 0.9))]
    fill = tuple(int(v) for v in rng.integers(0, 255, 3))
    return img.transform((out_w, out_h), Image.PERSPECTIVE, homography(dst, w, h), Image.BILINEAR, fillcolor=fill)


def homography(dst, w, h):
    """PIL's PERSPECTIVE coefficients mapping output pixels back to a w x h image whose corners
    (top-left, top-right, bottom-right, bottom-left) land on `dst` (PIL wants out->in)."""
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return tuple(np.linalg.solve(np.array(A, dtype=np.float64), np.array(B, dtype=np.float64)))


def camera_effects(rng, img):
    """Whole-image effects: resolution loss, blur, IR look, noise, JPEG."""
    w, h = img.size
    if rng.random() < 0.5:
        s = rng.uniform(0.25, 0.8)
        img = img.resize((max(8, int(w * s)), max(4, int(h * s))), Image.BILINEAR).resize((w, h), Image.BILINEAR)
    if rng.random() < 0.4:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.6)))
    if rng.random() < 0.15:  # motion blur, horizontal
        k = int(rng.integers(2, 6))
        arr = np.asarray(img).astype(np.float32)
        arr = sum(np.roll(arr, s, axis=1) for s in range(k)) / k
        img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    arr = np.asarray(img.convert("L")).astype(np.float32)
    if rng.random() < 0.25:  # IR: retroreflective plate glows, everything else dark, high contrast
        arr = (arr - arr.mean()) * rng.uniform(1.5, 2.5) + rng.uniform(110, 170)
    else:
        arr = (arr - 128) * rng.uniform(0.5, 1.3) + 128 + rng.uniform(-50, 40)
    arr += rng.normal(0, rng.uniform(0, 10), arr.shape)
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if rng.random() < 0.5:
        import io
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=int(rng.integers(20, 90)))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return img


def reader_sample(rng, out_w, out_h, text=None, world=None, **plate):
    """One synthetic reader input (grayscale crop) with its text and state code (`plate`: render_plate's
    options). `world`: a list of synth_world layouts to draw a foreign plate of one of them instead."""
    if world:
        import synth_world  # here, not at the top: synth_world imports this module
        img, text, state = synth_world.render_plate(rng, layouts=world, **plate)
    else:
        img, text, state = render_plate(rng, text, **plate)
    img = degrade(rng, img)
    img = perspective(rng, img, out_w * 2, out_h * 2, margin=rng.uniform(0.02, 0.12))
    img = camera_effects(rng, img).resize((out_w, out_h), Image.BILINEAR)
    return np.asarray(img, dtype=np.uint8), text, state


def reader_set(rng, count, out_w, out_h, log_every=0, lookalike=0.0, foreign=0.0, foreign_layouts=None):
    """`count` reader samples rendered at twice out_w x out_h and downsized, as the reader sees
    them: (N x out_h x out_w uint8, texts, state codes). A `lookalike` share of them are look-alike
    plates (random_text), and a `foreign` share are plates of other countries' designs
    (synth_world; `foreign_layouts` names the layouts, default all), look-alike at the same share."""
    xs, texts, states = [], [], []
    started = time.time()
    for i in range(count):
        # (No draw at all when a share is 0, so earlier seeds still give the same sets.)
        if foreign and rng.random() < foreign:
            import synth_world  # here, not at the top: synth_world imports this module
            arr, text, state = reader_sample(rng, out_w * 2, out_h * 2, world=foreign_layouts or synth_world.layout_names(),
                                             lookalike=bool(lookalike) and rng.random() < lookalike)
        else:
            forced = random_text(rng, lookalike=True) if lookalike and rng.random() < lookalike else None
            arr, text, state = reader_sample(rng, out_w * 2, out_h * 2, forced)
        xs.append(np.asarray(Image.fromarray(arr).resize((out_w, out_h), Image.BILINEAR)))
        texts.append(text); states.append(state)
        if log_every and i % log_every == 0:
            print(f"reader synth {i} ({time.time() - started:.0f}s)", flush=True)
    return xs, texts, states


def state_set(rng, count, out_w, out_h, no_name=0.1, name_sizes=(14, 36)):
    """`count` crops for the state classifier, rendered like reader_set: (N x out_h x out_w uint8,
    state codes), "" where the plate was drawn without its state name (the classifier's unknown:
    a plate whose name cannot be seen must not be given a state). The names vary more in size
    than the reader's (`name_sizes`): real plates print them from small caps to large script.
    Warped at twice the output size, where reader_set warps at four times it: about a third of
    the rendering time (30 against 80 ms a crop on the shared machine)."""
    xs, states = [], []
    for _ in range(count):
        shown = rng.random() >= no_name
        arr, _, state = reader_sample(rng, out_w, out_h, name_sizes=name_sizes, name_shown=shown)
        xs.append(arr)
        states.append(state if shown else "")
    return xs, states
