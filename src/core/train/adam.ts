// Adam in Keras's exact form (keras/optimizers/adam.py; tf.keras optimizer_v2/adam.py):
//   alpha_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
//   m <- m + (g - m)(1 - beta1);  v <- v + (g^2 - v)(1 - beta2)
//   theta <- theta - alpha_t * m / (sqrt(v) + epsilon)
// epsilon is the paper's "epsilon hat" (Kingma & Ba 2015, just before section 2.1): added to the
// uncorrected sqrt(v), which is why Keras's 1e-7 and PyTorch's 1e-8 are not the same knob.

export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** The bias-corrected step size alpha_t for step t (1-based). */
export function adamStepSize(s: AdamSettings, t: number): number {
  return (s.learningRate * Math.sqrt(1 - Math.pow(s.beta2, t))) / (1 - Math.pow(s.beta1, t));
}

/**
 * m is set to 0 once |m| < M_FLUSH, v once sqrt(v) < 1e-6 epsilon: moments of weights whose
 * gradient stays 0 (dead units, border pixels) would otherwise decay into float32's subnormal range,
 * where x86 conversions take a slow microcode path. p moves by at most alpha M_FLUSH / epsilon less
 * (1e-26 with Keras's defaults). The WebAssembly Adam (assembly/adam.ts) flushes the same way.
 */
export const M_FLUSH = 1e-30;

/** Applies one Adam step to params[start, end). */
export function adamUpdate(
  params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array,
  start: number, end: number, alpha: number, s: AdamSettings,
): void {
  const oneMinusB1 = 1 - s.beta1;
  const oneMinusB2 = 1 - s.beta2;
  const eps = s.epsilon;
  const vFlush = (1e-6 * eps) ** 2;
  for (let i = start; i < end; i++) {
    const g = grads[i];
    // fround: use the moments as stored (float32), as Keras's float32 variables are.
    let mi = Math.fround(m[i] + (g - m[i]) * oneMinusB1);
    let vi = Math.fround(v[i] + (g * g - v[i]) * oneMinusB2);
    if (Math.abs(mi) < M_FLUSH) mi = 0; // NaN compares false: kept
    if (vi < vFlush) vi = 0;
    m[i] = mi;
    v[i] = vi;
    params[i] -= (alpha * mi) / (Math.sqrt(vi) + eps);
  }
}
