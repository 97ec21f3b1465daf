/**
 * The stream under every export, driven by a scripted page source: the orders of reads and pulls that HTTP
 * clients produce by timing alone are made certain here.
 */
import { describe, expect, it } from 'vitest';
import { keysetPages, rangedPages, type PageSource } from '../src/domain/page-source.js';
import { pagedStream } from '../src/domain/paged-stream.js';

const scripted = (...pages: (string[] | null)[]): PageSource<string> => async () => (pages.length ? pages.shift()! : null);

const streamOf = (pages: PageSource<string>) =>
  pagedStream({ prefix: '<', pages, render: (rows) => rows.join(''), suffix: (n) => `>${n}`, what: 'test stream', log: () => {} });

/** Reads one chunk at a time, letting every pending pull settle before the next read. */
async function readSlowly(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const read = await Promise.race([reader.read(), new Promise<'stalled'>((r) => setTimeout(() => r('stalled'), 2000))]);
    if (read === 'stalled') throw new Error(`stream stalled after ${JSON.stringify(text)}`);
    if (read.done) return text;
    text += decoder.decode(read.value);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('paged stream', () => {
  it('ends, with its trailer, when a read meets empty pages', async () => {
    // The pull started after the first page finds one empty page, the pull a read starts finds the other: a
    // pull that enqueued nothing would never be called again.
    expect(await readSlowly(await streamOf(scripted(['a', 'b'], [], [], ['c'], [], null)))).toBe('<abc>3');
  });

  it('sends the prefix, an empty first page and the trailer when there is nothing', async () => {
    expect(await readSlowly(await streamOf(scripted(null)))).toBe('<>0');
  });
});

describe('page sources', () => {
  const ids = Array.from({ length: 10 }, (_, i) => String(i).padStart(2, '0'));
  const drain = async <R>(pages: PageSource<R>) => {
    const out: R[][] = [];
    for (let page = await pages(); page; page = await pages()) out.push(page);
    return out;
  };

  it('keyset pages stop after a short page and start each page after the last id', async () => {
    const asked: (string | null)[] = [];
    const page = async (after: string | null) => {
      asked.push(after);
      return ids.filter((id) => after === null || id > after).slice(0, 4).map((id) => ({ id }));
    };
    expect((await drain(keysetPages(page, 4))).map((p) => p.length)).toEqual([4, 4, 2]);
    expect(asked).toEqual([null, '03', '07']);
  });

  it('ranged pages cover every row once, in order, with `parallel` pages in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const page = async (after: string | null, upTo: string | null) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return ids.filter((id) => (after === null || id > after) && (upTo === null || id <= upTo));
    };
    const boundary = async (after: string | null) => ids.filter((id) => after === null || id > after)[2] ?? null;
    const pages = await drain(rangedPages(page, boundary, 2));
    expect(pages.flat()).toEqual(ids);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 1]);
    expect(most).toBe(2);
  });

  it('a failing page fails the read that reaches it', async () => {
    const pages = rangedPages(
      async (after) => {
        if (after === '02') throw new Error('page failed');
        return ['x'];
      },
      async (after) => (after === null ? '02' : after === '02' ? '05' : null),
      2,
    );
    expect(await pages()).toEqual(['x']);
    await expect(pages()).rejects.toThrow('page failed');
  });
});
