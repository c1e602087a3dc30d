import { describe, expect, it } from 'vitest';
import { DrawQueue } from '../../page/reader/draw-queue';

/** A drawer whose drawings finish when the test says so. */
function drawer(focus: () => number) {
  const started: number[] = [];
  const finish: Array<() => void> = [];
  const queue = new DrawQueue({
    draw: (n) => {
      started.push(n);
      return new Promise<void>((ok) => finish.push(ok));
    },
    focus,
  });
  const next = async () => {
    finish.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { queue, started, next };
}

describe('the reader draws pages one at a time, nearest the page being read first', () => {
  it('starts one drawing, and the next only when it is done', async () => {
    const { queue, started, next } = drawer(() => 1);
    queue.want(1);
    queue.want(2);
    queue.want(3);
    expect(started).toEqual([1]);
    await next();
    expect(started).toEqual([1, 2]);
    await next();
    await next();
    expect(started).toEqual([1, 2, 3]);
  });

  it('picks the wanted page nearest the focus, which follows the reader', async () => {
    let focus = 10;
    const { queue, started, next } = drawer(() => focus);
    queue.want(10);
    for (const n of [4, 13, 9, 30]) queue.want(n);
    await next();
    expect(started).toEqual([10, 9]);
    focus = 29;
    await next();
    expect(started).toEqual([10, 9, 30]);
    await next();
    expect(started).toEqual([10, 9, 30, 13]);
  });

  it('forgets a page dropped before its turn, and goes on after a drawing that failed', async () => {
    const started: number[] = [];
    const queue = new DrawQueue({
      draw: async (n) => {
        started.push(n);
        if (n === 1) throw new Error('broken page');
      },
      focus: () => 1,
    });
    queue.want(1);
    queue.want(2);
    queue.want(3);
    queue.drop(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 3]);
  });

  it('draws nothing more once stopped', async () => {
    const { queue, started, next } = drawer(() => 1);
    queue.want(1);
    queue.want(2);
    queue.stop();
    await next();
    expect(started).toEqual([1]);
  });
});
