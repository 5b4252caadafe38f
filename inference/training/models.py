"""The two networks: a plate detector and a plate reader, both small enough for one CPU core.

Detector: CenterNet-style on a 384x288 grayscale frame; outputs at stride 4 a plate-centre heatmap,
the box size (log, in output cells) and the sub-cell centre offset. About 100 M multiply-adds.
Reader: a convolutional CTC reader on a 48x96 grayscale plate crop (wider with ALPR_READER_WIDTH):
width / 4 time steps over the 36 characters plus blank, and a state head. About 35 M multiply-adds
at 96 wide.
Batch norm is folded into the convolutions at export, so the exported graphs hold only Conv,
Relu, MaxPool, Resize/Add/Concat, Sigmoid and Softmax: ops every backend runs the same way.
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from synth import ALPHABET, STATE_CODES

# The reader's input width is a choice of the run (ALPR_READER_WIDTH, default 96): the network is
# convolutional along the plate, so a wider input gives more CTC steps (width / 4) and more pixels
# per character with the same weights; export.py records the width in manifest.json and the
# runtime crops to it.
READER_H, READER_W = 48, int(os.environ.get("ALPR_READER_WIDTH", "96"))
# A real training plate kept with its surroundings (prepare.context_canvas): the box fills the
# middle half of a CTX_W x CTX_H canvas, so jittered reader crops can be cut from it while training.
CTX_H, CTX_W = 128, 256
CTX_BOX = (CTX_W / 4, CTX_H / 4, CTX_W * 3 / 4, CTX_H * 3 / 4)  # x0, y0, x1, y1
# The state classifier's input: the same box and margin as the reader's, at more pixels (the
# state name is 3-5 px tall in a 48x96 reader crop, 4-7 px here).
STATE_H, STATE_W = 64, 128
DET_H, DET_W = 288, 384
DET_STRIDE = 4
NUM_CLASSES = len(ALPHABET) + 1  # index 0 is the CTC blank
NUM_STATES = len(STATE_CODES) + 1  # last is "unknown"


def cbr(cin, cout, k=3, s=1, d=1):
    return nn.Sequential(nn.Conv2d(cin, cout, k, s, padding=d * (k // 2), dilation=d, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Reader(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = cbr(1, 32)
        self.c2 = cbr(32, 48)
        self.c3 = cbr(48, 64)
        self.c4 = cbr(64, 96)
        self.c5 = nn.Sequential(nn.Conv2d(96, 128, (3, 1), bias=False), nn.BatchNorm2d(128), nn.ReLU(inplace=True))
        self.seq = nn.Sequential(nn.Conv2d(128, 128, (1, 3), padding=(0, 1), bias=False), nn.BatchNorm2d(128), nn.ReLU(inplace=True))
        self.chars = nn.Conv2d(128, NUM_CLASSES, 1)
        self.state = nn.Linear(96, NUM_STATES)

    def forward(self, x):
        x = F.max_pool2d(self.c1(x), 2)          # 24 x 48
        x = F.max_pool2d(self.c2(x), 2)          # 12 x 24
        x = F.max_pool2d(self.c3(x), (2, 1))     # 6 x 24
        f = F.max_pool2d(self.c4(x), (2, 1))     # 3 x 24
        y = self.seq(self.c5(f))                 # 1 x 24
        chars = self.chars(y).squeeze(2)         # N x C x T
        state = self.state(f.mean(dim=(2, 3)))
        return chars, state


class StateClassifier(nn.Module):
    """The issuing state from a STATE_H x STATE_W grey plate crop: 51 states + unknown (the last
    class: no legible state name). Grey, because night frames are infrared. The first block keeps
    full resolution, since the name is only a few pixels tall; the features are averaged over the
    plate, so the name counts wherever it is printed (top or bottom). At the default widths about
    10 M multiply-adds: narrow, because it trains on a shared 2-core CPU (twice the channels, 31 M,
    made about 4 steps a minute there). `widths` are the five blocks' channels; the runtime reads
    them from the weights, so any widths export (state_classifier_from_reader uses the reader's)."""

    def __init__(self, widths=(8, 16, 32, 64, 96)):
        super().__init__()
        self.c1 = cbr(1, widths[0])
        self.c2 = cbr(widths[0], widths[1])
        self.c3 = cbr(widths[1], widths[2])
        self.c4 = cbr(widths[2], widths[3])
        self.c5 = cbr(widths[3], widths[4])
        self.state = nn.Linear(widths[4], NUM_STATES)

    def forward(self, x):
        x = F.max_pool2d(self.c1(x), 2)          # 32 x 64
        x = F.max_pool2d(self.c2(x), 2)          # 16 x 32
        x = F.max_pool2d(self.c3(x), 2)          # 8 x 16
        x = F.max_pool2d(self.c4(x), 2)          # 4 x 8
        return self.state(self.c5(x).mean(dim=(2, 3)))


def detector_widths(state_dict):
    """The channels of a Detector checkpoint (folded or not), in Detector's `widths` order."""
    return tuple(state_dict[f"{name}.0.weight"].shape[0] for name in ("s2", "s4", "s8", "s16", "up8", "up4"))


def state_classifier_widths(state_dict):
    """The five blocks' channels of a StateClassifier checkpoint (folded or not)."""
    return tuple(state_dict[f"c{k}.0.weight"].shape[0] for k in range(1, 6))


def state_classifier_from_reader(reader):
    """A folded StateClassifier that starts as the folded `reader`'s state head: its c1-c4 are the
    reader's (3x3 convolutions, so they apply at any input size; only the pooling after c3 and c4
    differs, 2x2 here, 2x1 there), c5 passes its input through (an identity convolution; the input
    is a ReLU's, so the ReLU keeps it), and the dense layer is the reader's state head. The reader's
    pooled features already name two thirds of the `val` crops; training from here refines them for
    the state alone. About 40 M multiply-adds at 64 x 128."""
    src = reader.state_dict()
    model = fold(StateClassifier(widths=(32, 48, 64, 96, 96)))
    state = {k: v for k, v in src.items() if k.split(".")[0] in ("c1", "c2", "c3", "c4", "state")}
    eye = torch.zeros(96, 96, 3, 3)
    eye[range(96), range(96), 1, 1] = 1.0
    state.update({"c5.0.weight": eye, "c5.0.bias": torch.zeros(96)})
    model.load_state_dict(state)
    return model


DETECTOR_WIDTHS = (16, 24, 48, 64, 48, 32)


class Detector(nn.Module):
    """`widths`: the channels of s2, s4, s8, s16 (and ctx), up8 and up4; the shipped detector's by
    default. A narrower one costs fewer multiply-adds a run (train.py --det-widths, --teacher)."""

    def __init__(self, widths=DETECTOR_WIDTHS):
        super().__init__()
        w2, w4, w8, w16, u8, u4 = widths
        self.s2 = cbr(1, w2, s=2)          # 144 x 192
        self.s4 = cbr(w2, w4, s=2)         # 72 x 96
        self.s8 = cbr(w4, w8, s=2)         # 36 x 48
        self.s16 = cbr(w8, w16, s=2)       # 18 x 24
        self.ctx = cbr(w16, w16, d=2)
        self.up8 = cbr(w16 + w8, u8, k=1)
        self.up4 = cbr(u8 + w4, u4, k=1)
        self.head = nn.Conv2d(u4, 5, 1)

    def forward(self, x):
        a = self.s4(self.s2(x))
        b = self.s8(a)
        c = self.ctx(self.s16(b))
        b = self.up8(torch.cat([F.interpolate(c, scale_factor=2.0, mode="nearest"), b], 1))
        a = self.up4(torch.cat([F.interpolate(b, scale_factor=2.0, mode="nearest"), a], 1))
        out = self.head(a)
        # heatmap logit, log width, log height (in output cells), x and y offset within the cell
        return out


def prune_detector(model, widths, frames):
    """A folded Detector (load_exported) cut down to `widths` (Detector's order), as the starting
    point of a fine-tune that keeps what the shipped one learnt instead of training a narrower one
    from scratch (train.py --prune-to). Each block keeps the channels that carry most into the
    blocks that read them: a channel's mean activation on `frames` (N x 1 x H x W, 0..1) times the
    absolute weights its readers give it. A dropped channel's mean activation is added to its
    readers' biases (times the weights they gave it), so the cut network starts close to the whole."""
    names = ("s2", "s4", "s8", "s16", "ctx", "up8", "up4")
    conv = {n: getattr(model, n)[0] for n in names}
    conv["head"] = model.head
    acts = {}
    hooks = [getattr(model, n).register_forward_hook(lambda m, i, o, n=n: acts.__setitem__(n, o.mean(dim=(0, 2, 3)))) for n in names]
    model.eval()
    with torch.no_grad():
        model(frames)
    for h in hooks:
        h.remove()
    w16, u8 = conv["s16"].out_channels, conv["up8"].out_channels
    # The blocks that read each block's output, and where its channels start in their input (up8
    # reads [ctx, s8], up4 reads [up8, s4], each upsampled first where it comes from below).
    readers = {"s2": [("s4", 0)], "s4": [("s8", 0), ("up4", u8)], "s8": [("s16", 0), ("up8", w16)], "s16": [("ctx", 0)],
               "ctx": [("up8", 0)], "up8": [("up4", 0)], "up4": [("head", 0)]}
    target = dict(zip(names, (widths[0], widths[1], widths[2], widths[3], widths[3], widths[4], widths[5])))
    weight = {n: c.weight.detach().clone() for n, c in conv.items()}
    bias = {n: c.bias.detach().clone() for n, c in conv.items()}
    keep = {}
    for n in names:
        count = conv[n].out_channels
        carried = sum(weight[r][:, off:off + count].abs().sum(dim=(0, 2, 3)) for r, off in readers[n])
        keep[n] = torch.sort(torch.topk(acts[n] * carried, target[n]).indices).values
        dropped = torch.ones(count, dtype=torch.bool)
        dropped[keep[n]] = False
        for r, off in readers[n]:
            bias[r] += (weight[r][:, off:off + count][:, dropped].sum(dim=(2, 3)) * acts[n][dropped]).sum(dim=1)
    inputs = {"s2": torch.tensor([0]), "s4": keep["s2"], "s8": keep["s4"], "s16": keep["s8"], "ctx": keep["s16"],
              "up8": torch.cat([keep["ctx"], w16 + keep["s8"]]), "up4": torch.cat([keep["up8"], u8 + keep["s4"]]), "head": keep["up4"]}
    pruned = fold(Detector(widths))
    state = {}
    for n in list(names) + ["head"]:
        rows = keep.get(n, torch.arange(weight[n].shape[0]))
        prefix = "head" if n == "head" else f"{n}.0"
        state[f"{prefix}.weight"] = weight[n][rows][:, inputs[n]].contiguous()
        state[f"{prefix}.bias"] = bias[n][rows].contiguous()
    pruned.load_state_dict(state)
    return pruned


def macs(model, shape):
    total = 0

    def hook(m, inp, out):
        nonlocal total
        if isinstance(m, nn.Conv2d):
            total += out.numel() // out.shape[0] * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
        elif isinstance(m, nn.Linear):
            total += m.in_features * m.out_features

    hs = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, *shape))
    for h in hs:
        h.remove()
    return total


def fold(model):
    """Replaces every Conv2d+BatchNorm2d pair with one Conv2d carrying a bias."""
    for name, module in list(model.named_children()):
        if isinstance(module, nn.Sequential) and len(module) >= 2 and isinstance(module[0], nn.Conv2d) and isinstance(module[1], nn.BatchNorm2d):
            conv, bn = module[0], module[1]
            w = conv.weight.detach()
            scale = bn.weight.detach() / torch.sqrt(bn.running_var + bn.eps)
            fused = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding, conv.dilation, conv.groups, bias=True)
            fused.weight.data = w * scale.reshape(-1, 1, 1, 1)
            b = conv.bias.detach() if conv.bias is not None else torch.zeros_like(bn.running_mean)
            fused.bias.data = (b - bn.running_mean) * scale + bn.bias.detach()
            setattr(model, name, nn.Sequential(fused, *list(module)[2:]))
        else:
            fold(module)
    return model


def is_folded(state_dict):
    return not any(k.endswith("running_mean") for k in state_dict)


def load_exported(name, model_dir):
    """The shipped network `name` (reader, second_reader or detector) from its TensorFlow.js
    weights in inference/models, batch norm folded as exported: the starting point for a fine-tune,
    or a distillation's teacher. A detector is built at the widths its weights have."""
    spec = json.load(open(os.path.join(model_dir, f"{name}.tfjs.json")))["weightsManifest"][0]
    raw = np.fromfile(os.path.join(model_dir, spec["paths"][0]), dtype=np.float32)
    state, offset = {}, 0
    for w in spec["weights"]:
        n = int(np.prod(w["shape"]))
        arr = raw[offset:offset + n].reshape(w["shape"])
        offset += n
        if arr.ndim == 4:
            arr = arr.transpose(3, 2, 0, 1)  # tfjs [kh, kw, in, out] -> torch [out, in, kh, kw]
        elif arr.ndim == 2:
            arr = arr.T
        state[w["name"]] = torch.from_numpy(np.ascontiguousarray(arr))
    model = fold(Reader() if name.endswith("reader") else Detector(detector_widths(state)))
    model.load_state_dict(state)
    return model
