// Byte images to float inputs (x = byte * scale; 1/255 puts MNIST pixels in [0, 1]), and a sum of |x|.

/** dst[i] = f32(src[i]) * scale for i < count; src is bytes, dst floats. */
export function bytesToFloat(count: i32, src: usize, scale: f32, dst: usize): void {
  const s = f32x4.splat(scale);
  let i = 0;
  for (; i + 16 <= count; i += 16) {
    const v = v128.load(src + <usize>i);
    const lo = i16x8.extend_low_i8x16_u(v);
    const hi = i16x8.extend_high_i8x16_u(v);
    const d = dst + (<usize>i << 2);
    v128.store(d, f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_u(lo)), s));
    v128.store(d, f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_high_i16x8_u(lo)), s), 16);
    v128.store(d, f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_u(hi)), s), 32);
    v128.store(d, f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_high_i16x8_u(hi)), s), 48);
  }
  for (; i < count; i++) store<f32>(dst + (<usize>i << 2), <f32>load<u8>(src + <usize>i) * scale);
}

/** sum_i |x[i]| for i < count (gradient-size statistics). */
export function sumAbs(count: i32, x: usize): f64 {
  // the f32 lane sums restart every 4096 values and go into a double: rounding stays near 1e-7
  let total: f64 = 0;
  let i = 0;
  while (i + 4 <= count) {
    const end = min(count & ~3, i + 4096);
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
    for (; i + 8 <= end; i += 8) {
      s0 = f32x4.add(s0, f32x4.abs(v128.load(x + (<usize>i << 2))));
      s1 = f32x4.add(s1, f32x4.abs(v128.load(x + (<usize>i << 2), 16)));
    }
    for (; i < end; i += 4) s0 = f32x4.add(s0, f32x4.abs(v128.load(x + (<usize>i << 2))));
    const s = f32x4.add(s0, s1);
    total += <f64>f32x4.extract_lane(s, 0) + <f64>f32x4.extract_lane(s, 1) + <f64>f32x4.extract_lane(s, 2) + <f64>f32x4.extract_lane(s, 3);
  }
  for (; i < count; i++) total += <f64>Mathf.abs(load<f32>(x + (<usize>i << 2)));
  return total;
}
