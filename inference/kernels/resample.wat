;; The triangle-filter resize of a plate crop (inference/resample.ts resampleRegion) in two
;; passes, as the JavaScript did: rows first into float32, then columns in double precision,
;; clamped to 0..1. The same operations in the same order, so the values are the same to the bit.
;; The caller works out each output column's and row's source pixels and weights (float32) and
;; copies the part of the image the crop reads into this memory.
;;
;; Built into resample.wasm by `npm run kernels` (inference/training/assembleKernels.ts).
(module
  (memory (export "memory") 1)
  ;; Along x: tmp[r * outW + x] = f32(sum over k < xCount[x] of src[r * srcW + xStart[x] + k] * xw[xAt[x] + k]),
  ;; the sum in double from 0, for r < rows. xStart, xCount, xAt: i32; xw: f32.
  (func (export "alongX")
    (param $src i32) (param $srcW i32) (param $rows i32) (param $xStart i32) (param $xCount i32) (param $xAt i32) (param $xw i32)
    (param $tmp i32) (param $outW i32)
    (local $r i32) (local $x i32) (local $k i32) (local $n i32) (local $s i32) (local $w i32) (local $sum f64)
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $x (i32.const 0))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_u (local.get $x) (local.get $outW)))
            (local.set $s (i32.add (i32.add (local.get $src) (i32.mul (local.get $r) (local.get $srcW)))
              (i32.load (i32.add (local.get $xStart) (i32.shl (local.get $x) (i32.const 2))))))
            (local.set $n (i32.load (i32.add (local.get $xCount) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $w (i32.add (local.get $xw) (i32.shl (i32.load (i32.add (local.get $xAt) (i32.shl (local.get $x) (i32.const 2)))) (i32.const 2))))
            (local.set $sum (f64.const 0))
            (local.set $k (i32.const 0))
            (block $tapsDone
              (loop $taps
                (br_if $tapsDone (i32.ge_u (local.get $k) (local.get $n)))
                (local.set $sum (f64.add (local.get $sum)
                  (f64.mul (f64.convert_i32_u (i32.load8_u (i32.add (local.get $s) (local.get $k))))
                           (f64.promote_f32 (f32.load (i32.add (local.get $w) (i32.shl (local.get $k) (i32.const 2))))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $taps)))
            (f32.store (local.get $tmp) (f32.demote_f64 (local.get $sum)))
            (local.set $tmp (i32.add (local.get $tmp) (i32.const 4)))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $columns)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))
  ;; Along y: out[y * outW + x] = f32(min(1, max(0, (sum over k < yCount[y] of tmp[(yRow[y] + k) * outW + x] * yw[yAt[y] + k]) / 255))),
  ;; the sum in double from 0. yRow (the first tmp row), yCount, yAt: i32; yw: f32.
  (func (export "alongY")
    (param $tmp i32) (param $outW i32) (param $outH i32) (param $yRow i32) (param $yCount i32) (param $yAt i32) (param $yw i32) (param $out i32)
    (local $y i32) (local $x i32) (local $k i32) (local $n i32) (local $t0 i32) (local $w i32) (local $sum f64) (local $stride i32)
    (local.set $stride (i32.shl (local.get $outW) (i32.const 2)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $y) (local.get $outH)))
        (local.set $t0 (i32.add (local.get $tmp) (i32.mul (i32.load (i32.add (local.get $yRow) (i32.shl (local.get $y) (i32.const 2)))) (local.get $stride))))
        (local.set $n (i32.load (i32.add (local.get $yCount) (i32.shl (local.get $y) (i32.const 2)))))
        (local.set $w (i32.add (local.get $yw) (i32.shl (i32.load (i32.add (local.get $yAt) (i32.shl (local.get $y) (i32.const 2)))) (i32.const 2))))
        (local.set $x (i32.const 0))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_u (local.get $x) (local.get $outW)))
            (local.set $sum (f64.const 0))
            (local.set $k (i32.const 0))
            (block $tapsDone
              (loop $taps
                (br_if $tapsDone (i32.ge_u (local.get $k) (local.get $n)))
                (local.set $sum (f64.add (local.get $sum)
                  (f64.mul (f64.promote_f32 (f32.load (i32.add (i32.add (local.get $t0) (i32.mul (local.get $k) (local.get $stride))) (i32.shl (local.get $x) (i32.const 2)))))
                           (f64.promote_f32 (f32.load (i32.add (local.get $w) (i32.shl (local.get $k) (i32.const 2))))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $taps)))
            (f32.store (local.get $out)
              (f32.demote_f64 (f64.min (f64.const 1) (f64.max (f64.const 0) (f64.div (local.get $sum) (f64.const 255))))))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $columns)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))))
