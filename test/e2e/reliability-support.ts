/**
 * Generated pages for the reliability suite: DOMs built from a seeded PRNG (so a failure names a seed that
 * reproduces it), the same generator for the browser (Highlight API) and for happy-dom (the
 * `<reg-lens-mark>` fallback), and the one serialization both compare byte for byte.
 *
 * Pure: no Playwright imports at runtime, so unit tests import it too.
 */

/** mulberry32: small, fast and good enough to vary DOM shapes; the same seed always gives the same DOM. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names the dataset knows (something to paint), and words around them. */
const TERMS = ['GDPR', 'EU AI Act', 'Kenya', 'AI', 'blockchain', 'the GDPR', 'European Union'];
const WORDS = [
  'the',
  'law',
  'applies',
  'data',
  'controllers',
  'must',
  'report',
  'under',
  'article',
  'and',
  'in',
  'since',
  'rules',
  'models',
  'privacy',
];
/** Entities, RTL text, bidi controls, non-breaking and odd spaces: all of them must survive untouched. */
const ODD = [
  '&amp;',
  '&lt;b&gt;',
  '&nbsp;',
  '&eacute;t&eacute;',
  '&#x2014;',
  '&quot;x&quot;',
  '&#8203;',
  '\u05e9\u05dc\u05d5\u05dd GDPR \u05e2\u05d5\u05dc\u05dd',
  '\u0645\u0631\u062d\u0628\u0627 Kenya',
  '\u200f',
  '\u202b\u05d0\u202c',
  '   \n\t  ',
  '\n\n',
  '  ',
  'caf\u00e9',
  '\u{1f600}',
];
const INLINE = [
  'span',
  'b',
  'em',
  'strong',
  'i',
  'small',
  'sub',
  'u',
  'abbr',
  'q',
  'a href="#x"',
  'bdi',
  'bdo dir="rtl"',
  'mark',
  'code',
  'label',
];
const BLOCK = ['div', 'p', 'section', 'article', 'blockquote', 'h2', 'h3', 'aside', 'header', 'footer', 'pre'];

export interface FuzzDom {
  /** Light DOM of one section; shadow hosts are `<div data-fz-shadow="i"></div>` placeholders. */
  light: string;
  /** Content of each open shadow root, by placeholder index. */
  shadows: string[];
}

/** DOM #seed: nested inline and block elements, tables, lists, entities, RTL text, whitespace runs, shadow hosts. */
export function generateDom(seed: number): FuzzDom {
  const rnd = prng(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const shadows: string[] = [];

  const text = (n: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = rnd();
      out.push(r < 0.22 ? pick(TERMS) : r < 0.32 ? pick(ODD) : pick(WORDS));
    }
    // Runs of whitespace and none at all, both kinds of joins.
    return out.join(rnd() < 0.2 ? '  ' : ' ');
  };
  const tag = (t: string, inner: string, attrs = ''): string => {
    const name = t.split(' ')[0]!;
    return `<${t}${attrs}>${inner}</${name}>`;
  };
  const inline = (depth: number): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.45 || depth > 3) parts.push(text(1 + Math.floor(rnd() * 6)));
      else if (r < 0.85) parts.push(tag(pick(INLINE), inline(depth + 1)));
      else if (r < 0.92) parts.push('<br>');
      // A name split across elements: the fallback painter must rejoin text it never saw whole.
      else parts.push(`GD<b>PR</b> and block<i>chain</i>`);
    }
    return parts.join(rnd() < 0.3 ? '' : ' ');
  };
  const block = (depth: number): string => {
    const r = rnd();
    if (depth > 3 || r < 0.3) return tag(pick(BLOCK), inline(0), rnd() < 0.15 ? ' dir="rtl"' : '');
    if (r < 0.45) {
      const rows = 1 + Math.floor(rnd() * 3);
      const cols = 1 + Math.floor(rnd() * 3);
      let t = rnd() < 0.5 ? `<caption>${inline(2)}</caption>` : '';
      t += '<tbody>';
      for (let i = 0; i < rows; i++) {
        t += '<tr>';
        for (let j = 0; j < cols; j++) t += tag(i === 0 && rnd() < 0.5 ? 'th' : 'td', rnd() < 0.8 ? inline(1) : block(depth + 2));
        t += '</tr>';
      }
      return `<table>${t}</tbody></table>`;
    }
    if (r < 0.6) {
      const list = pick(['ul', 'ol']);
      let items = '';
      for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) items += tag('li', rnd() < 0.7 ? inline(1) : block(depth + 1));
      return tag(list, items);
    }
    if (r < 0.66) return `<dl><dt>${inline(2)}</dt><dd>${inline(1)}</dd></dl>`;
    if (r < 0.72 && depth < 2) {
      shadows.push(blocks(depth + 2, 1 + Math.floor(rnd() * 3)));
      return `<div data-fz-shadow="${shadows.length - 1}"></div>`;
    }
    if (r < 0.76) return `<textarea>${text(3)}</textarea><input value="GDPR in Kenya">`;
    if (r < 0.8) return `<div contenteditable="true">${inline(1)}</div>`;
    if (r < 0.83) return `<p hidden>${inline(1)}</p><p aria-hidden="true">${inline(1)}</p>`;
    return tag(pick(['div', 'section', 'article', 'blockquote']), blocks(depth + 1, 1 + Math.floor(rnd() * 3)));
  };
  const blocks = (depth: number, n: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(block(depth));
    return out.join(pick(['', '\n', '\n  ', ' ']));
  };
  // Every DOM opens with a plain paragraph naming a framework, so that "nothing was painted" is a failure.
  const light = `<p>${text(2)} GDPR ${text(2)}</p>${blocks(0, 2 + Math.floor(rnd() * 5))}`;
  return { light, shadows };
}

/** The light DOM with its shadow roots declared inline (the parser attaches them: no script needed). */
export function declarative(dom: FuzzDom): string {
  return dom.light.replace(
    /<div data-fz-shadow="(\d+)"><\/div>/g,
    (_, i: string) => `<div data-fz-shadow="${i}"><template shadowrootmode="open">${dom.shadows[Number(i)]}</template></div>`,
  );
}

/** Attaches the open shadow roots of a DOM built from `dom.light` (for documents without declarative shadow DOM). */
export function attachShadows(root: ParentNode, dom: FuzzDom): void {
  for (const host of root.querySelectorAll<HTMLElement>('[data-fz-shadow]')) {
    if (host.shadowRoot) continue;
    host.attachShadow({ mode: 'open' }).innerHTML = dom.shadows[Number(host.dataset.fzShadow)]!;
  }
}

/**
 * body.innerHTML, then every open shadow root's innerHTML and every same-origin frame's body, in document
 * order. Stringified into page.evaluate, so it must stay self-contained.
 */
export function serializeDocument(doc: Document = document): string {
  const out = [doc.body.innerHTML];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot && el.tagName.toLowerCase() !== 'reg-lens-card') {
        out.push(`#shadow ${el.getAttribute('data-fz-shadow') ?? el.tagName}:${el.shadowRoot.innerHTML}`);
        walk(el.shadowRoot);
      }
      if (el.tagName === 'IFRAME') {
        let d: Document | null;
        try {
          d = (el as HTMLIFrameElement).contentDocument;
        } catch {
          d = null;
        }
        if (d?.body) out.push(`#frame:${d.body.innerHTML}`);
      }
    }
  };
  walk(doc);
  return out.join('\n\u0001\n');
}

/** Sections per page (one DOM each) for the browser fuzz, and the frame every page carries. */
export function fuzzPage(seeds: number[]): string {
  const sections = seeds.map((s) => `<section data-fz="${s}">${declarative(generateDom(s))}</section>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fuzz ${seeds[0]}</title></head><body>
${sections}
<iframe id="fz-frame" src="/reliability/fuzz-frame.html?seed=${seeds[0]}"></iframe>
<script>window.__fzBody = document.body.innerHTML;</script>
</body></html>`;
}

/** The same-origin frame: one more generated DOM (light DOM only; frames hold no shadow roots here). */
export function fuzzFrame(seed: number): string {
  const dom = generateDom(100_000 + seed);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><p>In the frame, GDPR.</p>${dom.light.replace(/<div data-fz-shadow="\d+"><\/div>/g, '')}</body></html>`;
}
