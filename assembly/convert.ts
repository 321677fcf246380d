// Byte images to float inputs: x = byte * scale (scale 1/255 puts MNIST pixels in [0, 1]).

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
