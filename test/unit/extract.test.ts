// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText, locate, BLOCK_BREAK } from '../../core/detect/extract';
import { compileMatcher } from '../../core/detect/matcher';
import { dom } from './support/dom';

const matcher = compileMatcher({
  version: 't',
  entries: [
    { term: 'GDPR', kind: 'framework', id: 'gdpr', name: 'GDPR' },
    { term: 'General Data Protection Regulation', kind: 'framework', id: 'gdpr', name: 'GDPR' },
  ],
});

/** What a reader would see highlighted: each detection's text, read back from the DOM through `locate`. */
function painted(root: Node): string[] {
  const index = extractText(root);
  return matcher.scan(index.text).map((d) => {
    const s = locate(index, d.start)!;
    const e = locate(index, d.end, true)!;
    const range = document.createRange();
    range.setStart(s.node, s.offset);
    range.setEnd(e.node, e.offset);
    return range.toString();
  });
}

describe('text extraction', () => {
  it('finds nothing inside textareas, inputs, scripts, styles, code or editable regions', () => {
    const body = dom(`
      <textarea>GDPR</textarea><input value="GDPR"><script>var x = "GDPR"</script><style>.GDPR{}</style>
      <div contenteditable="true"><p>GDPR</p></div><pre><code>GDPR</code></pre><template><p>GDPR</p></template>
      <p hidden>GDPR</p><noscript>GDPR</noscript><select><option>GDPR</option></select><button>GDPR</button>`);
    expect(painted(body)).toEqual([]);
  });

  it('skips what is hidden by an attribute or an inline style', () => {
    const body = dom(`
      <p aria-hidden="true">GDPR</p><div inert><p>GDPR</p></div><p style="display: none">GDPR</p>
      <span style="color: red; visibility:hidden">GDPR</span><p style="display:block">GDPR</p>`);
    expect(painted(body)).toEqual(['GDPR']);
  });

  it('reads a region explicitly marked not editable', () => {
    expect(painted(dom('<div contenteditable="false">The GDPR</div>'))).toEqual(['GDPR']);
  });

  it('takes an extra test for hidden elements from the caller', () => {
    const body = dom('<p class="off">GDPR</p><p>GDPR</p>');
    const index = extractText(body, undefined, { isHidden: (el) => el.classList.contains('off') });
    expect(matcher.scan(index.text)).toHaveLength(1);
  });

  it('finds a name split across inline elements, unknown elements included, but never across blocks', () => {
    const body = dom(
      '<p>The <b>General</b> Data <my-term>Protection</my-term> Regulation applies.</p><p>General</p><p>Data Protection Regulation</p>',
    );
    expect(painted(body)).toEqual(['General Data Protection Regulation']);
    const index = extractText(body);
    const d = matcher.scan(index.text)[0]!;
    expect(locate(index, d.start)!.node.data).toBe('General');
    expect(locate(index, d.end, true)!.node.data).toBe(' Regulation applies.');
  });

  it('reads a line break as a space within a paragraph', () => {
    // (A range's text has no character for the <br> itself.)
    expect(painted(dom('<p>General Data Protection<br>Regulation</p>'))).toEqual(['General Data ProtectionRegulation']);
    expect(extractText(dom('<p>a<br>b</p>')).text).toBe('a\nb');
  });

  it('keeps the page text intact', () => {
    const body = dom('<p>GDPR <em>and</em> more</p>');
    const before = body.innerHTML;
    expect(extractText(body).text).toBe('GDPR and more');
    expect(body.innerHTML).toBe(before);
  });

  it('separates blocks with a character that is neither a word character nor whitespace, and drops indentation', () => {
    expect(extractText(dom('<p>a</p><p>b</p>')).text).toBe(`a${BLOCK_BREAK}b`);
    expect(extractText(dom('<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>')).text).toBe(`a${BLOCK_BREAK}b`);
  });

  it('reads open shadow roots in place of their host, with slotted content where the slot is', () => {
    const body = dom('<div id="host"><span slot="name">Data Protection</span></div><p>after</p>');
    const shadow = body.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>The General <slot name="name"></slot> Regulation</p>';
    const index = extractText(body);
    expect(index.text).toBe(`The General Data Protection Regulation${BLOCK_BREAK}after`);
    expect(matcher.scan(index.text).map((d) => d.text)).toEqual(['General Data Protection Regulation']);
    expect(locate(index, 4)!.node.getRootNode()).toBe(shadow);
    expect(extractText(body, undefined, { shadowRoots: false }).text).not.toContain('General');
  });
});
