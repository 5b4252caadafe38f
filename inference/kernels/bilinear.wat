;; Bilinear sampling of an 8-bit grey image into 0..1 floats: the inner loop of the detector's view
;; sampling (inference/pyramid.ts sampleView). WebAssembly rather than JavaScript for its speed:
;; the same double-precision operations in the same order, without a typed array's bounds check
;; and element-kind dispatch on each of the seven loads a pixel takes, about three times faster.
;; The caller works out, in JavaScript as before, which source columns and rows each output pixel
;; reads and with what weights, and copies the part of the image the view reads into this memory.
;;
;; Built into bilinear.wasm by `npm run kernels` (inference/training/assembleKernels.ts); a test
;; checks that the committed binary is this source assembled.
(module
  (memory (export "memory") 1)
  ;; For each output row y and column x:
  ;;   top    = p(row0[y] + ix0[x]) + (p(row0[y] + ix1[x]) - p(row0[y] + ix0[x])) * wx[x]
  ;;   bottom = the same on row1[y]
  ;;   out[y * outW + x] = f32((top + (bottom - top) * dy[y]) / 255)
  ;; where p(i) is the byte at src + i. ix0, ix1, row0, row1: i32; wx: f32; dy: f64 (its
  ;; JavaScript value); the arguments are byte offsets into memory.
  (func (export "sample")
    (param $src i32) (param $ix0 i32) (param $ix1 i32) (param $wx i32)
    (param $row0s i32) (param $row1s i32) (param $dys i32) (param $out i32)
    (param $outW i32) (param $outH i32)
    (local $y i32) (local $x i32) (local $row0 i32) (local $row1 i32) (local $dy f64)
    (local $a i32) (local $b i32) (local $dx f64) (local $p f64) (local $top f64) (local $bottom f64)
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $y) (local.get $outH)))
        (local.set $row0 (i32.add (local.get $src) (i32.load (i32.add (local.get $row0s) (i32.shl (local.get $y) (i32.const 2))))))
        (local.set $row1 (i32.add (local.get $src) (i32.load (i32.add (local.get $row1s) (i32.shl (local.get $y) (i32.const 2))))))
        (local.set $dy (f64.load (i32.add (local.get $dys) (i32.shl (local.get $y) (i32.const 3)))))
        (local.set $x (i32.const 0))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_u (local.get $x) (local.get $outW)))
            (local.set $a (i32.load (i32.add (local.get $ix0) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $b (i32.load (i32.add (local.get $ix1) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $dx (f64.promote_f32 (f32.load (i32.add (local.get $wx) (i32.shl (local.get $x) (i32.const 2))))))
            (local.set $p (f64.convert_i32_u (i32.load8_u (i32.add (local.get $row0) (local.get $a)))))
            (local.set $top (f64.add (local.get $p)
              (f64.mul (f64.sub (f64.convert_i32_u (i32.load8_u (i32.add (local.get $row0) (local.get $b)))) (local.get $p)) (local.get $dx))))
            (local.set $p (f64.convert_i32_u (i32.load8_u (i32.add (local.get $row1) (local.get $a)))))
            (local.set $bottom (f64.add (local.get $p)
              (f64.mul (f64.sub (f64.convert_i32_u (i32.load8_u (i32.add (local.get $row1) (local.get $b)))) (local.get $p)) (local.get $dx))))
            (f32.store (local.get $out)
              (f32.demote_f64 (f64.div (f64.add (local.get $top) (f64.mul (f64.sub (local.get $bottom) (local.get $top)) (local.get $dy))) (f64.const 255))))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $columns)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))))
