// The few WebAssembly JS-API members the kernels use, typed here because the project's lib
// (ES2022 without DOM) and @types/node 20 do not declare the global.

export interface WebAssemblyMemory {
  readonly buffer: ArrayBuffer;
}

export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number; maximum?: number }) => WebAssemblyMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}

/** The runtime's WebAssembly namespace, or undefined where there is none. */
export const webAssembly: WebAssemblyApi | undefined = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
