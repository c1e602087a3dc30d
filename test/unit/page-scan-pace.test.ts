import { describe, expect, it } from 'vitest';
import { MIN_SEGMENT_CHARS, ScanPace, SEGMENT_CHARS } from '../../page/scan-pace';

describe('how much text a segment may hold to be scanned before the slice ends', () => {
  it('starts cautious: 1,000 characters a millisecond', () => {
    expect(new ScanPace().charsFor(5)).toBe(5_000);
  });

  it('learns the rate from timed segments: a slow matcher gets shorter segments, a fast one longer', () => {
    const slow = new ScanPace();
    const fast = new ScanPace();
    for (let i = 0; i < 20; i++) {
      slow.observe(10_000, 20); // 500 characters a millisecond
      fast.observe(10_000, 1); // 10,000
    }
    expect(slow.charsFor(10)).toBeGreaterThanOrEqual(MIN_SEGMENT_CHARS);
    expect(slow.charsFor(10)).toBeLessThan(5_500);
    expect(fast.charsFor(4)).toBe(SEGMENT_CHARS);
  });

  it('says 0 when not even the smallest segment fits in the time left (the next slice takes it)', () => {
    const pace = new ScanPace();
    for (let i = 0; i < 20; i++) pace.observe(10_000, 5);
    expect(pace.charsFor(1)).toBe(0);
    expect(pace.charsFor(4)).toBeGreaterThanOrEqual(MIN_SEGMENT_CHARS);
  });

  it('one preempted segment does not swing it for long', () => {
    const pace = new ScanPace();
    for (let i = 0; i < 20; i++) pace.observe(10_000, 1);
    pace.observe(10_000, 100);
    expect(pace.charsFor(4)).toBe(0);
    for (let i = 0; i < 12; i++) pace.observe(10_000, 1);
    expect(pace.charsFor(4)).toBe(SEGMENT_CHARS);
  });

  it('never above the cap; with no first guess, the largest segments until one is timed', () => {
    expect(new ScanPace().charsFor(1_000)).toBe(SEGMENT_CHARS);
    expect(new ScanPace(0).charsFor(0.01)).toBe(SEGMENT_CHARS);
  });

  it('short segments, mostly fixed costs, and nonsense times teach it nothing', () => {
    const pace = new ScanPace();
    const before = pace.charsFor(5);
    pace.observe(100, 50);
    pace.observe(10_000, Number.NaN);
    pace.observe(10_000, -3);
    expect(pace.charsFor(5)).toBe(before);
  });
});
