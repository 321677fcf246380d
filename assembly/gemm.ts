// Register-blocked single-precision GEMM, row-major: C(m,n) = beta*C + op(A) op(B).
// Loop nest after Goto & van de Geijn, "Anatomy of high-performance matrix multiplication"
// (ACM TOMS 2008): K is cut in KC blocks, rows in MC blocks; a 4x8 micro-kernel keeps its tile of
// C in 8 f32x4 registers while it walks K. Pointers and strides are in bytes.
//
// A is packed into 4-row tiles with a list of the k where the 4 rows are not all zero; a tile
// with few such k keeps only those columns and reads B's rows through the list. The sum is the
// same: only terms 0*b are left out (so a NaN in B meeting an exact 0 in A does not spread).
// MNIST images are 81% zeros; a 4-image tile is all zero at 61% of the pixels, so the input
// layer's X W1 and X^T dZ1 do about 2.5x less work.

import { madd, transpose4 } from './simd';

const MR: i32 = 4; // rows of a register tile
const NR: i32 = 8; // columns of a register tile (two f32x4)
const KC: i32 = 256; // K block: a packed 8-column B panel (8 KB) stays in L1
const MC: i32 = 128; // row block: the packed A block (128 KB) stays in L2
// Below this share of live k the indexed loop (one extra load and multiply per k) wins.
const SPARSE_SHARE: f32 = 0.9;

// Scratch in linear memory, placed once by `init`: nothing is allocated per call.
let packA: usize = 0; // (MC/MR) tiles of [KC][MR]
let liveK: usize = 0; // (MC/MR) lists of up to KC i32: each tile's live k
let liveCount: usize = 0; // (MC/MR) i32: how many k of each tile are live
let packB: usize = 0; // one panel [KC][NR]
let tileC: usize = 0; // one [MR][NR] tile for the ragged edges of C

/** Places the scratch at `base` (16-byte aligned); returns the first byte after it. */
export function init(base: usize): usize {
  packA = base;
  liveK = packA + <usize>(MC * KC * 4);
  liveCount = liveK + <usize>((MC / MR) * KC * 4);
  packB = liveCount + <usize>((MC / MR) * 4);
  tileC = packB + <usize>(KC * NR * 4);
  return tileC + <usize>(MR * NR * 4);
}

/**
 * The 4x8 micro-kernel: C tile (4,8) = [C +] sum_q A(:,q) B(k_q,:). The packed A tile at `a`
 * holds 4 floats per q; B(k,:) is 8 contiguous floats at `b + k*ldb`. Dense (`live` = 0):
 * k_q = q. Sparse: the tile holds only its live columns and k_q is the q-th entry of the i32
 * list at `live`.
 */
// @ts-ignore: decorator
@inline function kernel4x8(
  count: i32, a: usize, live: usize, b: usize, ldb: usize, c: usize, ldc: usize, accumulate: bool,
): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  if (live == 0) {
    for (let q = 0; q < count; q++) {
      const b0 = v128.load(b);
      const b1 = v128.load(b, 16);
      let x = v128.load32_splat(a);
      c00 = madd(x, b0, c00); c01 = madd(x, b1, c01);
      x = v128.load32_splat(a, 4);
      c10 = madd(x, b0, c10); c11 = madd(x, b1, c11);
      x = v128.load32_splat(a, 8);
      c20 = madd(x, b0, c20); c21 = madd(x, b1, c21);
      x = v128.load32_splat(a, 12);
      c30 = madd(x, b0, c30); c31 = madd(x, b1, c31);
      a += 16;
      b += ldb;
    }
  } else {
    for (let q = 0; q < count; q++) {
      const row = b + <usize>load<i32>(live) * ldb;
      const b0 = v128.load(row);
      const b1 = v128.load(row, 16);
      let x = v128.load32_splat(a);
      c00 = madd(x, b0, c00); c01 = madd(x, b1, c01);
      x = v128.load32_splat(a, 4);
      c10 = madd(x, b0, c10); c11 = madd(x, b1, c11);
      x = v128.load32_splat(a, 8);
      c20 = madd(x, b0, c20); c21 = madd(x, b1, c21);
      x = v128.load32_splat(a, 12);
      c30 = madd(x, b0, c30); c31 = madd(x, b1, c31);
      a += 16;
      live += 4;
    }
  }
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(c)); c01 = f32x4.add(c01, v128.load(c, 16)); c += ldc;
    c10 = f32x4.add(c10, v128.load(c)); c11 = f32x4.add(c11, v128.load(c, 16)); c += ldc;
    c20 = f32x4.add(c20, v128.load(c)); c21 = f32x4.add(c21, v128.load(c, 16)); c += ldc;
    c30 = f32x4.add(c30, v128.load(c)); c31 = f32x4.add(c31, v128.load(c, 16));
    c -= 3 * ldc;
  }
  v128.store(c, c00); v128.store(c, c01, 16); c += ldc;
  v128.store(c, c10); v128.store(c, c11, 16); c += ldc;
  v128.store(c, c20); v128.store(c, c21, 16); c += ldc;
  v128.store(c, c30); v128.store(c, c31, 16);
}

/** Stores column k (4 rows) of a tile and lists k when the rows are not all zero; returns the new count. */
// @ts-ignore: decorator
@inline function keep(v: v128, k: i32, dst: usize, live: usize, count: i32): i32 {
  v128.store(dst + (<usize>k << 4), v);
  // the list entry is written either way (no branch); the count only moves past a live k
  store<i32>(live + (<usize>count << 2), k);
  return count + <i32>v128.any_true(f32x4.ne(v, f32x4.splat(0)));
}

/**
 * Packs op(A) rows i..i+mr-1, k range pc..pc+kc-1 into one [kc][MR] tile (zero rows past mr) and
 * lists its live k; returns their number. A(r,k) is at `a + r*rowStride + k*colStride`: A stored
 * (m,k) has rowStride 4k, colStride 4; stored (k,m) (transA) 4 and 4m.
 */
function packATile(a: usize, rowStride: usize, colStride: usize, mr: i32, kc: i32, dst: usize, live: usize): i32 {
  let count = 0;
  if (mr == MR && colStride == 4) {
    // rows are contiguous in k: transpose 4x4 blocks into the tile, then look at each column
    let p = 0;
    for (; p + 4 <= kc; p += 4) {
      const d = dst + (<usize>p << 4);
      transpose4(a + (<usize>p << 2), rowStride, d, 16);
      count = keep(v128.load(d), p, dst, live, count);
      count = keep(v128.load(d, 16), p + 1, dst, live, count);
      count = keep(v128.load(d, 32), p + 2, dst, live, count);
      count = keep(v128.load(d, 48), p + 3, dst, live, count);
    }
    for (; p < kc; p++) {
      const s = a + (<usize>p << 2);
      let v = f32x4.splat(load<f32>(s));
      v = f32x4.replace_lane(v, 1, load<f32>(s + rowStride));
      v = f32x4.replace_lane(v, 2, load<f32>(s + 2 * rowStride));
      v = f32x4.replace_lane(v, 3, load<f32>(s + 3 * rowStride));
      count = keep(v, p, dst, live, count);
    }
  } else if (mr == MR && rowStride == 4) {
    // transA: the 4 rows at one k are 4 contiguous floats
    for (let p = 0; p < kc; p++) count = keep(v128.load(a + <usize>p * colStride), p, dst, live, count);
  } else {
    for (let p = 0; p < kc; p++) {
      const s = a + <usize>p * colStride;
      let v = f32x4.splat(0);
      v = f32x4.replace_lane(v, 0, load<f32>(s));
      if (mr > 1) v = f32x4.replace_lane(v, 1, load<f32>(s + rowStride));
      if (mr > 2) v = f32x4.replace_lane(v, 2, load<f32>(s + 2 * rowStride));
      count = keep(v, p, dst, live, count);
    }
  }
  return count;
}

/** Packs op(B) rows pc..pc+kc-1, columns j..j+nr-1 into [kc][NR], zero-padding columns. */
function packBPanel(transB: bool, b: usize, n: i32, k: i32, j: i32, nr: i32, pc: i32, kc: i32, dst: usize): void {
  if (transB) {
    // B stored (n,k): op(B)(p,q) = B[q,p], so the panel is a transpose of 8 stored rows.
    const ldb = <usize>k << 2;
    const src = b + ((<usize>j * <usize>k + <usize>pc) << 2);
    if (nr == NR) {
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const s = src + (<usize>p << 2);
        const d = dst + (<usize>p << 5);
        transpose4(s, ldb, d, 32);
        transpose4(s + 4 * ldb, ldb, d + 16, 32);
      }
      for (; p < kc; p++) {
        for (let q = 0; q < NR; q++) {
          store<f32>(dst + (<usize>(p * NR + q) << 2), load<f32>(src + <usize>q * ldb + (<usize>p << 2)));
        }
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let q = 0; q < NR; q++) {
          store<f32>(dst + (<usize>(p * NR + q) << 2), q < nr ? load<f32>(src + <usize>q * ldb + (<usize>p << 2)) : 0);
        }
      }
    }
  } else {
    const src = b + ((<usize>pc * <usize>n + <usize>j) << 2);
    const ldb = <usize>n << 2;
    for (let p = 0; p < kc; p++) {
      for (let q = 0; q < NR; q++) {
        store<f32>(dst + (<usize>(p * NR + q) << 2), q < nr ? load<f32>(src + <usize>p * ldb + (<usize>q << 2)) : 0);
      }
    }
  }
}

/**
 * C(m,n) = beta*C + op(A) op(B). op(A) is (m,k): A stored (m,k), or (k,m) when transA. op(B) is
 * (k,n): B stored (k,n), or (n,k) when transB. beta is 0 or 1. a, b, c are byte addresses.
 */
export function gemm(
  transA: bool, transB: bool, m: i32, n: i32, k: i32, a: usize, b: usize, beta: i32, c: usize,
): void {
  const ldc = <usize>n << 2;
  // A(i,p) is at a + i*rowStride + p*colStride
  const rowStride: usize = transA ? 4 : <usize>k << 2;
  const colStride: usize = transA ? <usize>m << 2 : 4;
  for (let pc = 0; pc < k; pc += KC) {
    const kc = min(KC, k - pc);
    const accumulate = beta != 0 || pc > 0;
    for (let ic = 0; ic < m; ic += MC) {
      const mc = min(MC, m - ic);
      // pack every 4-row tile of this block once; all column panels of B reuse it
      for (let i = 0; i < mc; i += MR) {
        const t = <usize>(i / MR);
        const src = a + <usize>(ic + i) * rowStride + <usize>pc * colStride;
        const tile = packA + t * <usize>(KC * MR * 4);
        const list = liveK + t * <usize>(KC * 4);
        const count = packATile(src, rowStride, colStride, min(MR, mc - i), kc, tile, list);
        store<i32>(liveCount + (t << 2), count);
        if (<f32>count <= SPARSE_SHARE * <f32>kc) {
          // sparse tile: move its live columns to the front, so the kernel walks A contiguously
          for (let q = 0; q < count; q++) {
            v128.store(tile + (<usize>q << 4), v128.load(tile + (<usize>load<i32>(list + (<usize>q << 2)) << 4)));
          }
        }
      }
      for (let j = 0; j < n; j += NR) {
        const nr = min(NR, n - j);
        let bPanel: usize;
        let ldb: usize;
        if (!transB && nr == NR) {
          bPanel = b + ((<usize>pc * <usize>n + <usize>j) << 2);
          ldb = <usize>n << 2;
        } else {
          packBPanel(transB, b, n, k, j, nr, pc, kc, packB);
          bPanel = packB;
          ldb = <usize>(NR * 4);
        }
        for (let i = 0; i < mc; i += MR) {
          const mr = min(MR, mc - i);
          const t = <usize>(i / MR);
          const aTile = packA + t * <usize>(KC * MR * 4);
          const count = load<i32>(liveCount + (t << 2));
          // a mostly dense tile takes the plain loop over all kc
          const sparse = <f32>count <= SPARSE_SHARE * <f32>kc;
          const live: usize = sparse ? liveK + t * <usize>(KC * 4) : 0;
          const steps = sparse ? count : kc;
          const cTile = c + ((<usize>(ic + i) * <usize>n + <usize>j) << 2);
          if (mr == MR && nr == NR) {
            kernel4x8(steps, aTile, live, bPanel, ldb, cTile, ldc, accumulate);
          } else {
            kernel4x8(steps, aTile, live, bPanel, ldb, tileC, <usize>(NR * 4), false);
            for (let r = 0; r < mr; r++) {
              for (let q = 0; q < nr; q++) {
                const dst = cTile + <usize>r * ldc + (<usize>q << 2);
                const v = load<f32>(tileC + (<usize>(r * NR + q) << 2));
                store<f32>(dst, accumulate ? load<f32>(dst) + v : v);
              }
            }
          }
        }
      }
    }
  }
}
