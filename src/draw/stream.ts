import { createHmac } from 'node:crypto';

/**
 * The random stream (docs/draw-algorithm.md#stream): block i = HMAC-SHA256(key = seed bytes, label ‖ i as
 * 8 bytes big-endian), read as eight 32-bit big-endian words, i = 0, 1, 2, …
 */
export class DrawStream {
  private readonly key: Uint8Array;
  private readonly label: Uint8Array;
  private block = new DataView(new ArrayBuffer(32));
  private counter = 0n;
  private word = 8;

  constructor(seed: string, label: 'select' | 'assign') {
    this.key = Uint8Array.from(seed.match(/../g)!, (b) => Number.parseInt(b, 16));
    this.label = new TextEncoder().encode(label);
  }

  /** The next 32-bit unsigned word. */
  next(): number {
    if (this.word === 8) {
      const message = new Uint8Array(this.label.length + 8);
      message.set(this.label);
      new DataView(message.buffer).setBigUint64(this.label.length, this.counter++);
      const mac = createHmac('sha256', this.key).update(message).digest();
      this.block = new DataView(mac.buffer, mac.byteOffset, 32);
      this.word = 0;
    }
    return this.block.getUint32(4 * this.word++);
  }

  /** Uniform in [0, n) for 1 <= n <= 2^32, by rejection (no modulo bias); always reads at least one word. */
  uniform(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`uniform(${n})`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = this.next();
      if (x < limit) return x % n;
    }
  }
}
