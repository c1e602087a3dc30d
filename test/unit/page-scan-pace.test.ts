import { describe, expect, it } from 'vitest';
import { MARGIN_CHARS } from '../../core/detect/page-level';
import { MIN_SEGMENT_CHARS, ScanPace, SEGMENT_CHARS } from '../../page/scan-pace';

describe('how much text a matcher run may take before the slice ends', () => {
  it('starts cautious: 2,000 characters a millisecond, the two margins taken off', () => {
    expect(new ScanPace().charsFor(5)).toBe(10_000 - 2 * MARGIN_CHARS);
  });

  it('learns the rate from timed runs: a slow matcher gets shorter segments, a fast one longer', () => {
    const slow = new ScanPace();
    const fast = new ScanPace();
    for (let i = 0; i < 20; i++) {
      slow.observe(10_000, 10); // 1,000 characters a millisecond
      fast.observe(10_000, 1); // 10,000
    }
    expect(slow.charsFor(8)).toBeGreaterThanOrEqual(MIN_SEGMENT_CHARS);
    expect(slow.charsFor(8)).toBeLessThan(8_000);
    expect(fast.charsFor(4)).toBe(SEGMENT_CHARS);
  });

  it('one preempted run does not swing it: a 100 ms run among 1 ms runs moves it by a bounded share', () => {
    const pace = new ScanPace();
    for (let i = 0; i < 20; i++) pace.observe(10_000, 1);
    pace.observe(10_000, 100);
    expect(pace.charsFor(4)).toBe(MIN_SEGMENT_CHARS);
    for (let i = 0; i < 5; i++) pace.observe(10_000, 1);
    expect(pace.charsFor(4)).toBeGreaterThan(MIN_SEGMENT_CHARS);
  });

  it('never below the floor, where margins would cost more than the text, nor above the cap', () => {
    const pace = new ScanPace();
    pace.observe(5_000, 1_000);
    expect(pace.charsFor(1)).toBe(MIN_SEGMENT_CHARS);
    expect(new ScanPace(0).charsFor(1)).toBe(SEGMENT_CHARS);
  });

  it('short runs, mostly fixed costs, and nonsense times teach it nothing', () => {
    const pace = new ScanPace();
    const before = pace.charsFor(5);
    pace.observe(100, 50);
    pace.observe(10_000, Number.NaN);
    pace.observe(10_000, -3);
    expect(pace.charsFor(5)).toBe(before);
  });
});
