// Batches become floats on the fly: pixel bytes -> [0, 1], as the tutorial's
// `x.astype('float32') / 255`.

/** PIXEL_TO_FLOAT[b] = float32(b / 255): the correctly rounded quotient, as numpy's float32 division gives. */
export const PIXEL_TO_FLOAT: Float32Array = Float32Array.from({ length: 256 }, (_, b) => b / 255);

/**
 * Copies `count` images, `order[start..start+count)`, into `x` as floats.
 * images: (N, pixels) bytes; x: (count, pixels); labels: (N); y: (count) class indices.
 */
export function gatherBatch(
  images: Uint8Array, labels: Uint8Array, pixels: number,
  order: Int32Array | Uint32Array | null, start: number, count: number,
  x: Float32Array, y: Int32Array,
): void {
  for (let r = 0; r < count; r++) {
    const idx = order ? order[start + r] : start + r;
    const src = idx * pixels;
    const dst = r * pixels;
    for (let j = 0; j < pixels; j++) x[dst + j] = PIXEL_TO_FLOAT[images[src + j]]!;
    y[r] = labels[idx]!;
  }
}
