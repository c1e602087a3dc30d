// @vitest-environment happy-dom
// The store-safe build (scripts/vite-store-safe.ts): zod's eval probe and JIT and Preact's
// innerHTML assignment are rewritten out of what we ship; a change in the libraries stops the build instead
// of silently bringing the code back; and no source of ours uses dangerouslySetInnerHTML, which the rewritten
// Preact refuses.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { build, parseAst } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { GUARDS, missedRewrites, REWRITES, rewriteModule, StoreSafeError, storeSafe, type Rewrite } from '../../scripts/vite-store-safe';
import { SOURCE_DIRS } from './setup/sources';

const ROOT = resolve(import.meta.dirname, '../..');
const moduleId = (r: Rewrite) => join(ROOT, r.file);
const installed = (r: Rewrite) => readFileSync(moduleId(r), 'utf8');
const count = (code: string, re: RegExp) => code.match(new RegExp(re.source, 'g'))?.length ?? 0;
const guardOf = (r: Rewrite) => GUARDS.find((g) => g.pkg === r.file.split('/')[1])!;

describe('the rewrites, on the installed zod and Preact', () => {
  it.each(REWRITES.map((r) => [r.what, r] as const))('%s: found exactly once, replaced, and the module still parses', (_, r) => {
    const code = installed(r);
    expect(count(code, r.find)).toBe(1);
    // Before: the installed library does what the linter flags (this is what the rewrite exists for).
    expect(guardOf(r).forbidden.test(code)).toBe(true);
    const out = rewriteModule(code, moduleId(r))!;
    expect(out.applied).toContain(r);
    expect(count(out.code, r.find)).toBe(0);
    expect(out.code).toContain(r.replace);
    // Lines keep their numbers, so source maps (RL_SOURCEMAP=1) stay right after the rewritten code.
    expect(out.code.split('\n').length).toBe(code.split('\n').length);
    expect(() => parseAst(out.code)).not.toThrow();
  });

  it('leave no Function constructor in zod and no HTML writing in Preact', () => {
    for (const file of ['zod/v4/core/util.js', 'zod/v4/core/doc.js', 'zod/v4/core/compile.js', 'preact/dist/preact.mjs']) {
      const id = join(ROOT, 'node_modules', file);
      const guard = GUARDS.find((g) => file.startsWith(`${g.pkg}/`))!;
      expect(guard.forbidden.test(rewriteModule(readFileSync(id, 'utf8'), id)!.code), file).toBe(false);
    }
  });

  it('leave other modules alone', () => {
    expect(rewriteModule('export const x = Function;', join(ROOT, 'node_modules/fuse.js/dist/fuse.mjs'))).toBeUndefined();
    expect(rewriteModule('el.innerHTML = html;', join(ROOT, 'core/whatever.ts'))).toBeUndefined();
  });
});

describe('a library that changed', () => {
  const probe = REWRITES.find((r) => r.file.endsWith('util.js'))!;

  it('fails when the expected code is missing, naming the code and the file', () => {
    const upgraded = installed(probe).replace('new F("");', 'new F("return 1");');
    expect(() => rewriteModule(upgraded, moduleId(probe))).toThrow(StoreSafeError);
    expect(() => rewriteModule(upgraded, moduleId(probe))).toThrow(
      /eval probe.*exactly once in node_modules\/zod\/v4\/core\/util\.js, found it 0 times/,
    );
  });

  it('fails when the expected code is there twice', () => {
    const code = installed(probe);
    const twice = `${code}\nfunction again() {\n${code.match(probe.find)![0]}\n}`;
    expect(() => rewriteModule(twice, moduleId(probe))).toThrow(/found it 2 times/);
  });

  it('fails when a zod module still reaches eval or a Preact module still writes HTML after the rewrites', () => {
    const zod = join(ROOT, 'node_modules/zod/v4/core/new-jit.js');
    expect(() => rewriteModule('const F = Function; export const f = new F("return 1");', zod)).toThrow(
      /new-jit\.js still reaches the Function constructor/,
    );
    expect(() => rewriteModule('export const f = () => eval("1");', zod)).toThrow(StoreSafeError);
    const preact = join(ROOT, 'node_modules/preact/hooks/dist/hooks.mjs');
    expect(() => rewriteModule('export function f(n, h) { n.outerHTML = h; }', preact)).toThrow(/hooks\.mjs still writes HTML/);
    // What the guard must not mistake for eval or HTML writing.
    expect(rewriteModule('const a = isAsyncFunction(x), b = new ZodFunction({}), c = n.innerHTML == h;', zod)?.code).toBeDefined();
  });

  it('fails the build when a loaded package never showed the module a rewrite is for', () => {
    const applied = new Set(REWRITES.filter((r) => !r.file.endsWith('doc.js')));
    expect(missedRewrites(new Set(['zod', 'preact']), applied).map((r) => r.file)).toEqual(['node_modules/zod/v4/core/doc.js']);
    // A build without zod at all (none of ours today) has nothing to rewrite there.
    expect(missedRewrites(new Set(['preact']), new Set(REWRITES.filter((r) => r.file.includes('preact'))))).toEqual([]);
  });

  it('the plugin reports these as build errors', () => {
    const plugin = storeSafe();
    const ctx = {
      error(message: string): never {
        throw new Error(`build error: ${message}`);
      },
    };
    const transform = plugin.transform as { handler: (this: typeof ctx, code: string, id: string) => unknown };
    const buildStart = plugin.buildStart as (this: typeof ctx) => void;
    const buildEnd = plugin.buildEnd as (this: typeof ctx, e?: Error) => void;
    buildStart.call(ctx);
    expect(() => transform.handler.call(ctx, 'export {}', moduleId(probe))).toThrow(/build error: zod's eval probe/);
    // zod was seen (util.js) but doc.js and compile.js never came through.
    expect(() => buildEnd.call(ctx)).toThrow(/build error: store-safe: never met node_modules\/zod\/v4\/core\/util\.js.*doc\.js/);
  });
});

describe('a build with the plugin', () => {
  // zod and Preact bundled through Vite with storeSafe(), as wxt.config.ts does, then run here.
  const dir = mkdtempSync(join(tmpdir(), 'rl-store-safe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundleIt = async () => {
    // A virtual entry, so that its imports resolve from the project's node_modules.
    const entry = `export { z } from 'zod';\nexport { z as mini } from 'zod/mini';\nexport { h, render } from 'preact';\n`;
    const virtualEntry = {
      name: 'entry',
      resolveId: (id: string) => (id.endsWith('store-safe-entry') ? '\0store-safe-entry' : undefined),
      load: (id: string) => (id === '\0store-safe-entry' ? entry : undefined),
    };
    await build({
      root: ROOT,
      configFile: false,
      logLevel: 'silent',
      plugins: [virtualEntry, storeSafe()],
      build: { outDir: join(dir, 'out'), minify: true, lib: { entry: 'store-safe-entry', formats: ['cjs'], fileName: () => 'bundle.cjs' } },
    });
    // Loaded by Node itself (CommonJS), past Vitest's own module pipeline, exactly as built.
    const file = join(dir, 'out', 'bundle.cjs');
    return {
      code: readFileSync(file, 'utf8'),
      mod: createRequire(import.meta.url)(file) as typeof import('zod') & { mini: typeof import('zod/mini').z } & typeof import('preact'),
    };
  };
  // Built once, on first use, for the tests below.
  let bundle: ReturnType<typeof bundleIt> | undefined;
  const built = () => (bundle ??= bundleIt());

  it('stops when zod no longer holds the code it rewrites', { timeout: 60_000 }, async () => {
    // The real util.js, as a zod upgrade might change it: the probe written differently.
    const util = join(ROOT, 'node_modules/zod/v4/core/util.js');
    const upgraded = {
      name: 'upgraded-zod',
      load: (id: string) => (id === util ? readFileSync(util, 'utf8').replace('new F("");', 'new F("return 1");') : undefined),
    };
    const failing = build({
      root: ROOT,
      configFile: false,
      logLevel: 'silent',
      plugins: [upgraded, storeSafe()],
      build: { write: false, lib: { entry: util, formats: ['es'], fileName: () => 'util.mjs' } },
    });
    await expect(failing).rejects.toThrow(/eval probe.*found it 0 times.*update scripts\/vite-store-safe\.ts/s);
  });

  it('ships neither eval nor an innerHTML assignment', { timeout: 60_000 }, async () => {
    const { code } = await built();
    expect(code).not.toMatch(/(?<![\w$])Function\s*[;(,)]|\.innerHTML\s*=(?!=)/);
    expect(code).toContain('Regulatory Lens builds have no eval');
  });

  it('still parses with zod (classic and mini), interpreting instead of compiling', { timeout: 60_000 }, async () => {
    const { z, mini } = (await built()).mod;
    const Item = z.object({ id: z.string(), n: z.number().int(), tags: z.array(z.string()).optional() });
    for (let i = 0; i < 3; i++) expect(Item.parse({ id: 'a', n: 1, extra: true })).toEqual({ id: 'a', n: 1 });
    const bad = Item.safeParse({ id: 1, n: 1.5 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['id', 'n']);
    expect(mini.object({ on: mini.boolean() }).safeParse({ on: 'yes' }).success).toBe(false);
    // z.compile(), the explicit JIT, fails as under a strict CSP: unsupported when strict, else the runtime parser.
    expect(() => z.compile(Item, { strict: true })).toThrow(/generated code failed to evaluate: Regulatory Lens builds have no eval/);
    expect(z.compile(Item).parse({ id: 'b', n: 2 })).toEqual({ id: 'b', n: 2 });
  });

  it('still renders with Preact, and refuses dangerouslySetInnerHTML', { timeout: 60_000 }, async () => {
    const { h, render } = (await built()).mod;
    const root = document.createElement('div');
    render(h('p', { title: 'x' }, '<b>text</b>'), root);
    expect(root.innerHTML).toBe('<p title="x">&lt;b&gt;text&lt;/b&gt;</p>');
    const other = document.createElement('div');
    expect(() => render(h('div', { dangerouslySetInnerHTML: { __html: '<img src=x onerror=alert(1)>' } }), other)).toThrow(
      /cannot set innerHTML/,
    );
    expect(other.querySelector('img')).toBeNull();
  });
});

/** Uses of dangerouslySetInnerHTML in one source (code, not comments), as "file:line". */
function innerHtmlUses(file: string, source = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    const name = ts.isIdentifier(n) || ts.isStringLiteralLike(n) ? n.text : undefined;
    if (name === 'dangerouslySetInnerHTML') found.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.tsx?$/.test(p)) yield p;
  }
}

describe('our sources', () => {
  it('never use dangerouslySetInnerHTML (the shipped Preact throws on it)', () => {
    const files = SOURCE_DIRS.flatMap((d) => [...sources(join(ROOT, d))]);
    expect(files.length).toBeGreaterThan(20);
    // Only files that mention it at all are parsed (parsing every source would take seconds).
    const mentioning = files.filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(mentioning.flatMap((f) => innerHtmlUses(f)).map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });

  it('are caught by this check when they do (JSX, props objects, strings; not comments)', () => {
    const found = innerHtmlUses(
      'made-up.tsx',
      `// dangerouslySetInnerHTML is mentioned here only
      export const A = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;
      export const B = (html: string) => h('div', { dangerouslySetInnerHTML: { __html: html } });
      export const C = (html: string) => h('div', { ['dangerouslySetInnerHTML']: { __html: html } });`,
    );
    expect(found).toEqual(['made-up.tsx:2', 'made-up.tsx:3', 'made-up.tsx:4']);
  });
});
