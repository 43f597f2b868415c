;; dx of a 2-D max pool whose windows do not overlap, NHWC float32, in WebAssembly SIMD: four channels
;; at a time keep a running maximum and its position (the last maximum, starting at the smallest
;; positive float32, as tfjs's kernel does: tfjs-backend-wasm kernels/MaxPoolGrad.cc). It works in the
;; tfjs wasm backend's own memory (imported), on the tensors' byte offsets, so nothing is copied.
;; Built into max-pool-grad-bytes.ts by tools/wasm/build-kernels.ts; core/wasm-max-pool-grad.ts calls it.
(module
  (import "env" "memory" (memory 1))

  ;; One channel's gradient: every position of a window whose dy is not finite gets 0 + dy * 0 (NaN),
  ;; then the maximum's position (if any) gets 0 + dy.
  (func $put (param $dx i32) (param $at i32) (param $g f32)
             (param $rowStart i32) (param $rows i32) (param $cols i32) (param $c i32)
             (param $w i32) (param $ch i32)
    (local $i i32) (local $j i32) (local $e i32)
    (if (f32.ne (f32.sub (local.get $g) (local.get $g)) (f32.const 0))
      (then
        (local.set $i (i32.const 0))
        (block $doneRows (loop $eachRow
          (br_if $doneRows (i32.ge_s (local.get $i) (local.get $rows)))
          (local.set $j (i32.const 0))
          (block $doneCols (loop $eachCol
            (br_if $doneCols (i32.ge_s (local.get $j) (local.get $cols)))
            (local.set $e (i32.add (i32.add (local.get $rowStart)
              (i32.mul (i32.add (i32.mul (local.get $i) (local.get $w)) (local.get $j)) (local.get $ch))) (local.get $c)))
            (f32.store (i32.add (local.get $dx) (i32.shl (local.get $e) (i32.const 2)))
              (f32.add (f32.const 0) (f32.mul (local.get $g) (f32.const 0))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $eachCol)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $eachRow)))))
    (if (i32.ge_s (local.get $at) (i32.const 0))
      (then (f32.store (i32.add (local.get $dx) (i32.shl (local.get $at) (i32.const 2)))
                       (f32.add (f32.const 0) (local.get $g))))))

  ;; One window, channels [k, k + 4): the last maximum of each channel at or above FLT_MIN.
  ;; $first: element index of the window's first position and channel k; $rowStep, $colStep in elements.
  (func $argmax4 (param $x i32) (param $first i32) (param $rows i32) (param $cols i32)
                 (param $rowStep i32) (param $ch i32) (result v128)
    (local $best v128) (local $at v128) (local $v v128) (local $m v128)
    (local $i i32) (local $j i32) (local $e i32)
    (local.set $best (f32x4.splat (f32.const 0x1p-126)))
    (local.set $at (i32x4.splat (i32.const -1)))
    (local.set $i (i32.const 0))
    (block $doneRows (loop $eachRow
      (br_if $doneRows (i32.ge_s (local.get $i) (local.get $rows)))
      (local.set $e (i32.add (local.get $first) (i32.mul (local.get $i) (local.get $rowStep))))
      (local.set $j (i32.const 0))
      (block $doneCols (loop $eachCol
        (br_if $doneCols (i32.ge_s (local.get $j) (local.get $cols)))
        (local.set $v (v128.load (i32.add (local.get $x) (i32.shl (local.get $e) (i32.const 2)))))
        (local.set $m (f32x4.ge (local.get $v) (local.get $best)))
        (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
        (local.set $at (v128.bitselect
          (i32x4.add (i32x4.splat (local.get $e)) (v128.const i32x4 0 1 2 3)) (local.get $at) (local.get $m)))
        (local.set $e (i32.add (local.get $e) (local.get $ch)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $eachCol)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $eachRow)))
    (local.get $at))

  ;; The same for one channel (the channels left over after the groups of four).
  (func $argmax1 (param $x i32) (param $first i32) (param $rows i32) (param $cols i32)
                 (param $rowStep i32) (param $ch i32) (result i32)
    (local $best f32) (local $at i32) (local $v f32) (local $i i32) (local $j i32) (local $e i32)
    (local.set $best (f32.const 0x1p-126))
    (local.set $at (i32.const -1))
    (local.set $i (i32.const 0))
    (block $doneRows (loop $eachRow
      (br_if $doneRows (i32.ge_s (local.get $i) (local.get $rows)))
      (local.set $e (i32.add (local.get $first) (i32.mul (local.get $i) (local.get $rowStep))))
      (local.set $j (i32.const 0))
      (block $doneCols (loop $eachCol
        (br_if $doneCols (i32.ge_s (local.get $j) (local.get $cols)))
        (local.set $v (f32.load (i32.add (local.get $x) (i32.shl (local.get $e) (i32.const 2)))))
        (if (f32.ge (local.get $v) (local.get $best))
          (then (local.set $best (local.get $v)) (local.set $at (local.get $e))))
        (local.set $e (i32.add (local.get $e) (local.get $ch)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $eachCol)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $eachRow)))
    (local.get $at))

  ;; All channels of one window. $first: element index of its first position (channel 0); $g0: of its dy.
  (func $window (param $x i32) (param $dy i32) (param $dx i32) (param $first i32) (param $g0 i32)
                (param $rows i32) (param $cols i32) (param $w i32) (param $ch i32)
    (local $k i32) (local $at v128) (local $g v128) (local $a i32) (local $rowStep i32)
    (local.set $rowStep (i32.mul (local.get $w) (local.get $ch)))
    (local.set $k (i32.const 0))
    (block $doneQuads (loop $eachQuad
      (br_if $doneQuads (i32.gt_s (i32.add (local.get $k) (i32.const 4)) (local.get $ch)))
      (local.set $at (call $argmax4 (local.get $x) (i32.add (local.get $first) (local.get $k))
        (local.get $rows) (local.get $cols) (local.get $rowStep) (local.get $ch)))
      (local.set $g (v128.load (i32.add (local.get $dy) (i32.shl (i32.add (local.get $g0) (local.get $k)) (i32.const 2)))))
      (if (v128.any_true (f32x4.ne (f32x4.sub (local.get $g) (local.get $g)) (f32x4.splat (f32.const 0))))
        (then
          ;; A non-finite dy among the four: the careful path, channel by channel.
          (call $put (local.get $dx) (i32x4.extract_lane 0 (local.get $at)) (f32x4.extract_lane 0 (local.get $g))
            (local.get $first) (local.get $rows) (local.get $cols) (local.get $k) (local.get $w) (local.get $ch))
          (call $put (local.get $dx) (i32x4.extract_lane 1 (local.get $at)) (f32x4.extract_lane 1 (local.get $g))
            (local.get $first) (local.get $rows) (local.get $cols) (i32.add (local.get $k) (i32.const 1)) (local.get $w) (local.get $ch))
          (call $put (local.get $dx) (i32x4.extract_lane 2 (local.get $at)) (f32x4.extract_lane 2 (local.get $g))
            (local.get $first) (local.get $rows) (local.get $cols) (i32.add (local.get $k) (i32.const 2)) (local.get $w) (local.get $ch))
          (call $put (local.get $dx) (i32x4.extract_lane 3 (local.get $at)) (f32x4.extract_lane 3 (local.get $g))
            (local.get $first) (local.get $rows) (local.get $cols) (i32.add (local.get $k) (i32.const 3)) (local.get $w) (local.get $ch)))
        (else
          ;; All finite: each maximum's position gets 0 + dy, the rest stay 0.
          (local.set $g (f32x4.add (f32x4.splat (f32.const 0)) (local.get $g)))
          (local.set $a (i32x4.extract_lane 0 (local.get $at)))
          (if (i32.ge_s (local.get $a) (i32.const 0))
            (then (f32.store (i32.add (local.get $dx) (i32.shl (local.get $a) (i32.const 2))) (f32x4.extract_lane 0 (local.get $g)))))
          (local.set $a (i32x4.extract_lane 1 (local.get $at)))
          (if (i32.ge_s (local.get $a) (i32.const 0))
            (then (f32.store (i32.add (local.get $dx) (i32.shl (local.get $a) (i32.const 2))) (f32x4.extract_lane 1 (local.get $g)))))
          (local.set $a (i32x4.extract_lane 2 (local.get $at)))
          (if (i32.ge_s (local.get $a) (i32.const 0))
            (then (f32.store (i32.add (local.get $dx) (i32.shl (local.get $a) (i32.const 2))) (f32x4.extract_lane 2 (local.get $g)))))
          (local.set $a (i32x4.extract_lane 3 (local.get $at)))
          (if (i32.ge_s (local.get $a) (i32.const 0))
            (then (f32.store (i32.add (local.get $dx) (i32.shl (local.get $a) (i32.const 2))) (f32x4.extract_lane 3 (local.get $g)))))))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $eachQuad)))
    (block $doneRest (loop $eachRest
      (br_if $doneRest (i32.ge_s (local.get $k) (local.get $ch)))
      (call $put (local.get $dx)
        (call $argmax1 (local.get $x) (i32.add (local.get $first) (local.get $k)) (local.get $rows) (local.get $cols) (local.get $rowStep) (local.get $ch))
        (call $dyAt (local.get $dy) (local.get $g0) (local.get $k) (i32.const 0))
        (local.get $first) (local.get $rows) (local.get $cols) (local.get $k) (local.get $w) (local.get $ch))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $eachRest))))

  (func $dyAt (param $dy i32) (param $g0 i32) (param $k i32) (param $lane i32) (result f32)
    (f32.load (i32.add (local.get $dy)
      (i32.shl (i32.add (i32.add (local.get $g0) (local.get $k)) (local.get $lane)) (i32.const 2)))))

  (func $max (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.gt_s (local.get $a) (local.get $b))))
  (func $min (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.lt_s (local.get $a) (local.get $b))))

  ;; Pointers are byte offsets into the memory; the geometry as tf.backend_util.computePool2DInfo gives it.
  (func (export "maxPoolGradNoOverlap") (param $x i32) (param $dy i32) (param $dx i32)
    (param $nb i32) (param $h i32) (param $w i32) (param $ch i32) (param $oh i32) (param $ow i32)
    (param $sh i32) (param $sw i32) (param $fh i32) (param $fw i32) (param $pt i32) (param $pl i32)
    (local $b i32) (local $r i32) (local $q i32) (local $r0 i32) (local $r1 i32) (local $q0 i32) (local $q1 i32)
    (memory.fill (local.get $dx) (i32.const 0)
      (i32.shl (i32.mul (i32.mul (local.get $nb) (local.get $h)) (i32.mul (local.get $w) (local.get $ch))) (i32.const 2)))
    (local.set $b (i32.const 0))
    (block $doneB (loop $eachB
      (br_if $doneB (i32.ge_s (local.get $b) (local.get $nb)))
      (local.set $r (i32.const 0))
      (block $doneR (loop $eachR
        (br_if $doneR (i32.ge_s (local.get $r) (local.get $oh)))
        (local.set $r0 (call $max (i32.const 0) (i32.sub (i32.mul (local.get $r) (local.get $sh)) (local.get $pt))))
        (local.set $r1 (call $min (local.get $h) (i32.add (i32.sub (i32.mul (local.get $r) (local.get $sh)) (local.get $pt)) (local.get $fh))))
        (local.set $q (i32.const 0))
        (block $doneQ (loop $eachQ
          (br_if $doneQ (i32.ge_s (local.get $q) (local.get $ow)))
          (local.set $q0 (call $max (i32.const 0) (i32.sub (i32.mul (local.get $q) (local.get $sw)) (local.get $pl))))
          (local.set $q1 (call $min (local.get $w) (i32.add (i32.sub (i32.mul (local.get $q) (local.get $sw)) (local.get $pl)) (local.get $fw))))
          (call $window (local.get $x) (local.get $dy) (local.get $dx)
            (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r0)) (local.get $w)) (local.get $q0)) (local.get $ch))
            (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $oh)) (local.get $r)) (local.get $ow)) (local.get $q)) (local.get $ch))
            (i32.sub (local.get $r1) (local.get $r0)) (i32.sub (local.get $q1) (local.get $q0)) (local.get $w) (local.get $ch))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $eachQ)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $eachR)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $eachB))))
)
