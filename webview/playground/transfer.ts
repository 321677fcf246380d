// The buffers of the typed arrays in a message (up to three levels deep), to transfer rather than
// copy: a frame's maps move between the worker and the page without a copy.

export function transferables(message: unknown, depth = 3, out: Transferable[] = []): Transferable[] {
  if (ArrayBuffer.isView(message)) {
    if (message.buffer instanceof ArrayBuffer && !out.includes(message.buffer)) out.push(message.buffer);
  } else if (depth > 0 && typeof message === 'object' && message !== null) {
    for (const v of Array.isArray(message) ? message : Object.values(message)) transferables(v, depth - 1, out);
  }
  return out;
}
