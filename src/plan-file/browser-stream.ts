/**
 * The part of Node's stream.Readable that word-extractor's reader of .doc files uses (a subclass whose _read pushes
 * one chunk at a time, read through "data", "end" and "error"), for the task pane: the pane's build gives this
 * module where "stream" is imported (scripts/build-taskpane.mjs).
 */
type Listener = (arg?: unknown) => void;

export class Readable {
  private readonly listeners = new Map<string, Listener[]>();
  private ended = false;
  private flowing = false;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    // (Data flows once it is listened for, after the caller has added its other listeners.)
    if (event === "data" && !this.flowing) {
      this.flowing = true;
      queueMicrotask(() => void this.pump());
    }
    return this;
  }

  push(chunk: unknown): boolean {
    if (chunk === null) {
      this.ended = true;
      this.emit("end");
      return false;
    }
    this.emit("data", chunk);
    return true;
  }

  protected _read(): unknown {
    return this.push(null);
  }

  private emit(event: string, arg?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(arg);
  }

  private async pump(): Promise<void> {
    try {
      while (!this.ended) await this._read();
    } catch (error) {
      this.ended = true;
      this.emit("error", error);
    }
  }
}
