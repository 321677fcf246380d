// A small WebAssembly binary writer: just what the expression compiler emits (one imported
// memory, imported and defined functions, exports, i32/f32/f64/v128 code). Encoding from the
// WebAssembly core specification 2.0, section 5 (binary format), and its SIMD opcode table.

export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof F32 | typeof F64 | typeof V128;

/** Opcodes after the 0xfd prefix (SIMD), as numbers; `Code.simd` writes their LEB128 form. */
export const SIMD = {
  load: 0x00, load32Splat: 0x09, store: 0x0b, const: 0x0c, i8x16Shuffle: 0x0d, f32x4Splat: 0x13, f32x4ExtractLane: 0x1f,
  f64x2ExtractLane: 0x21, f32x4Eq: 0x41, f32x4Ne: 0x42, f32x4Lt: 0x43, f32x4Gt: 0x44, f32x4Le: 0x45, f32x4Ge: 0x46,
  not: 0x4d, and: 0x4e, andnot: 0x4f, or: 0x50, xor: 0x51, bitselect: 0x52,
  f64x2PromoteLow: 0x5f, f32x4Abs: 0xe0, f32x4Neg: 0xe1, f32x4Sqrt: 0xe3, f32x4Add: 0xe4, f32x4Sub: 0xe5,
  f32x4Mul: 0xe6, f32x4Div: 0xe7, f32x4Min: 0xe8, f32x4Max: 0xe9, f64x2Add: 0xf0, f32x4RelaxedMadd: 0x105,
} as const;

/** Unsigned LEB128. */
function uleb(out: number[], value: number): void {
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
}

/** Signed LEB128 of a 32-bit integer. */
function sleb(out: number[], value: number): void {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

function name(out: number[], s: string): void {
  const bytes = new TextEncoder().encode(s);
  uleb(out, bytes.length);
  for (const b of bytes) out.push(b);
}

/** One function body's instructions. */
export class Code {
  readonly bytes: number[] = [];

  private op(...b: number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }

  localGet(i: number): this { this.op(0x20); uleb(this.bytes, i); return this; }
  localSet(i: number): this { this.op(0x21); uleb(this.bytes, i); return this; }
  localTee(i: number): this { this.op(0x22); uleb(this.bytes, i); return this; }
  call(f: number): this { this.op(0x10); uleb(this.bytes, f); return this; }
  i32Const(v: number): this { this.op(0x41); sleb(this.bytes, v); return this; }
  i32Add(): this { return this.op(0x6a); }
  i32Sub(): this { return this.op(0x6b); }
  i32And(): this { return this.op(0x71); }
  i32Shl(): this { return this.op(0x74); }
  i32GeU(): this { return this.op(0x4f); }
  f64Const(v: number): this {
    this.op(0x44);
    const b = new Uint8Array(new Float64Array([v]).buffer);
    for (const x of b) this.bytes.push(x);
    return this;
  }
  f64Add(): this { return this.op(0xa0); }
  f64PromoteF32(): this { return this.op(0xbb); }
  /** f32.load with 4-byte alignment at `offset` bytes past the address on the stack. */
  f32Load(offset = 0): this { this.op(0x2a, 2); uleb(this.bytes, offset); return this; }
  f32Store(offset = 0): this { this.op(0x38, 2); uleb(this.bytes, offset); return this; }
  f64Store(offset = 0): this { this.op(0x39, 3); uleb(this.bytes, offset); return this; }
  /** block/loop with no result; `end` closes it. */
  block(): this { return this.op(0x02, 0x40); }
  loop(): this { return this.op(0x03, 0x40); }
  br(depth: number): this { this.op(0x0c); uleb(this.bytes, depth); return this; }
  brIf(depth: number): this { this.op(0x0d); uleb(this.bytes, depth); return this; }
  end(): this { return this.op(0x0b); }

  simd(opcode: number): this { this.op(0xfd); uleb(this.bytes, opcode); return this; }
  /** v128.load / v128.store with 16-byte alignment hint 4 (2^4) and `offset`. */
  v128Load(offset = 0): this { this.simd(SIMD.load); this.op(4); uleb(this.bytes, offset); return this; }
  v128Store(offset = 0): this { this.simd(SIMD.store); this.op(4); uleb(this.bytes, offset); return this; }
  v128Load32Splat(offset = 0): this { this.simd(SIMD.load32Splat); this.op(2); uleb(this.bytes, offset); return this; }
  /** v128.const of four float32 lanes. */
  f32x4Const(lanes: readonly [number, number, number, number]): this {
    this.simd(SIMD.const);
    for (const x of new Uint8Array(new Float32Array(lanes).buffer)) this.bytes.push(x);
    return this;
  }
  /** v128.const of four int32 lanes (bit masks). */
  i32x4Const(lanes: readonly [number, number, number, number]): this {
    this.simd(SIMD.const);
    for (const x of new Uint8Array(new Int32Array(lanes).buffer)) this.bytes.push(x);
    return this;
  }
  lane(opcode: number, lane: number): this { this.simd(opcode); this.op(lane); return this; }
}

export interface FunctionType {
  params: ValueType[];
  results: ValueType[];
}

interface DefinedFunction {
  type: number;
  locals: ValueType[];
  code: Code;
  exportName?: string;
}

/** A module with one imported memory ("env" "memory"), imported functions, then defined functions. */
export class ModuleBuilder {
  private readonly types: FunctionType[] = [];
  private readonly imports: { module: string; field: string; type: number }[] = [];
  private readonly functions: DefinedFunction[] = [];

  private typeIndex(t: FunctionType): number {
    const key = (x: FunctionType) => `${x.params.join(',')}>${x.results.join(',')}`;
    const i = this.types.findIndex((u) => key(u) === key(t));
    if (i >= 0) return i;
    this.types.push(t);
    return this.types.length - 1;
  }

  /** Imports a function; all imports must come before the first `addFunction`. Returns its index. */
  importFunction(module: string, field: string, type: FunctionType): number {
    if (this.functions.length) throw new Error('imports must precede defined functions');
    this.imports.push({ module, field, type: this.typeIndex(type) });
    return this.imports.length - 1;
  }

  /** Adds a function (locals after its parameters); returns its index. */
  addFunction(type: FunctionType, locals: ValueType[], code: Code, exportName?: string): number {
    this.functions.push({ type: this.typeIndex(type), locals, code, exportName });
    return this.imports.length + this.functions.length - 1;
  }

  toBytes(): Uint8Array {
    const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const section = (id: number, body: number[]): void => {
      out.push(id);
      uleb(out, body.length);
      for (const b of body) out.push(b);
    };
    const types: number[] = [];
    uleb(types, this.types.length);
    for (const t of this.types) {
      types.push(0x60);
      uleb(types, t.params.length);
      types.push(...t.params);
      uleb(types, t.results.length);
      types.push(...t.results);
    }
    section(1, types);
    const imports: number[] = [];
    uleb(imports, this.imports.length + 1);
    name(imports, 'env');
    name(imports, 'memory');
    imports.push(0x02, 0x00, 0x01); // memory, no maximum, at least one page
    for (const im of this.imports) {
      name(imports, im.module);
      name(imports, im.field);
      imports.push(0x00);
      uleb(imports, im.type);
    }
    section(2, imports);
    const funcs: number[] = [];
    uleb(funcs, this.functions.length);
    for (const f of this.functions) uleb(funcs, f.type);
    section(3, funcs);
    const exports: number[] = [];
    const exported = this.functions.map((f, i) => ({ f, index: this.imports.length + i })).filter((x) => x.f.exportName);
    uleb(exports, exported.length);
    for (const { f, index } of exported) {
      name(exports, f.exportName!);
      exports.push(0x00);
      uleb(exports, index);
    }
    section(7, exports);
    const code: number[] = [];
    uleb(code, this.functions.length);
    for (const f of this.functions) {
      const body: number[] = [];
      // locals as runs of one type
      const runs: [number, ValueType][] = [];
      for (const t of f.locals) {
        const last = runs[runs.length - 1];
        if (last && last[1] === t) last[0]++;
        else runs.push([1, t]);
      }
      uleb(body, runs.length);
      for (const [n, t] of runs) {
        uleb(body, n);
        body.push(t);
      }
      for (const b of f.code.bytes) body.push(b);
      body.push(0x0b);
      uleb(code, body.length);
      for (const b of body) code.push(b);
    }
    section(10, code);
    return new Uint8Array(out);
  }
}
