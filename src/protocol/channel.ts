// One typed message channel for every transport the lab uses: a webview (host side and page
// side), a worker_threads Worker and a child process. A thin transport adapter moves raw
// values; the channel parses and validates each incoming one (a malformed message is reported
// and dropped, here and nowhere else), dispatches by `type`, and matches replies to requests by
// id with a timeout. Pure: no Node or DOM imports, so the page bundles it too.

/** Moves raw values to and from the other side. */
export interface Transport {
  send(message: unknown): void;
  /** Calls `receive` with every raw incoming value; returns the unsubscribe function. */
  listen(receive: (raw: unknown) => void): () => void;
}

export interface ChannelOptions<In> {
  /** The incoming message, or a string saying what is wrong with it. */
  parse(raw: unknown): In | string;
  /** A message that failed `parse` (it is dropped). */
  onInvalid?(problem: string, raw: unknown): void;
  /** A handler threw (the other handlers still get the message). */
  onHandlerError?(type: string, error: unknown): void;
  /** Default time a request waits for its reply. */
  requestTimeoutMs?: number;
}

type Message = { type: string };
/** A reply names the request it answers. */
type Reply = Message & { requestId: string };

interface Pending {
  replyType: string;
  resolve(m: Message): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

let channels = 0;

export class Channel<In extends Message, Out extends Message> {
  private readonly handlers = new Map<string, Set<(m: In) => void>>();
  private readonly any = new Set<(m: In) => void>();
  private readonly pending = new Map<string, Pending>();
  private readonly stopListening: () => void;
  private readonly idPrefix = `c${++channels}-${Math.random().toString(36).slice(2, 8)}`;
  private nextId = 0;
  private disposed = false;

  constructor(private readonly transport: Transport, private readonly options: ChannelOptions<In>) {
    this.stopListening = transport.listen((raw) => this.receive(raw));
  }

  /** Sends a message (dropped once the channel is disposed). */
  send(message: Out): void {
    if (!this.disposed) this.transport.send(message);
  }

  /** Handles every message of one type; returns the unsubscribe function. */
  on<K extends In['type']>(type: K, handler: (m: Extract<In, { type: K }>) => void): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    const h = handler as (m: In) => void;
    set.add(h);
    return () => set.delete(h);
  }

  /** Handles every valid message; returns the unsubscribe function. */
  onMessage(handler: (m: In) => void): () => void {
    this.any.add(handler);
    return () => this.any.delete(handler);
  }

  /**
   * Sends the request `make(requestId)` and resolves with the first `replyType` message carrying
   * that requestId. Rejects after the timeout, or when the channel is disposed, naming the request.
   */
  request<K extends In['type']>(make: (requestId: string) => Out, replyType: K, timeoutMs = this.options.requestTimeoutMs ?? 10_000): Promise<Extract<In, { type: K }>> {
    if (this.disposed) return Promise.reject(new Error(`cannot send a request for ${replyType}: the channel is closed`));
    const requestId = `${this.idPrefix}-${++this.nextId}`;
    const message = make(requestId);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`no ${replyType} reply to ${message.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(requestId, { replyType, resolve: resolve as (m: Message) => void, reject, timer });
      this.transport.send(message);
    });
  }

  /** Handles a raw value as if it had arrived (tests act as the other side with it). */
  receive(raw: unknown): void {
    if (this.disposed) return;
    const m = this.options.parse(raw);
    if (typeof m === 'string') {
      this.options.onInvalid?.(m, raw);
      return;
    }
    const requestId = (m as Partial<Reply>).requestId;
    if (typeof requestId === 'string') {
      const p = this.pending.get(requestId);
      if (p && p.replyType === m.type) {
        clearTimeout(p.timer);
        this.pending.delete(requestId);
        p.resolve(m);
      }
    }
    for (const h of [...(this.handlers.get(m.type) ?? []), ...this.any]) {
      try {
        h(m);
      } catch (e) {
        // One handler's bug must not keep the message from the others.
        this.options.onHandlerError?.(m.type, e);
      }
    }
  }

  /** Stops listening; pending requests are rejected. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopListening();
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`the channel closed before a ${p.replyType} reply (request ${id})`));
    }
    this.pending.clear();
    this.handlers.clear();
    this.any.clear();
  }
}
