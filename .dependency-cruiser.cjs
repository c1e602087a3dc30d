// The architecture, checked: no import cycles (type-only imports count: a cycle of types is still two modules
// that cannot be understood apart), and imports only in the direction the README's Layout section draws.
/** What each folder may import besides itself. */
const LAYERS = {
  // The dataset's cross-record checks use the detection core's name normalisation.
  data: ['core/detect'],
  // The pure core reads the dataset's schema and nothing of the browser; i18n is its one bridge (it reads the
  // catalogue where there is one and falls back to the key in Node).
  core: ['data', 'platform/i18n.ts'],
  protocol: ['core', 'data'],
  platform: ['core', 'data', 'protocol'],
  background: ['core', 'data', 'protocol', 'platform'],
  // The page runtime hosts the card components in its shadow root.
  page: ['core', 'data', 'protocol', 'platform', 'ui'],
  ui: ['core', 'data', 'protocol', 'platform'],
};
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Import cycles make modules that cannot be read apart.',
      from: {},
      to: { circular: true },
    },
    ...Object.entries(LAYERS).map(([folder, allowed]) => ({
      name: `layer-${folder}`,
      severity: 'error',
      comment: `${folder}/ may import only ${allowed.join(', ')} (README, Layout)`,
      from: { path: `^${esc(folder)}/` },
      to: {
        path: '^(?:core|protocol|platform|background|page|ui|data|entrypoints|scripts|test)/',
        pathNot: [`^${esc(folder)}/`, ...allowed.map((a) => `^${esc(a)}(?:/|$)`)],
      },
    })),
    {
      name: 'no-entrypoint-imports',
      severity: 'error',
      comment: 'Entry points wire; nothing imports them.',
      from: { pathNot: '^(?:entrypoints|test)/' },
      to: { path: '^entrypoints/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?:node_modules|\\.output|\\.wxt)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
