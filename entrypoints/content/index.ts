import '../../components/card.css';
import { compileMatcher } from '../../utils/detect/matcher';
import { send } from '../../utils/rpc';
import { paint, supportsHighlights } from '../../utils/page/highlights';
import { findMentions, indexByNode, toStaticRange } from '../../utils/page/mentions';
import { watchHover } from '../../utils/page/hover';
import { createCardUi } from './card-ui';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    if (!supportsHighlights() || !document.body) return;
    const matcher = compileMatcher(await send({ type: 'getLexicon' }));
    const mentions = findMentions(document.body, matcher);
    if (!mentions.length) return;
    ctx.onInvalidated(paint(mentions.map((m) => ({ kind: m.detection.kind, range: toStaticRange(m) }))));
    const card = await createCardUi(ctx);
    watchHover(ctx, indexByNode(mentions), card);
  },
});
