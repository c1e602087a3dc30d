// Code passed to page.evaluate / serviceWorker.evaluate runs inside extension contexts, where `chrome`
// exists; it has the same shape as WXT's `browser`.
declare const chrome: typeof import('wxt/browser').browser;
