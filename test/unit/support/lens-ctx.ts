// A content-script context for driving the Lens outside the extension: listeners and timers are real,
// invalidate() runs the cleanup callbacks as WXT does when the extension goes away.
import type { LensCtx } from '../../../page/lens';

export function fakeCtx() {
  const invalidated: (() => void)[] = [];
  const ctx: LensCtx & { invalidate(): void } = {
    isValid: true,
    addEventListener: ((target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions) =>
      target.addEventListener(type, handler, options)) as LensCtx['addEventListener'],
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    setInterval: () => 0,
    onInvalidated: (cb) => {
      invalidated.push(cb);
      return () => {};
    },
    invalidate() {
      (this as { isValid: boolean }).isValid = false;
      for (const cb of invalidated) cb();
    },
  };
  return ctx;
}
