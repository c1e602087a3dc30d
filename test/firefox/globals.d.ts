// Functions passed to page.evaluate() run in extension pages, where Firefox's `browser` namespace is global.
declare const browser: typeof import('wxt/browser').browser;
