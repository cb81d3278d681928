// How often the language server may be restarted after it stops unexpectedly.

export class RestartPolicy {
  private restarts: number[] = [];

  constructor(
    /** At most this many restarts... */
    readonly max = 5,
    /** ...within this many milliseconds. */
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when the server may be restarted once more. */
  allowRestart(): boolean {
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < this.windowMs);
    if (this.restarts.length >= this.max) return false;
    this.restarts.push(now);
    return true;
  }

  /** Forgets past crashes (after the user restarts the server by hand). */
  reset(): void {
    this.restarts = [];
  }
}
