/** The folders that hold the extension's own sources (README, Layout), for tests that read every source file. */
export const SOURCE_DIRS = ['core', 'protocol', 'platform', 'background', 'page', 'ui', 'entrypoints'] as const;
/** Where components and entry points render what a reader sees. */
export const RENDERING_DIRS = ['ui', 'page', 'entrypoints'] as const;
