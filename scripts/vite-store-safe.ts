/**
 * Store-safe library code. Mozilla's addons-linter (scripts/lint-firefox.mjs) flags two library
 * code paths that never run in this extension, and store reviewers read the same code by hand. Instead of
 * accepting the warnings, this plugin takes the code out at build time, for Chrome and Firefox alike:
 *
 * - zod 4 builds functions from strings (`new Function`) to JIT-compile object parsers, after probing whether
 *   eval is allowed. MV3 extension pages and workers forbid eval (their CSP has no 'unsafe-eval'), so the
 *   probe already fails at run time and zod interprets. The rewrite makes that outcome a build-time fact: the
 *   probe returns false, and the two remaining `Function` aliases (the object JIT in doc.js, `z.compile()` in
 *   compile.js) become a function that throws the EvalError the CSP would throw, which zod already handles.
 *   `z.config({ jitless: true })` does not help here: it is a run-time flag, so the code stays in the bundle
 *   where the (static) linter finds it.
 * - pdf.js (the PDF reader) probes `new Function("")` in its main and worker builds and, where eval works,
 *   compiles PostScript functions with `new Function`. The probe returns false (the reader also passes
 *   `isEvalSupported: false`) and the compile becomes the throw the CSP would make; pdf.js then interprets.
 *   Its two builds are separate bundles (the reader page, the worker), so these rewrites are checked per
 *   file (`perFile`): the package guard is what fails a build that meets eval in any pdf.js file. Its two
 *   dynamic imports of computed URLs (a main-thread "fake worker", a JPEG 2000 decoder file we do not ship)
 *   become rejections, which pdf.js handles; addons-linter flags such imports.
 * - Preact assigns innerHTML for `dangerouslySetInnerHTML`. No component uses it (test/unit/store-safe.test.ts
 *   keeps it that way); the assignment becomes a throw, so a future use fails loudly instead of writing HTML.
 *
 * Each rewrite must find its code exactly once, or the build fails; a build that loaded the library but never
 * met the file fails too. After the rewrites, a zod module that still reaches the Function constructor, or a
 * Preact module that still writes HTML, fails the build. So a library upgrade can neither bring the code
 * back nor make the rewrite silently do nothing: it stops the build and names the file to read again.
 */
import type { Plugin } from 'vite';

export interface Rewrite {
  /** Which library code this is, for the error message. */
  what: string;
  /** The library module, as the end of its path (`node_modules/<package>/...`). */
  file: string;
  /** The code to replace; it must occur exactly once in the module. */
  find: RegExp;
  replace: string;
  /** Its package has files built in different bundles: met only in the bundle that loads this file. */
  perFile?: boolean;
}

export interface Guard {
  /** Every module of this package is checked after the rewrites. */
  pkg: string;
  forbidden: RegExp;
  what: string;
}

const NO_EVAL = 'EvalError("Regulatory Lens builds have no eval: zod JIT removed by scripts/vite-store-safe.ts")';
const NO_PDF_EVAL = 'EvalError("Regulatory Lens builds have no eval: pdf.js function compiler removed by scripts/vite-store-safe.ts")';
const NO_PDF_IMPORT = 'Error("Regulatory Lens builds load no code by computed URL: removed by scripts/vite-store-safe.ts")';
const PDFJS_PROBE = lines(
  'function isEvalSupported() {',
  'try {',
  'new Function("");',
  'return true;',
  '}',
  'catch {',
  'return false;',
  '}',
  '}',
);
const PDFJS_PROBE_REPLACED =
  'function isEvalSupported() {\n  return false; // eval is never allowed in the extension (scripts/vite-store-safe.ts)\n}';
const NO_HTML = 'Error("Regulatory Lens builds cannot set innerHTML: dangerouslySetInnerHTML removed by scripts/vite-store-safe.ts")';

/** Source lines (each matched literally) separated by any whitespace, so a re-indented file still matches. */
function lines(...source: string[]): RegExp {
  return new RegExp(source.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'));
}

export const REWRITES: Rewrite[] = [
  {
    what: "zod's eval probe (util.allowsEval)",
    file: 'node_modules/zod/v4/core/util.js',
    find: lines('try {', 'const F = Function;', 'new F("");', 'return true;', '}', 'catch (_) {', 'return false;', '}'),
    replace: 'return false; // eval is never allowed in the extension (scripts/vite-store-safe.ts)',
  },
  {
    what: "zod's object-parser JIT (Doc.compile)",
    file: 'node_modules/zod/v4/core/doc.js',
    find: lines('compile() {', 'const F = Function;'),
    // Unreachable once allowsEval is false; if it were reached, it fails as the CSP would make it fail.
    replace: `compile() {\n        const F = function () { throw new ${NO_EVAL}; };`,
  },
  {
    what: "zod's z.compile() (compileFn)",
    file: 'node_modules/zod/v4/core/compile.js',
    find: lines('const F = Function;', 'const factoryCode = `return (input) => {'),
    // compileFn already catches this and throws ZodCompileUnsupportedError, as it does under a strict CSP.
    replace: `const F = function () { throw new ${NO_EVAL}; };\n    const factoryCode = \`return (input) => {`,
  },
  {
    what: "pdf.js's eval probe (isEvalSupported, main build)",
    file: 'node_modules/pdfjs-dist/build/pdf.mjs',
    find: PDFJS_PROBE,
    replace: PDFJS_PROBE_REPLACED,
    perFile: true,
  },
  {
    what: "pdf.js's eval probe (isEvalSupported, worker build)",
    file: 'node_modules/pdfjs-dist/build/pdf.worker.mjs',
    find: PDFJS_PROBE,
    replace: PDFJS_PROBE_REPLACED,
    perFile: true,
  },
  {
    what: "pdf.js's PostScript function compiler (PDFFunction.constructPostScript)",
    file: 'node_modules/pdfjs-dist/build/pdf.worker.mjs',
    find: lines('return new Function("src", "srcOffset", "dest", "destOffset", compiled);'),
    // Unreachable once the probe is false; if reached, it fails as the CSP would.
    replace: `throw new ${NO_PDF_EVAL};`,
    perFile: true,
  },
  {
    what: "pdf.js's fake-worker fallback (a dynamic import of workerSrc on the main thread)",
    file: 'node_modules/pdfjs-dist/build/pdf.mjs',
    find: lines('const worker = await import(', '/*webpackIgnore: true*/', '/*@vite-ignore*/', 'this.workerSrc);'),
    // The reader always has a real worker (an extension file); without one, opening fails with this message.
    replace: `const worker = await Promise.reject(new ${NO_PDF_IMPORT});`,
    perFile: true,
  },
  {
    what: "pdf.js's JPEG 2000 fallback (a dynamic import of openjpeg_nowasm_fallback.js)",
    file: 'node_modules/pdfjs-dist/build/pdf.worker.mjs',
    find: lines('const mod = await import(', '/*webpackIgnore: true*/', '/*@vite-ignore*/', 'path);'),
    // No decoder file is shipped (no wasmUrl is given): pdf.js already catches this and skips such images.
    replace: `const mod = await Promise.reject(new ${NO_PDF_IMPORT});`,
    perFile: true,
  },
  {
    what: "Preact's dangerouslySetInnerHTML (diff: dom.innerHTML = props.dangerouslySetInnerHTML.__html)",
    file: 'node_modules/preact/dist/preact.mjs',
    // Preact ships minified: `(t.innerHTML=h.__html)`, names chosen by its minifier.
    find: /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/,
    replace: `(function () { throw new ${NO_HTML}; })()`,
  },
];

export const GUARDS: Guard[] = [
  // `const F = Function;`, `Function("")`, `new Function(...)`, `eval(...)`; not `isAsyncFunction(` or `ZodFunction(`.
  { pkg: 'zod', forbidden: /(?<![\w$])Function\s*[;(,)]|(?<![\w$.])eval\s*\(/, what: 'still reaches the Function constructor or eval' },
  {
    pkg: 'pdfjs-dist',
    forbidden: /(?<![\w$])Function\s*[;(,)]|(?<![\w$.])eval\s*\(|\.(?:inner|outer)HTML\s*=(?!=)|\binsertAdjacentHTML\s*\(/,
    what: 'still reaches eval or writes HTML',
  },
  {
    pkg: 'preact',
    forbidden: /\.(?:inner|outer)HTML\s*=(?!=)|\binsertAdjacentHTML\s*\(|\bdocument\.write(?:ln)?\s*\(/,
    what: 'still writes HTML',
  },
];

export class StoreSafeError extends Error {
  override name = 'StoreSafeError';
}

const HOW_TO_FIX =
  'A library upgrade changed this code: read the new code, then update scripts/vite-store-safe.ts and run scripts/lint-firefox.mjs.';

/** Forward slashes, no query: the form the rewrites' `file` endings are written in. */
const normalize = (id: string) => id.split('?')[0]!.replaceAll('\\', '/');
const newlines = (s: string) => s.split('\n').length - 1;
const packageOf = (id: string) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(normalize(id))?.[1];

/**
 * Applies the rewrites meant for module `id` and checks its package's guard. Returns the new code (undefined
 * when the module is none of our business) and which rewrites ran; throws StoreSafeError when an expected
 * pattern is not there exactly once, or when forbidden code is left.
 */
export function rewriteModule(
  code: string,
  id: string,
  rewrites = REWRITES,
  guards = GUARDS,
): { code: string; applied: Rewrite[] } | undefined {
  const path = normalize(id);
  const pkg = packageOf(path);
  const guard = guards.find((g) => g.pkg === pkg);
  const mine = rewrites.filter((r) => path.endsWith(`/${r.file}`));
  if (!guard && !mine.length) return undefined;
  let out = code;
  for (const r of mine) {
    const found = out.match(new RegExp(r.find.source, `${r.find.flags.replace('g', '')}g`))?.length ?? 0;
    if (found !== 1)
      throw new StoreSafeError(`${r.what}: expected its code exactly once in ${r.file}, found it ${found} times. ${HOW_TO_FIX}`);
    // Padded to the line count of what it replaces, so the lines after it keep their numbers (source maps).
    out = out.replace(r.find, (m) => r.replace + '\n'.repeat(Math.max(0, newlines(m) - newlines(r.replace))));
  }
  const left = guard?.forbidden.exec(out);
  if (guard && left) {
    const at = out.slice(Math.max(0, left.index - 40), left.index + 40).replace(/\s+/g, ' ');
    throw new StoreSafeError(
      `${path.slice(path.lastIndexOf('node_modules/'))} ${guard.what} after the rewrites: "...${at}...". ${HOW_TO_FIX}`,
    );
  }
  return { code: out, applied: mine };
}

/** Rewrites that a build which loaded their package never applied (their file was not in the module graph). */
export function missedRewrites(packagesSeen: Set<string>, applied: Set<Rewrite>, rewrites = REWRITES): Rewrite[] {
  return rewrites.filter((r) => !r.perFile && packagesSeen.has(r.file.split('/')[1]!) && !applied.has(r));
}

export function storeSafe(): Plugin {
  const seen = new Set<string>();
  const applied = new Set<Rewrite>();
  return {
    name: 'regulatory-lens:store-safe',
    // Store builds only. `wxt dev` serves pre-bundled dependencies that never pass through here.
    apply: 'build',
    buildStart() {
      seen.clear();
      applied.clear();
    },
    transform: {
      filter: { id: /[\\/]node_modules[\\/](?:zod|preact|pdfjs-dist)[\\/]/ },
      handler(code, id) {
        const pkg = packageOf(id);
        if (pkg) seen.add(pkg);
        try {
          const result = rewriteModule(code, id);
          if (!result) return undefined;
          for (const r of result.applied) applied.add(r);
          // `map: null`: lines keep their numbers (see rewriteModule), so RL_SOURCEMAP=1 maps still point at the right line.
          return result.applied.length ? { code: result.code, map: null } : undefined;
        } catch (e) {
          this.error(e instanceof Error ? e.message : String(e));
        }
      },
    },
    buildEnd(error) {
      if (error) return;
      const missed = missedRewrites(seen, applied);
      if (missed.length) this.error(`store-safe: never met ${missed.map((r) => `${r.file} (${r.what})`).join(', ')}. ${HOW_TO_FIX}`);
    },
  };
}
