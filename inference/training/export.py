"""Exports trained checkpoints for the appliance: ONNX (onnxruntime-node, the default backend) and
TensorFlow.js weights (weightsManifest + .bin, run by inference/backends/tfjsBackend.ts).

    /usr/bin/python3 inference/training/export.py --ckpt /tmp/alpr-ckpt --out inference/models
    /usr/bin/python3 inference/training/export.py --state-classifier /tmp/state-ckpt/state_classifier.pt --out inference/models

The second form adds (or replaces) only the state classifier beside the networks already in --out,
leaving their files and manifest entries as they are.

Batch norm is folded into the preceding convolution first, so both formats hold the same plain
Conv/Linear weights. manifest.json records each file's SHA-256 (checked at load) and sizes.
"""
import argparse
import hashlib
import json
import os

import numpy as np
import torch
import torch.nn as nn

from models import DET_H, DET_W, NUM_STATES, READER_H, READER_W, STATE_H, STATE_W, Detector, Reader, StateClassifier, cbr, detector_widths, fold, is_folded, macs, state_classifier_widths


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def export_one(model, name, shape, out, outputs, spatial=False):
    """`spatial`: height and width are free too (the fully convolutional detector is run on views
    cut to the frame's aspect, in multiples of 16 rows, rather than padded to its full input)."""
    model = fold(model).eval()
    onnx_path = os.path.join(out, f"{name}.onnx")
    free = {0: "batch", 2: "height", 3: "width"} if spatial else {0: "batch"}
    torch.onnx.export(model, torch.zeros(1, *shape), onnx_path, input_names=["input"], output_names=outputs,
                      dynamic_axes={"input": free, **{o: free for o in outputs}}, opset_version=13)
    # TensorFlow.js weights: one float32 .bin plus a weightsManifest, in tfjs's own layout
    # (convolution kernels as [kh, kw, in, out], dense kernels as [in, out]).
    specs, chunks, offset = [], [], 0
    for key, tensor in model.state_dict().items():
        arr = tensor.detach().cpu().numpy().astype(np.float32)
        if arr.ndim == 4:
            arr = arr.transpose(2, 3, 1, 0)
        elif arr.ndim == 2:
            arr = arr.T
        specs.append({"name": key, "shape": list(arr.shape), "dtype": "float32"})
        chunks.append(np.ascontiguousarray(arr).tobytes())
        offset += arr.size * 4
    bin_name = f"{name}.weights.bin"
    with open(os.path.join(out, bin_name), "wb") as f:
        for c in chunks:
            f.write(c)
    tfjs_json = os.path.join(out, f"{name}.tfjs.json")
    json.dump({"format": "alpr-tfjs-weights", "architecture": name, "weightsManifest": [{"paths": [bin_name], "weights": specs}]}, open(tfjs_json, "w"), indent=1)
    return {
        "onnx": {"file": f"{name}.onnx", "sha256": sha256(onnx_path), "bytes": os.path.getsize(onnx_path)},
        "tfjs": {"file": f"{name}.tfjs.json", "sha256": sha256(tfjs_json), "weights": bin_name, "weights_sha256": sha256(os.path.join(out, bin_name))},
        "input": list(shape),
        "macs": macs(model, shape),
        "parameters": int(sum(p.numel() for p in model.parameters())),
    }


def load(model, path):
    """A checkpoint as trained (with batch norm) or as fine-tuned from exported, folded weights."""
    state = torch.load(path, map_location="cpu")
    if is_folded(state):
        model = fold(model)
    model.load_state_dict(state)
    return model


def existing_manifest(folder):
    path = os.path.join(folder, "manifest.json")
    return json.load(open(path)) if os.path.exists(path) else {}


def load_detector(path):
    """A detector checkpoint at the widths it was trained at (train.py --det-widths)."""
    return load(Detector(detector_widths(torch.load(path, map_location="cpu"))), path)


def fixture_classifier(state, confidence=0.89):
    """The runtime tests' state classifier (test/fixtures/state-classifier): the shipped graph with
    two channels a layer and zero weights, whose bias names `state` at `confidence` on any crop, so
    the tests of the classifier's plumbing (its state wins, the readers' heads have no say, the gate,
    both backends) run in any clone, whether or not a trained classifier is shipped."""
    from synth import STATE_CODES
    model = StateClassifier()
    for name, cin in (("c1", 1), ("c2", 2), ("c3", 2), ("c4", 2), ("c5", 2)):
        setattr(model, name, cbr(cin, 2))
    model.state = nn.Linear(2, NUM_STATES)
    with torch.no_grad():
        for p in model.parameters():
            p.zero_()
        model.state.bias[STATE_CODES.index(state)] = float(np.log(confidence * (NUM_STATES - 1) / (1 - confidence)))
    return model.eval()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="", help="folder with reader.pt and detector.pt, exported in place of --out's (its second reader and state classifier are kept); without it, --out's manifest is kept and only --detector or --state-classifier is exported")
    ap.add_argument("--out", required=True)
    ap.add_argument("--second-reader", default="", help="a reader checkpoint exported beside the first as second_reader; the two vote")
    ap.add_argument("--reader-width", type=int, default=READER_W, help="the input width the reader was trained at (ALPR_READER_WIDTH)")
    ap.add_argument("--second-reader-width", type=int, default=READER_W, help="the input width the second reader was trained at")
    ap.add_argument("--second-reader-no-states", action="store_true",
                    help="the second reader's state head was never trained to name states: its readings get no say on the state")
    ap.add_argument("--detector", default="", help="a detector checkpoint exported in place of --out's detector; the rest of its manifest is kept (int8 readers included)")
    ap.add_argument("--state-classifier", default="", help="a state classifier checkpoint (train.py --task state): the runtime takes the state from it")
    ap.add_argument("--state-classifier-fixture", default="", metavar="STATE",
                    help="write only the tests' fixture classifier that names STATE on any crop (fixture_classifier) and its manifest entry, state_classifier.json, into --out")
    args = ap.parse_args()
    if args.state_classifier_fixture:
        os.makedirs(args.out, exist_ok=True)
        entry = export_one(fixture_classifier(args.state_classifier_fixture), "state_classifier", (1, STATE_H, STATE_W), args.out, ["state"])
        json.dump(entry, open(os.path.join(args.out, "state_classifier.json"), "w"), indent=2)
        return
    if not args.ckpt and not args.state_classifier and not args.detector:
        ap.error("nothing to export: give --ckpt, --detector, --state-classifier or more")
    if args.ckpt and args.detector:
        ap.error("--ckpt exports its own detector.pt: give --ckpt or --detector, not both")
    os.makedirs(args.out, exist_ok=True)
    if args.ckpt:
        reader, detector = load(Reader(), os.path.join(args.ckpt, "reader.pt")), load_detector(os.path.join(args.ckpt, "detector.pt"))
        # The other networks already in --out (a second reader, a state classifier) keep their
        # entries: their weights are not replaced. The two replaced here get fresh entries, without
        # the old weights' int8 files (quantize.py is rerun for a new reader: training README).
        manifest = {name: entry for name, entry in existing_manifest(args.out).items() if name in ("second_reader", "state_classifier")}
        if manifest:
            print(f"kept from {args.out}'s manifest: {', '.join(manifest)}")
        manifest["reader"] = export_one(reader, "reader", (1, READER_H, args.reader_width), args.out, ["chars", "state"])
        manifest["detector"] = export_one(detector, "detector", (1, DET_H, DET_W), args.out, ["maps"], spatial=True)
    else:
        manifest = json.load(open(os.path.join(args.out, "manifest.json")))
    if args.detector:
        manifest["detector"] = export_one(load_detector(args.detector), "detector", (1, DET_H, DET_W), args.out, ["maps"], spatial=True)
    if args.state_classifier:
        widths = state_classifier_widths(torch.load(args.state_classifier, map_location="cpu"))
        manifest["state_classifier"] = export_one(load(StateClassifier(widths), args.state_classifier), "state_classifier", (1, STATE_H, STATE_W), args.out, ["state"])
    if args.second_reader:
        manifest["second_reader"] = export_one(load(Reader(), args.second_reader), "second_reader", (1, READER_H, args.second_reader_width), args.out, ["chars", "state"])
        if args.second_reader_no_states:
            manifest["second_reader"]["names_states"] = False
    from synth import ALPHABET, STATE_CODES
    manifest["alphabet"] = ALPHABET
    manifest["states"] = STATE_CODES
    json.dump(manifest, open(os.path.join(args.out, "manifest.json"), "w"), indent=2)
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
