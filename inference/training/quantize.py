"""Static int8 quantization of the exported float ONNX networks, in QDQ form, with onnx and numpy only.

    /usr/bin/python3 inference/training/quantize.py expose   inference/models/reader.onnx /tmp/q/reader.all.onnx
    /usr/bin/python3 inference/training/quantize.py quantize inference/models/reader.onnx /tmp/q/samples/reader inference/models/reader.int8.onnx \
        --range mse --manifest inference/models/manifest.json --entry reader

`expose` writes a variant with every intermediate tensor as an output, which
inference/training/calibrate.ts runs in onnxruntime-node over the reader inputs the runtime itself
makes from the `train` photographs, keeping a sample of each tensor's values (SAMPLES_DIR: index.json
and one float32 file per tensor). `quantize` writes QuantizeLinear/DequantizeLinear pairs that ONNX
Runtime's graph optimizer fuses into QLinearConv and uint8 MaxPool:

- convolution weights int8, symmetric, one scale per output channel; biases int32 at
  input scale x weight scale (as ONNX Runtime's own quantizer writes them);
- activations uint8, one scale and zero point per tensor, the range from calibration. A Relu after a
  convolution is dropped and its output quantized with zero point 0: uint8 then clamps at zero
  exactly as the Relu did, and the convolution fuses with its output Q into one QLinearConv;
- MaxPool keeps its input's scale and zero point (ONNX Runtime runs it on uint8 then);
- everything else (the last convolution of each head, ReduceMean, Gemm, Resize, Concat) stays
  float and reads dequantized inputs: those layers are small, and the outputs keep float precision.
"""
import argparse
import hashlib
import json
import os

import numpy as np
import onnx
from onnx import helper, numpy_helper

RANGE_METHODS = ("minmax", "percentile", "mse")


def expose(src, dst):
    model = onnx.load(src)
    known = {o.name for o in model.graph.output}
    for node in model.graph.node:
        if node.op_type == "Constant":
            continue
        for name in node.output:
            if name not in known:
                model.graph.output.append(helper.make_empty_tensor_value_info(name))
                known.add(name)
    onnx.save(model, dst)


def load_samples(folder):
    index = json.load(open(os.path.join(folder, "index.json")))
    return {name: np.fromfile(os.path.join(folder, entry["file"]), dtype=np.float32) for name, entry in index["tensors"].items()}


def mse_range(values, lo):
    """The upper bound, between the 99th percentile and the maximum, whose uint8 rounding and clipping error on the samples is least."""
    hi_max = float(values.max())
    best, best_err = hi_max, None
    for hi in np.linspace(float(np.percentile(values, 99.0)), hi_max, 64):
        scale = (hi - lo) / 255.0 if hi > lo else 1.0
        zp = np.round(-lo / scale)
        q = np.clip(np.round(values / scale) + zp, 0, 255)
        err = float(np.mean(((q - zp) * scale - values) ** 2))
        if best_err is None or err < best_err:
            best, best_err = hi, err
    return best


def tensor_range(values, method, nonnegative):
    """[lo, hi] for a tensor, always holding 0 so that zero (padding, Relu's floor) is exact."""
    if method == "minmax":
        lo, hi = float(values.min()), float(values.max())
    elif method == "percentile":
        lo, hi = float(np.percentile(values, 0.01)), float(np.percentile(values, 99.99))
    else:
        lo = float(np.percentile(values, 0.01))
        hi = None
    lo = 0.0 if nonnegative else min(lo, 0.0)
    if method == "mse":
        hi = mse_range(values, lo)
    return lo, max(hi, lo + 1e-6, 0.0)


def uint8_params(lo, hi):
    scale = (hi - lo) / 255.0
    zp = int(np.clip(np.round(-lo / scale), 0, 255))
    return np.float32(scale), np.uint8(zp)


class Builder:
    def __init__(self, model):
        self.model = model
        self.inits = {i.name: i for i in model.graph.initializer}
        self.nodes = []
        self.new_inits = []
        self.dq = {}  # float tensor -> (dequantized name, scale name, zero point name)

    def const(self, name, array):
        self.new_inits.append(numpy_helper.from_array(array, name))
        return name

    def qdq(self, tensor, source, scale, zp):
        """Q(source) -> DQ, standing for `tensor`; later nodes read the DQ output."""
        s = self.const(f"{tensor}_scale", np.array(scale, dtype=np.float32))
        z = self.const(f"{tensor}_zero_point", np.array(zp, dtype=np.uint8))
        self.nodes.append(helper.make_node("QuantizeLinear", [source, s, z], [f"{tensor}_quantized"], name=f"{tensor}_Q"))
        self.nodes.append(helper.make_node("DequantizeLinear", [f"{tensor}_quantized", s, z], [f"{tensor}_dequantized"], name=f"{tensor}_DQ"))
        self.dq[tensor] = (f"{tensor}_dequantized", float(scale), int(zp))

    def conv(self, node, x_range, out_tensor, out_range):
        x = node.input[0]
        if x not in self.dq:
            self.qdq(x, x, *uint8_params(*x_range))
        x_dq, x_scale, _ = self.dq[x]
        w = numpy_helper.to_array(self.inits[node.input[1]]).astype(np.float32)
        w_scale = np.maximum(np.abs(w).reshape(w.shape[0], -1).max(axis=1), 1e-8) / 127.0
        wq = np.clip(np.round(w / w_scale.reshape(-1, *[1] * (w.ndim - 1))), -127, 127).astype(np.int8)
        wn = node.input[1]
        self.const(f"{wn}_quantized", wq)
        self.const(f"{wn}_scale", w_scale.astype(np.float32))
        self.const(f"{wn}_zero_point", np.zeros(w.shape[0], dtype=np.int8))
        self.nodes.append(helper.make_node("DequantizeLinear", [f"{wn}_quantized", f"{wn}_scale", f"{wn}_zero_point"], [f"{wn}_dequantized"], name=f"{wn}_DQ", axis=0))
        inputs = [x_dq, f"{wn}_dequantized"]
        if len(node.input) > 2 and node.input[2]:
            bn = node.input[2]
            b = numpy_helper.to_array(self.inits[bn]).astype(np.float64)
            b_scale = (x_scale * w_scale).astype(np.float32)
            q = np.round(b / b_scale)
            # int32 would wrap silently: a bias this far beyond its scale means a broken range.
            if np.abs(q).max(initial=0) >= 2**31:
                raise SystemExit(f"{bn}: the bias does not fit int32 at scale {b_scale.min():.3g}; check the calibration ranges")
            self.const(f"{bn}_quantized", q.astype(np.int32))
            self.const(f"{bn}_scale", b_scale)
            self.const(f"{bn}_zero_point", np.zeros(w.shape[0], dtype=np.int32))
            self.nodes.append(helper.make_node("DequantizeLinear", [f"{bn}_quantized", f"{bn}_scale", f"{bn}_zero_point"], [f"{bn}_dequantized"], name=f"{bn}_DQ", axis=0))
            inputs.append(f"{bn}_dequantized")
        if out_range is None:  # a head's last convolution: float output
            self.nodes.append(helper.make_node("Conv", inputs, [out_tensor], name=node.name, **attrs(node)))
            return
        raw = f"{out_tensor}_conv"
        self.nodes.append(helper.make_node("Conv", inputs, [raw], name=node.name, **attrs(node)))
        self.qdq(out_tensor, raw, *uint8_params(*out_range))

    def maxpool(self, node):
        x_dq, scale, zp = self.dq[node.input[0]]
        raw = f"{node.output[0]}_pool"
        self.nodes.append(helper.make_node("MaxPool", [x_dq], [raw], name=node.name, **attrs(node)))
        self.qdq(node.output[0], raw, scale, zp)

    def float_node(self, node):
        copy = onnx.NodeProto()
        copy.CopyFrom(node)
        del copy.input[:]
        copy.input.extend(self.dq[i][0] if i in self.dq else i for i in node.input)
        self.nodes.append(copy)


def attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def quantize(src, samples_dir, dst, method):
    model = onnx.load(src)
    samples = load_samples(samples_dir)
    consumers = {}
    for node in model.graph.node:
        for i in node.input:
            consumers.setdefault(i, []).append(node)
    outputs = {o.name for o in model.graph.output}

    def rng(name, nonnegative=False):
        if name not in samples:
            raise SystemExit(f"no calibration samples for {name}")
        return tensor_range(samples[name], method, nonnegative)

    b = Builder(model)
    skip = set()
    for node in model.graph.node:
        if id(node) in skip:
            continue
        if node.op_type == "Conv" and node.input[1] in b.inits:
            after = consumers.get(node.output[0], [])
            relu = after[0] if len(after) == 1 and after[0].op_type == "Relu" and node.output[0] not in outputs else None
            if relu is not None and relu.output[0] not in outputs:
                skip.add(id(relu))
                b.conv(node, rng(node.input[0]), relu.output[0], rng(relu.output[0], nonnegative=True))
            else:
                b.conv(node, rng(node.input[0]), node.output[0], None)
        elif node.op_type == "MaxPool" and node.input[0] in b.dq and node.output[0] not in outputs:
            b.maxpool(node)
        else:
            b.float_node(node)
    graph = model.graph
    del graph.node[:]
    graph.node.extend(b.nodes)
    used = {i for n in b.nodes for i in n.input}
    kept = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept + [i for i in b.new_inits if i.name in used])
    model.producer_name = "alpr quantize.py"
    onnx.checker.check_model(model)
    onnx.save(model, dst)


def record(manifest, entry, dst):
    """Writes the int8 file into the manifest entry (beside `onnx`, which TF.js and a fallback keep using)."""
    if os.path.dirname(os.path.abspath(dst)) != os.path.dirname(os.path.abspath(manifest)):
        raise SystemExit("the int8 file must sit beside manifest.json")
    data = json.load(open(manifest))
    data[entry]["onnx_int8"] = {"file": os.path.basename(dst), "sha256": hashlib.sha256(open(dst, "rb").read()).hexdigest(), "bytes": os.path.getsize(dst)}
    with open(manifest, "w") as f:
        json.dump(data, f, indent=2)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("expose", help="write the float model with every intermediate tensor as an output")
    e.add_argument("src")
    e.add_argument("dst")
    q = sub.add_parser("quantize", help="write the QDQ int8 model from calibration samples")
    q.add_argument("src")
    q.add_argument("samples")
    q.add_argument("dst")
    q.add_argument("--range", choices=RANGE_METHODS, default="mse", help="activation range from the samples: least uint8 error (mse, the default and the shipped one), 0.01th-99.99th percentile, or min-max")
    q.add_argument("--manifest", help="record DST as ENTRY's onnx_int8 in this manifest.json")
    q.add_argument("--entry", help="the manifest entry (reader, second_reader, state_classifier)")
    a = p.parse_args()
    if a.cmd == "expose":
        expose(a.src, a.dst)
    else:
        quantize(a.src, a.samples, a.dst, a.range)
        if a.manifest:
            record(a.manifest, a.entry, a.dst)


if __name__ == "__main__":
    main()
