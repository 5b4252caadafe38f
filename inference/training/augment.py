"""Reader training batches made on the training device (CPU or GPU), so every step sees fresh
variety without a precomputed array of variants:

- cut_plates: reader crops cut from real plates kept with context (prepare.context_canvas), the
  box jittered as the detector's boxes are off (the same jitter as prepare.reader_crop) and
  turned a few degrees;
- nudge: a small shift and scale of samples that are already reader crops (the synthetic ones);
- photometric: contrast, IR-like glare, gamma, blur, resolution loss and sensor noise.

All of them take a torch.Generator on the batch's device, so a seeded run repeats.
"""
import math

import torch
import torch.nn.functional as F

from models import CTX_BOX, CTX_H, CTX_W, READER_H, READER_W

# Box jitter as a fraction of the plate's width and height (prepare.JITTER; half the samples strong).
JITTER = (0.08, 0.12)
STRONG = 2.5, 2.0
MAX_CUT = (0.04, 0.1)  # how far inside the box a crop edge may fall, as a fraction of its size


def _uniform(n, lo, hi, gen, device):
    return torch.rand(n, generator=gen, device=device) * (hi - lo) + lo


def _affine(images, x0, y0, x1, y1, angle, size):
    """Samples the rectangles (x0, y0)-(x1, y1) in pixels of `images` (N x 1 x H x W), each turned
    by `angle` radians about its centre, into N x 1 x size[0] x size[1]; edge pixels repeat."""
    h, w = images.shape[2], images.shape[3]
    cos, sin = torch.cos(angle), torch.sin(angle)
    half_w, half_h = (x1 - x0) / 2, (y1 - y0) / 2
    theta = torch.stack([
        torch.stack([half_w * cos * 2 / w, -half_h * sin * 2 / w, (x0 + x1) / w - 1], 1),
        torch.stack([half_w * sin * 2 / h, half_h * cos * 2 / h, (y0 + y1) / h - 1], 1),
    ], 1)
    grid = F.affine_grid(theta, (images.shape[0], 1, size[0], size[1]), align_corners=False)
    return F.grid_sample(images, grid, mode="bilinear", padding_mode="border", align_corners=False)


def cut_plates(canvases, margins, gen, max_degrees=3.0, size=(READER_H, READER_W)):
    """N x 1 x CTX_H x CTX_W canvases (0..1) with N x 2 crop margins (fractions of the box's width
    and height, as prepare.reader_crop) -> N x 1 x size jittered crops (reader crops by default)."""
    n, dev = canvases.shape[0], canvases.device
    bx0, by0, bx1, by1 = CTX_BOX
    bw, bh = bx1 - bx0, by1 - by0
    strong = torch.rand(n, generator=gen, device=dev) < 0.5
    sx = torch.where(strong, JITTER[0] * STRONG[0], JITTER[0]) * bw
    sy = torch.where(strong, JITTER[1] * STRONG[1], JITTER[1]) * bh
    j = lambda s: _uniform(n, -1, 1, gen, dev) * s  # noqa: E731
    mx, my = margins[:, 0] * bw, margins[:, 1] * bh
    # Jitter outwards freely but inwards only a little: a crop that cuts characters off would teach
    # the reader to invent the characters its label still names.
    x0, x1 = (bx0 - mx + j(sx)).clamp(max=bx0 + MAX_CUT[0] * bw), (bx1 + mx + j(sx)).clamp(min=bx1 - MAX_CUT[0] * bw)
    y0, y1 = (by0 - my + j(sy)).clamp(max=by0 + MAX_CUT[1] * bh), (by1 + my + j(sy)).clamp(min=by1 - MAX_CUT[1] * bh)
    angle = _uniform(n, -1, 1, gen, dev) * math.radians(max_degrees)
    return _affine(canvases, x0, y0, x1, y1, angle, size)


def nudge(crops, gen, shift=(0.04, 0.06), scale=(0.94, 1.06)):
    """Crops (N x 1 x H x W) shifted by up to `shift` of their size and scaled within `scale`."""
    n, dev = crops.shape[0], crops.device
    h, w = crops.shape[2], crops.shape[3]
    s = _uniform(n, *scale, gen, dev)
    cx = w / 2 + _uniform(n, -1, 1, gen, dev) * shift[0] * w
    cy = h / 2 + _uniform(n, -1, 1, gen, dev) * shift[1] * h
    hw, hh = w / 2 * s, h / 2 * s
    return _affine(crops, cx - hw, cy - hh, cx + hw, cy + hh, torch.zeros(n, device=dev), (h, w))


def _blur(x, sigma):
    """Per-sample Gaussian blur (sigma N, in pixels) with a 5x5 kernel."""
    n = x.shape[0]
    r = torch.arange(-2, 3, device=x.device, dtype=x.dtype)
    k1 = torch.exp(-(r[None, :] ** 2) / (2 * sigma[:, None].clamp(min=1e-3) ** 2))
    k1 = k1 / k1.sum(1, keepdim=True)
    k2 = (k1[:, :, None] * k1[:, None, :])[:, None]  # N x 1 x 5 x 5
    out = F.conv2d(F.pad(x.transpose(0, 1), (2, 2, 2, 2), mode="replicate"), k2, groups=n)
    return out.transpose(0, 1)


def photometric(x, gen, p_glare=0.2, p_blur=0.3, p_lowres=0.25, max_noise=0.035):
    """Camera-like variation of N x 1 x H x W images in 0..1 (the result is clamped to 0..1)."""
    n, dev = x.shape[0], x.device
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    glare = (torch.rand(n, generator=gen, device=dev) < p_glare).view(n, 1, 1, 1)
    g_out = (x - mean) * _uniform(n, 1.3, 2.2, gen, dev).view(n, 1, 1, 1) + _uniform(n, 0.35, 0.6, gen, dev).view(n, 1, 1, 1)
    n_out = (x - 0.5) * _uniform(n, 0.6, 1.3, gen, dev).view(n, 1, 1, 1) + 0.5 + _uniform(n, -0.16, 0.16, gen, dev).view(n, 1, 1, 1)
    x = torch.where(glare, g_out, n_out).clamp(0, 1)
    x = x ** _uniform(n, 0.75, 1.35, gen, dev).view(n, 1, 1, 1)
    blur = torch.rand(n, generator=gen, device=dev) < p_blur
    if blur.any():
        x[blur] = _blur(x[blur], _uniform(int(blur.sum()), 0.3, 1.2, gen, dev))
    lowres = torch.rand(n, generator=gen, device=dev) < p_lowres
    if lowres.any():
        f = float(_uniform(1, 1.5, 3.0, gen, dev))  # one factor per batch keeps it a single resize
        small = F.interpolate(x[lowres], size=(max(4, int(x.shape[2] / f)), max(8, int(x.shape[3] / f))), mode="area")
        x[lowres] = F.interpolate(small, size=x.shape[2:], mode="bilinear", align_corners=False)
    x = x + torch.randn(x.shape, generator=gen, device=dev) * _uniform(n, 0, max_noise, gen, dev).view(n, 1, 1, 1)
    return x.clamp(0, 1)
