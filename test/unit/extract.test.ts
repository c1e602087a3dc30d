// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText } from '../../utils/detect/extract';
import { compileMatcher } from '../../utils/detect/matcher';
import { findMentions } from '../../utils/page/mentions';

const matcher = compileMatcher({ version: 't', entries: [{ term: 'GDPR', kind: 'framework', id: 'gdpr', name: 'GDPR' }, { term: 'General Data Protection Regulation', kind: 'framework', id: 'gdpr', name: 'GDPR' }] });

function dom(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('text extraction', () => {
  it('finds nothing inside textareas, inputs, scripts, styles, code or editable regions', () => {
    const body = dom(`
      <textarea>GDPR</textarea><input value="GDPR"><script>var x = "GDPR"</script><style>.GDPR{}</style>
      <div contenteditable="true"><p>GDPR</p></div><pre><code>GDPR</code></pre><template><p>GDPR</p></template>
      <p hidden>GDPR</p>`);
    expect(findMentions(body, matcher)).toEqual([]);
  });

  it('finds a name split across inline elements, but never across blocks', () => {
    const body = dom('<p>The <b>General</b> Data Protection Regulation applies.</p><p>General</p><p>Data Protection Regulation</p>');
    const mentions = findMentions(body, matcher);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]!.startNode.data).toBe('General');
    expect(mentions[0]!.endNode.data).toBe(' Data Protection Regulation applies.');
    expect(mentions[0]!.endOffset).toBe(' Data Protection Regulation'.length);
  });

  it('keeps the page text intact', () => {
    const body = dom('<p>GDPR <em>and</em> more</p>');
    const before = body.innerHTML;
    expect(extractText(body).text).toBe('GDPR and more');
    expect(body.innerHTML).toBe(before);
  });

  it('separates blocks with a character that is neither a word character nor whitespace', () => {
    expect(extractText(dom('<p>a</p><p>b</p>')).text).toBe('a\u001fb');
  });
});
