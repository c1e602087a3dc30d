import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EntityCard } from '../../components/EntityCard';
import { send } from '../../utils/rpc';
import { mentionRect, type Mention } from '../../utils/page/mentions';
import type { CardSurface } from '../../utils/page/hover';

/**
 * The in-page card: Preact in a shadow root hung off <html> (not <body>), so the page's body markup stays
 * byte-identical and page CSS cannot reach it.
 */
export async function createCardUi(ctx: ContentScriptContext): Promise<CardSurface> {
  let box: HTMLDivElement | undefined;
  let open = false;
  let generation = 0;
  const ui = await createShadowRootUi(ctx, {
    name: 'reg-lens-card',
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    onMount(container) {
      box = document.createElement('div');
      box.className = 'rl-floating';
      box.setAttribute('role', 'dialog');
      box.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;display:none;width:min(400px,calc(100vw - 16px));';
      container.append(box);
      return box;
    },
    onRemove() {
      if (box) render(null, box);
    },
  });
  ui.mount();
  ui.shadowHost.style.cssText = 'position:fixed!important;top:0!important;left:0!important;z-index:2147483647!important;display:block!important;';

  const close = () => {
    open = false;
    generation++;
    if (box) {
      box.style.display = 'none';
      render(null, box);
    }
  };

  const place = async (m: Mention) => {
    if (!box) return;
    const reference = { getBoundingClientRect: () => mentionRect(m) };
    const { x, y } = await computePosition(reference, box, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip(), shift({ padding: 8 })],
    });
    box.style.left = `${x}px`;
    box.style.top = `${y}px`;
  };

  return {
    async open(m) {
      if (!box) return;
      const mine = ++generation;
      const { kind, id } = m.detection;
      const view = await send({ type: 'getEntity', kind, id });
      if (mine !== generation) return;
      open = true;
      box.setAttribute('aria-label', m.detection.name);
      render(<EntityCard view={view} />, box);
      box.style.display = 'block';
      await place(m);
    },
    close,
    isOpen: () => open,
    contains: (e) => e.composedPath().includes(ui.shadowHost),
  };
}
