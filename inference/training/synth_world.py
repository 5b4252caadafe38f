"""Synthetic plates of other countries' designs, so the reader learns characters rather than the
look of US plates (issue 22: "plate formats of several countries, synthesised").

Each layout is a catalogue entry drawn from the published design of a country's passenger plate:
its proportions, background, character patterns and separators, and the bands and header lines
printed beside the characters (the EU's blue band with the country letters, Mercosur's blue top
band, the old Brazilian grey plate with its city line, the Russian region box). None of the real
plate faces (FE-Schrift, Mandatory, DIN 1451) is packaged in Debian, so the characters are drawn
with synth.FONTS, condensed fonts weighted up as those faces are narrow.

Labels are the characters without separators (what `npm run eval` compares) and the state ""
(unknown: a foreign plate names no US state). Patterns: L letter, D digit, any other character is
printed but not part of the label ("-" dash, " " gap, "." a raised dot). The rendered image goes
through synth.degrade / perspective / camera_effects like the US ones (synth.reader_sample).
"""
import numpy as np
from PIL import Image, ImageDraw

import synth

BLUE = (20, 50, 150)

# name: size (w, h) in pixels at about 100 px tall, backgrounds, character height as a share of
# the plate, the bands, and the character patterns.
LAYOUTS = {
    "de": dict(size=(470, 100), bg=[(242, 242, 238)], band="eu", band_text=["D"], char_h=(0.6, 0.72),
               patterns=["L LL DDDD", "LL LL DDD", "LLL L DDDD", "LL L DD", "L L DDD", "LL LL DDDD"]),
    "fr": dict(size=(470, 100), bg=[(242, 242, 238)], band="eu", band_text=["F"], right_band=True, char_h=(0.6, 0.7),
               patterns=["LL-DDD-LL"]),
    "it": dict(size=(470, 100), bg=[(242, 242, 238)], band="eu", band_text=["I"], right_band=True, char_h=(0.6, 0.7),
               patterns=["LL DDDLL", "LL DDD LL"]),
    "es": dict(size=(470, 100), bg=[(242, 242, 238)], band="eu", band_text=["E"], char_h=(0.62, 0.72),
               patterns=["DDDD LLL", "DDDDLLL"]),
    "nl": dict(size=(470, 100), bg=[(240, 200, 40)], band="eu", band_text=["NL"], char_h=(0.6, 0.7),
               patterns=["LL-DDD-L", "D-LLL-DD", "DD-LLL-D", "LLL-DD-L", "L-DDD-LL"]),
    "pl": dict(size=(470, 100), bg=[(242, 242, 238)], band="eu", band_text=["PL"], char_h=(0.6, 0.7),
               patterns=["LL DDDDD", "LLL DDDD", "LL DDDLL", "LLL DDLL"]),
    "uk": dict(size=(470, 100), bg=[(242, 242, 238), (240, 200, 40)], band="eu-optional", band_text=["GB", "UK"], char_h=(0.62, 0.72),
               patterns=["LLDD LLL", "LDDD LLL", "LLL DDDL"]),
    "ch": dict(size=(450, 100), bg=[(242, 242, 238)], char_h=(0.6, 0.7),
               patterns=["LL DDDDDD", "LL DDDDD", "LL DDDD"]),
    "ru": dict(size=(460, 100), bg=[(242, 242, 238)], region_box=True, char_h=(0.6, 0.72),
               patterns=["LDDDLL"], letters="ABEKMHOPCTYX"),
    "br": dict(size=(380, 125), bg=[(190, 192, 190), (205, 205, 200), (175, 178, 176)], header="city", char_h=(0.48, 0.58),
               patterns=["LLL-DDDD", "LLL DDDD", "LLL.DDDD"]),
    "br-mercosul": dict(size=(380, 125), bg=[(242, 242, 238)], band="top", band_text=["BRASIL"], char_h=(0.5, 0.6),
                        patterns=["LLLDLDD"]),
    "ar-mercosul": dict(size=(380, 125), bg=[(242, 242, 238)], band="top", band_text=["REPUBLICA ARGENTINA", "ARGENTINA"], char_h=(0.5, 0.6),
                        patterns=["LL DDD LL"]),
    "ar": dict(size=(380, 125), bg=[(25, 25, 25)], fg=(235, 235, 235), header="country", header_text=["ARGENTINA"], char_h=(0.5, 0.6),
               patterns=["LLL DDD"]),
    "mx": dict(size=(300, 150), bg=[(240, 240, 236)], header="city", char_h=(0.4, 0.52),
               patterns=["LLL-DDD-L", "LLL-DD-DD", "LLL-DDDD"]),
    "au": dict(size=(372, 134), bg=[(242, 242, 238), (250, 245, 215)], header="city", char_h=(0.45, 0.56),
               patterns=["LLL-DDD", "DLL-DLL", "LLL DDL", "DLLL-DDD"]),
    "ca": dict(size=(300, 150), bg=[(242, 242, 238), (250, 245, 215)], header="city", char_h=(0.42, 0.54),
               patterns=["LLLL DDD", "LLL DDD", "DLLL DDD"]),
    "in": dict(size=(500, 110), bg=[(242, 242, 238), (240, 200, 40)], char_h=(0.55, 0.68),
               patterns=["LL DD LL DDDD", "LL DD L DDDD"]),
}

# Two-row plates ("/" breaks the row): the square EU and UK rear plates, Italian motorcycles. Kept
# apart from LAYOUTS so that layout_names() and the sets made from it before they existed stay the
# same for the same seeds; the reader is not trained on them (it reads one line): the runtime
# reads each row (inference/plateReader.ts), and `npm run eval` on these measures that.
TWO_ROW_LAYOUTS = {
    "de-2row": dict(size=(280, 200), bg=[(242, 242, 238)], band="eu", band_text=["D"], char_h=(0.3, 0.38),
                    patterns=["LL/LL DDD", "L/LL DDDD", "LLL/L DDD"]),
    "uk-2row": dict(size=(280, 203), bg=[(240, 200, 40), (242, 242, 238)], char_h=(0.3, 0.38),
                    patterns=["LLDD/LLL"]),
    "it-2row": dict(size=(230, 170), bg=[(242, 242, 238)], char_h=(0.3, 0.38),
                    patterns=["LL/DDDDD"]),
}
ALL_LAYOUTS = {**LAYOUTS, **TWO_ROW_LAYOUTS}

CITY_LINES = ["SAO PAULO - SP", "RIO DE JANEIRO - RJ", "CURITIBA - PR", "BELO HORIZONTE - MG", "PORTO ALEGRE - RS",
              "ONTARIO", "QUEBEC", "NEW SOUTH WALES", "VICTORIA", "QUEENSLAND", "JALISCO", "NUEVO LEON", "CDMX"]


def layout_names(exclude=(), two_row=False):
    return [n for n in (TWO_ROW_LAYOUTS if two_row else LAYOUTS) if n not in set(exclude)]


def random_text(rng, layout, lookalike=False):
    """(label, printed): a pattern of the layout filled in; look-alike plates draw from synth's pools."""
    spec = ALL_LAYOUTS[layout]
    letters = synth.LOOKALIKE_LETTERS if lookalike else spec.get("letters", synth.ALPHABET[10:])
    digits = synth.LOOKALIKE_DIGITS if lookalike else synth.ALPHABET[:10]
    pattern = spec["patterns"][int(rng.integers(0, len(spec["patterns"])))]
    printed = "".join(digits[int(rng.integers(0, len(digits)))] if c == "D" else letters[int(rng.integers(0, len(letters)))] if c == "L" else c
                      for c in pattern)
    return "".join(c for c in printed if c.isalnum()), printed


def _fonts(rng):
    """Plate faces are narrow: a condensed or narrow font half the time."""
    narrow = [f for f in synth.FONTS if "Narrow" in f or "Condensed" in f]
    pool = narrow if narrow and rng.random() < 0.5 else synth.FONTS
    return pool[int(rng.integers(0, len(pool)))]


def _draw_characters(rng, img, printed, box, fg, char_h):
    """Draws `printed` into box (x0, y0, x1, y1), as tall as char_h of the plate, no wider than the box."""
    x0, y0, x1, y1 = box
    f = synth.font(_fonts(rng), 80)
    probe = ImageDraw.Draw(img)
    bbox = probe.textbbox((0, 0), printed, font=f)
    tw, th = bbox[2] - bbox[0], bbox[3] - bbox[1]
    glyphs = Image.new("L", (tw + 8, th + 8), 0)
    ImageDraw.Draw(glyphs).text((4 - bbox[0], 4 - bbox[1]), printed, font=f, fill=255)
    target_h = int(img.height * rng.uniform(*char_h))
    target_w = int(min((x1 - x0) * rng.uniform(0.86, 0.97), glyphs.width * target_h / glyphs.height * rng.uniform(0.85, 1.2)))
    glyphs = glyphs.resize((max(8, target_w), max(8, target_h)), Image.BILINEAR)
    gx = x0 + (x1 - x0 - glyphs.width) // 2 + int(rng.integers(-4, 5))
    gy = y0 + (y1 - y0 - glyphs.height) // 2 + int(rng.integers(-3, 4))
    img.paste(Image.new("RGB", glyphs.size, fg), (gx, gy), glyphs)


def render_plate(rng, layout=None, text=None, lookalike=False, layouts=None):
    """A clean plate image of one layout (RGB), its label and state "" (no US state)."""
    names = layouts or list(LAYOUTS)
    layout = layout or names[int(rng.integers(0, len(names)))]
    spec = ALL_LAYOUTS[layout]
    label, printed = random_text(rng, layout, lookalike) if text is None else (text, text)
    w, h = spec["size"]
    w = int(w * rng.uniform(0.95, 1.05))
    bg = spec["bg"][int(rng.integers(0, len(spec["bg"])))]
    bg = tuple(int(np.clip(v + rng.integers(-12, 13), 0, 255)) for v in bg)
    fg = spec.get("fg", (int(rng.integers(5, 35)),) * 3)
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    left, top, right, bottom = 6, 6, w - 6, h - 6
    band = spec.get("band")
    if band == "eu-optional":
        band = "eu" if rng.random() < 0.5 else None
    small = synth.font(synth.FONTS[int(rng.integers(0, len(synth.FONTS)))], int(h * 0.22))
    if band == "eu":
        bw = int(w * 0.085)
        d.rectangle([3, 3, bw, h - 4], fill=BLUE)
        for k in range(12):  # the ring of stars
            a = 2 * np.pi * k / 12
            cx, cy, r = bw / 2 + 2, h * 0.3, h * 0.15
            d.ellipse([cx + r * np.cos(a) - 1.5, cy + r * np.sin(a) - 1.5, cx + r * np.cos(a) + 1.5, cy + r * np.sin(a) + 1.5], fill=(240, 210, 40))
        code = spec["band_text"][int(rng.integers(0, len(spec["band_text"])))]
        d.text((bw / 2 + 2, h * 0.75), code, font=small, fill=(245, 245, 245), anchor="mm")
        left = bw + 6
    if spec.get("right_band"):
        bw = int(w * 0.085)
        d.rectangle([w - bw, 3, w - 4, h - 4], fill=BLUE)
        d.text((w - bw / 2, h * 0.7), f"{int(rng.integers(1, 96)):02d}", font=small, fill=(245, 245, 245), anchor="mm")
        right = w - bw - 6
    if band == "top":
        bh = int(h * 0.2)
        d.rectangle([3, 3, w - 4, bh], fill=BLUE)
        name = spec["band_text"][int(rng.integers(0, len(spec["band_text"])))]
        d.text((w / 2, bh / 2 + 2), name, font=synth.font(synth.FONTS[0], int(bh * 0.7)), fill=(245, 245, 245), anchor="mm")
        top = bh + 4
    header = spec.get("header")
    if header:
        lines = spec.get("header_text", CITY_LINES)
        hh = int(h * 0.2)
        d.text((w / 2, top + hh / 2), lines[int(rng.integers(0, len(lines)))], font=synth.font(synth.FONTS[int(rng.integers(0, len(synth.FONTS)))], int(hh * 0.75)),
               fill=fg, anchor="mm")
        top += hh
    if spec.get("region_box"):
        rw = int(w * 0.2)
        d.rectangle([w - rw, 6, w - 7, h - 7], outline=fg, width=3)
        region = "".join(str(int(rng.integers(0, 10))) for _ in range(int(rng.integers(2, 4))))
        d.text((w - rw / 2, h * 0.4), region, font=synth.font(_fonts(rng), int(h * 0.45)), fill=fg, anchor="mm")
        d.text((w - rw / 2, h * 0.8), "RUS", font=small, fill=fg, anchor="mm")
        label += region
        right = w - rw - 6
    rows = printed.split("/")
    for k, row in enumerate(rows):  # one band of the plate per row, top to bottom
        band_top = top + (bottom - top) * k // len(rows)
        _draw_characters(rng, img, row, (left, band_top, right, top + (bottom - top) * (k + 1) // len(rows)), fg, spec["char_h"])
    d.rectangle([1, 1, w - 2, h - 2], outline=fg, width=int(rng.integers(1, 4)))
    for bx in (int(w * 0.15), int(w * 0.85)):  # mounting screws
        if rng.random() < 0.4:
            d.ellipse([bx - 4, h / 2 - 4 - h * 0.38, bx + 4, h / 2 + 4 - h * 0.38], fill=(150, 150, 150))
    return img, label, ""
