import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '../ui/card/card.css?inline';
import { EntityCard } from '../ui/card/EntityCard';
import { readPageDate } from './page-date';
import type { EntityView } from '../protocol/messages';
import type { CardDeps } from './card-module';
import type { CardUi } from './card-host';
import { describeView } from './describe-view';
import { UI_TAG } from './dom';
import { frameOf, type Mention } from './mentions';
import type { Theme } from '../platform/settings';
import { t } from '../platform/i18n';

/**
 * The card's sheet is part of this module, and the content script injects no CSS (`cssInjectionMode:
 * 'manual'`): WXT's 'ui' mode fetches `content-scripts/<entrypoint>.css` for the entrypoint the code is built
 * into, and this module has none. Inline, it also costs no second request. `:root` becomes `:host`, as WXT
 * does for 'ui' sheets.
 */
const CARD_CSS = cardCss.replaceAll(':root', ':host');

const BOX_STYLE =
  'position:fixed;top:0;left:0;z-index:2147483647;display:none;pointer-events:auto;width:min(400px,calc(100vw - 16px));max-width:calc(100vw - 16px);';
const LIVE_STYLE = 'position:fixed;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;';

/**
 * The in-page card: Preact in a shadow root hung off <html> (not <body>), so the page's body markup stays
 * byte-identical and page CSS cannot reach it. Where the browser has it, the host sits in the top layer
 * (a manual popover), above anything the page can stack. Positioned with floating-ui next to the
 * mention (flip and shift at the viewport edges), kept there while the page scrolls, closed when the
 * mention scrolls out of view.
 */
export async function createCardUi(ctx: ContentScriptContext, deps: CardDeps): Promise<CardUi> {
  let container!: HTMLElement;
  let box!: HTMLDivElement;
  let live!: HTMLDivElement;
  let current: Mention | undefined;
  let generation = 0;
  let stopTracking: (() => void) | undefined;

  const createHost = (name: string) =>
    createShadowRootUi(ctx, {
      name,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: CARD_CSS,
      onMount(uiContainer) {
        // The shadow's <html> and <body> must neither take space nor catch the pointer: only the card does.
        uiContainer.style.cssText = 'margin:0;padding:0;pointer-events:none;';
        if (uiContainer.parentElement) uiContainer.parentElement.style.cssText = 'pointer-events:none;';
        container = document.createElement('div');
        container.className = 'rl-theme';
        live = document.createElement('div');
        live.className = 'rl-live';
        live.setAttribute('role', 'status');
        live.setAttribute('aria-live', 'polite');
        live.setAttribute('aria-atomic', 'true');
        live.style.cssText = LIVE_STYLE;
        box = document.createElement('div');
        box.className = 'rl-floating';
        box.setAttribute('role', 'dialog');
        box.tabIndex = -1;
        box.style.cssText = BOX_STYLE;
        container.append(live, box);
        uiContainer.append(container);
        return container;
      },
      onRemove() {
        stopTracking?.();
        if (box) render(null, box);
      },
    });
  // A page may have defined a custom element under our tag name, one that refuses shadow roots: the host
  // then takes a name of its own that no page can know in advance.
  // (getRandomValues, not randomUUID: plain http pages are not secure contexts.)
  const suffix = () => Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
  const ui = await createHost(UI_TAG).catch(() => createHost(`${UI_TAG}-${suffix()}`));
  ui.mount();
  // Page CSS reaches the host element, never its shadow content; and WXT's `:host { all: initial !important }`
  // wins over the page's rules for the host too (for !important declarations the shadow's own rules beat
  // the page's), so `* { display: block !important; z-index: 0 }` cannot move or hide it. The card box is
  // position: fixed at the highest z-index, and the host goes to the top layer where the browser has it.
  const host = ui.shadowHost as HTMLElement;
  const popover = typeof host.showPopover === 'function';
  if (popover) host.setAttribute('popover', 'manual');
  // A page may remove elements it did not create from <html> (hydration, "cleanup" scripts): put the host
  // back before showing anything, or every later card would render into a detached tree.
  const reattach = () => {
    if (!host.isConnected) document.documentElement.append(host);
  };
  const toTop = () => {
    reattach();
    if (!popover) return;
    // Re-showing moves the host to the top of the top layer, above a dialog the page opened since.
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // Not connected, or the page broke it: the z-index still applies.
    }
  };
  toTop();

  const close = () => {
    const was = !!current;
    current = undefined;
    generation++;
    stopTracking?.();
    stopTracking = undefined;
    box.style.display = 'none';
    render(null, box);
    if (was) deps.onClosed();
  };

  const track = (m: Mention) => {
    stopTracking?.();
    // The context element must be in this document: floating-ui adds the offsets of frames it finds
    // above the context element itself, and `rectOf` is already in this viewport's coordinates.
    let anchor: Element = m.startNode.parentElement ?? document.documentElement;
    for (let guard = 0; anchor.ownerDocument !== document && guard < 16; guard++)
      anchor = frameOf(anchor.ownerDocument) ?? document.documentElement;
    const reference = {
      getBoundingClientRect: () => deps.rectOf(m) ?? new DOMRect(),
      contextElement: anchor,
    };
    const update = async () => {
      if (current !== m) return;
      const r = deps.rectOf(m);
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      // Scrolled away (or the text left the page): the card goes with it.
      if (!r || r.bottom < 0 || r.top > vh || r.right < 0 || r.left > vw) {
        close();
        return;
      }
      const { x, y } = await computePosition(reference, box, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // Never taller than the room on its side: the card scrolls inside rather than off screen.
          size({
            padding: 8,
            apply: ({ availableHeight }) =>
              box.style.setProperty('--rl-available-height', `${Math.max(160, Math.floor(availableHeight))}px`),
          }),
        ],
      });
      if (current !== m) return;
      box.style.left = `${Math.round(x)}px`;
      box.style.top = `${Math.round(y)}px`;
    };
    const cleanup = autoUpdate(reference, box, () => void update(), { elementResize: true, layoutShift: false });
    // Scrolling the top page also moves mentions inside frames and shadow roots.
    const onScroll = () => void update();
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    stopTracking = () => {
      cleanup();
      window.removeEventListener('scroll', onScroll, { capture: true });
    };
    return update();
  };

  const show = async (m: Mention, view: EntityView, focus: boolean, mine: number) => {
    const d = m.detection;
    const choose = async (id: string) => {
      const next = await deps.view(d.kind, id).catch(() => undefined);
      if (next && current === m && mine === generation) draw(next);
    };
    const draw = (v: EntityView) =>
      render(
        <EntityCard
          view={v}
          onCompare={(j) => deps.compare(j)}
          ambiguous={d.candidates?.length ? { text: d.text, candidates: d.candidates, onChoose: (id) => void choose(id) } : undefined}
          pageDate={readPageDate(m.startNode.ownerDocument ?? document)?.date}
        />,
        box,
      );
    const e = view.entity;
    const label =
      e.kind === 'citation' ? e.record.display : e.kind === 'technology' ? e.record.name : (e.record.shortName ?? e.record.name);
    box.setAttribute('aria-label', t('cardLabel', label));
    draw(view);
    box.style.display = 'block';
    toTop();
    await track(m);
    if (focus && current === m) box.focus({ preventScroll: true });
  };

  return {
    async open(m, opts = {}) {
      const mine = ++generation;
      const { kind, id } = m.detection;
      let view: EntityView;
      try {
        view = await deps.view(kind, id);
      } catch (e) {
        console.warn('[regulatory-lens] no card for', kind, id, e);
        return undefined;
      }
      if (mine !== generation) return undefined;
      current = m;
      await show(m, view, !!opts.focus, mine);
      return describeView(view);
    },
    close,
    isOpen: () => !!current,
    contains: (e) => e.composedPath().includes(host),
    announce(text) {
      reattach();
      // Cleared first, so the same words said twice are announced twice.
      live.textContent = '';
      ctx.setTimeout(() => (live.textContent = text), 50);
    },
    setTheme(theme: Theme) {
      if (theme === 'system') container.removeAttribute('data-rl-theme');
      else container.setAttribute('data-rl-theme', theme);
    },
    remove() {
      close();
      ui.remove();
    },
  };
}
