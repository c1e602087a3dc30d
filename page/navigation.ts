/**
 * Single-page-app navigations (history.pushState, back and forward): the page's address changes without a
 * new document. The callbacks say when it changed and when its new content is likely in.
 */
import type { HoverCtx } from './hover';
import { RESCAN_DEBOUNCE_MS } from './roots';

export interface NavigationHooks {
  /** The address changed: what belonged to the old page (browse mode, an open card) goes. */
  left(): void;
  /** RESCAN_DEBOUNCE_MS after the last change: read the page again. */
  arrived(): void;
}

export function watchNavigation(ctx: HoverCtx, doc: Document, hooks: NavigationHooks): void {
  let lastUrl = doc.location?.href ?? '';
  let timer: number | undefined;
  const check = () => {
    const href = doc.location?.href ?? '';
    if (href === lastUrl) return;
    lastUrl = href;
    hooks.left();
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      hooks.arrived();
    }, RESCAN_DEBOUNCE_MS);
  };
  const win = doc.defaultView ?? window;
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav, 'currententrychange', check);
  // WXT's own watcher (polling) covers browsers without the Navigation API.
  ctx.addEventListener(win, 'wxt:locationchange', check);
  ctx.addEventListener(win, 'popstate', check);
}
