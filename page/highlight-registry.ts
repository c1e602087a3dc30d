/**
 * A window's own highlight registry (`CSS.highlights`), as the content script must reach it.
 *
 * A Firefox content script (140 and 153 alike) that reads `CSS` on another window, a same-origin frame's,
 * gets a namespace whose `highlights` is the top document's registry: the frame's highlights would replace
 * the page's own, and clearing either would clear both. There the frame's namespace is taken from its page
 * view and wrapped again (`XPCNativeWrapper`), which gives the frame's real registry without the page's own
 * JavaScript in between. Chrome's content scripts see each window's own namespace directly.
 */

/** Firefox's content-script helper that turns a page object back into a safe (Xray) view of it. */
declare const XPCNativeWrapper: (<T>(value: T) => T) | undefined;

type Waivable = Window & { wrappedJSObject?: { CSS?: typeof CSS } };

export function registryOf(win: Window & typeof globalThis): HighlightRegistry {
  const page = (win as Waivable).wrappedJSObject;
  if (win !== window && page && typeof XPCNativeWrapper === 'function') {
    const css = page.CSS;
    if (!css) throw new TypeError('this window has no CSS namespace');
    return XPCNativeWrapper(css).highlights;
  }
  return win.CSS.highlights;
}
