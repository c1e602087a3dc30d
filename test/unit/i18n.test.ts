// Every user-facing string goes through browser.i18n: a literal in JSX text or in a user-facing attribute
// (aria-label, title, placeholder, alt, label...) of any component or entry point fails here, naming the file
// and line; so does a `t('key')` whose key is missing from the English catalogue. A translation is then a new
// public/_locales/<lang>/messages.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { plural, t } from '../../platform/i18n';
import { RENDERING_DIRS, SOURCE_DIRS } from './setup/sources';

const USER_FACING_ATTRS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const CATALOGUE = 'public/_locales/en/messages.json';

function* files(dir: string, ext: RegExp): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p, ext);
    else if (ext.test(p)) yield p;
  }
}

/**
 * Text a reader would see: two letters in a row. Purely typographic text ("·", "—", "%", "×", "+", "(3)")
 * and numbers have nothing to translate and pass.
 */
const hasWords = (s: string) => /\p{L}{2,}/u.test(s);

/** User-facing literals in one .tsx source, as "file:line what". */
function literals(file: string, source = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && hasWords(n.text)) found.push(`${where(n)} text "${n.text.trim()}"`);
    if (ts.isJsxAttribute(n) && USER_FACING_ATTRS.has(n.name.getText(sf)) && n.initializer) {
      const init = n.initializer;
      const expr = ts.isJsxExpression(init) ? init.expression : init;
      // A literal, or a literal in either branch of a condition (`a ? 'Pause' : 'Resume'`).
      const candidates = expr && ts.isConditionalExpression(expr) ? [expr.whenTrue, expr.whenFalse] : [expr];
      for (const c of candidates) {
        if (c && (ts.isStringLiteral(c) || ts.isNoSubstitutionTemplateLiteral(c)) && hasWords(c.text))
          found.push(`${where(n)} ${n.name.getText(sf)}="${c.text}"`);
        // A template's own words (`Remove ${name}`) are literal text too.
        if (c && ts.isTemplateExpression(c) && [c.head, ...c.templateSpans.map((s) => s.literal)].some((l) => hasWords(l.text)))
          found.push(`${where(n)} ${n.name.getText(sf)}=\`${c.getText(sf).slice(1, -1)}\``);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

const catalogue = JSON.parse(readFileSync(CATALOGUE, 'utf8')) as Record<string, { message: string; description?: string }>;

describe('user-facing strings', () => {
  it('are never literals in components or entry points', () => {
    const all = RENDERING_DIRS.flatMap((r) => [...files(r, /\.tsx$/)]).flatMap((f) => literals(f));
    expect(all).toEqual([]);
  });

  it('are caught by this test when they are literals', () => {
    // The check above must be able to fail: the shapes it looks for, in a made-up component.
    const found = literals(
      'made-up.tsx',
      `export const C = ({ on }: { on: boolean }) => (
        <p title="Some title" aria-label={on ? 'Pause' : t('x')}>Hello there <span>·</span> {'%'}<input placeholder={\`Search\`} alt={\`Remove \${on}\`} title={\`\${on} %\`} /></p>
      );`,
    );
    expect(found).toEqual([
      'made-up.tsx:2 title="Some title"',
      'made-up.tsx:2 aria-label="Pause"',
      'made-up.tsx:2 text "Hello there"',
      'made-up.tsx:2 placeholder="Search"',
      'made-up.tsx:2 alt=`Remove ${on}`',
    ]);
  });

  it('all exist in the English catalogue', () => {
    const used = new Set<string>();
    for (const f of SOURCE_DIRS.flatMap((r) => [...files(r, /\.tsx?$/)])) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of readFileSync(f, 'utf8').matchAll(/\bplural\([^,]+,\s*'([A-Za-z0-9_]+)',\s*'([A-Za-z0-9_]+)'/g))
        used.add(m[1]!).add(m[2]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !catalogue[k])).toEqual([]);
  });
});

describe('the catalogue', () => {
  it('describes every message for translators and stays ASCII (other characters as \\u escapes)', () => {
    expect(
      Object.entries(catalogue)
        .filter(([, v]) => !v.description)
        .map(([k]) => k),
    ).toEqual([]);
    expect(/^[\x00-\x7f]*$/.test(readFileSync(CATALOGUE, 'utf8'))).toBe(true);
  });
});

describe('t()', () => {
  it('returns the catalogue message with $1..$9 substituted', () => {
    expect(t('lastReviewed', '25 May 2018')).toBe('Last reviewed 25 May 2018');
    expect(t('browseAnnouncement', ['GDPR', 'binding regulation', 3, 12])).toBe('GDPR \u2014 binding regulation \u2014 3 of 12');
  });

  it('picks the singular key for exactly one and the plural key otherwise', () => {
    expect(plural(1, 'mentionsOne', 'mentionsMany')).toBe('1 mention');
    expect(plural(0, 'mentionsOne', 'mentionsMany')).toBe('0 mentions');
    expect(plural(2, 'mentionsOne', 'mentionsMany')).toBe('2 mentions');
  });

  it('falls back to the key where browser.i18n cannot answer (fakeBrowser without the test setup)', () => {
    const answer = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = () => {
      throw new Error('Browser.i18n.getMessage not implemented.');
    };
    try {
      expect(t('lastReviewed', '25 May 2018')).toBe('lastReviewed');
    } finally {
      fakeBrowser.i18n.getMessage = answer;
    }
  });
});
