import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { datasetCheck } from './scripts/vite-dataset-check';
import { CARD_MODULE_PATH, PAGE_MATCHES } from './page/card-module';
import { FUZZY_MODULE_PATH } from './page/fuzzy-scorer';
import { PAGE_DATE_MODULE_PATH } from './page/page-date-module';
import { HIGHLIGHT_CSS, HIGHLIGHT_STYLESHEET } from './page/highlight-style';
import { storeSafe } from './scripts/vite-store-safe';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Parallel work (several builds on one machine) can build into a directory of its own.
  outDir: process.env.RL_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every module imports what it uses: auto-imports read some local names (a `t` parameter) as WXT's
  // helpers and pulled the browser polyfill into modules that must not have it.
  imports: false,
  // Both browsers get MV3: Firefox's MV3 has the sidebar and the CSS Custom Highlight API we rely on.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Every user-facing string comes from public/_locales, so a translation is one new messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Highlight API (105), side panel (114), caretPositionFromPoint (128).
    minimum_chrome_version: browser === 'firefox' ? undefined : '128',
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'regulatory-lens@example.org',
              strict_min_version: '140.0',
              // Firefox's data-collection declaration: nothing is collected or transmitted (see PRIVACY.md).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
    // The reader's settings (on/off, paused sites, kinds, density, theme) live in storage.local. activeTab: when
    // the user opens the popup on a tab, the popup learns that tab's address (no warning, no other tab), so it
    // can offer a PDF shown there to the PDF reader.
    permissions: ['storage', 'activeTab'],
    // The PDF reader fetches a PDF from the web only when the user asks, after asking for that one origin.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Browse-mentions mode (page/browse.ts); the background relays it to the tab (background/commands.ts).
    commands: {
      'browse-mentions': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Browse the highlighted mentions on this page' },
    },
    // The card UI, the fuzzy scorer and the page date reader, which the content script imports on first need (page/lazy-module.ts):
    // only on the pages the content script runs on, and (Chrome) under a per-session URL a page cannot probe for.
    web_accessible_resources: [
      { resources: [CARD_MODULE_PATH, FUZZY_MODULE_PATH, PAGE_DATE_MODULE_PATH], matches: PAGE_MATCHES, use_dynamic_url: true },
    ],
  }),
  hooks: {
    // The highlights' colours for the pages the content script runs on, applied by the browser before the
    // page is laid out (page/highlight-style.ts says why).
    'build:publicAssets': (_, files) => {
      files.push({ relativeDest: HIGHLIGHT_STYLESHEET, contents: HIGHLIGHT_CSS });
    },
    'build:manifestGenerated': (_, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.css = [...(script.css ?? []), HIGHLIGHT_STYLESHEET];
    },
  },
  // Firefox reviewers get the sources zip; test output is not source.
  zip: { excludeSources: ['test-results/**', 'docs/**', '**/*.log'] },
  vite: () => ({
    // storeSafe: no eval and no innerHTML in what we ship (addons-linter; see the file).
    plugins: [preact(), datasetCheck(), storeSafe()],
    // The PDF reader's detection worker is bundled on its own: ASCII like every script we ship.
    worker: { format: 'es', rolldownOptions: { output: { charset: 'ascii' } } },
    build: {
      // Chrome silently refuses to load an extension whose scripts hold non-ASCII bytes (Dexie has U+FFFF).
      rolldownOptions: { output: { charset: 'ascii' } },
      // The browsers the manifest admits (minimum_chrome_version, strict_min_version): CSS they all read, such as
      // light-dark() in the theme palettes (ui/card/card.css), is kept as written, not rewritten for older ones.
      cssTarget: ['chrome128', 'firefox140'],
      // Profiling aids (never in CI or the store builds): RL_SOURCEMAP=1, RL_NO_MINIFY=1.
      sourcemap: process.env.RL_SOURCEMAP === '1',
      ...(process.env.RL_NO_MINIFY === '1' ? { minify: false } : {}),
    },
  }),
});
