// The linter's code rules. Import cycles and the direction of imports between folders are checked by
// dependency-cruiser (.dependency-cruiser.cjs), unused exports by knip, formatting by Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output*/', '.wxt/', 'test-results*/', 'docs/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: {
        // Browser and Node globals the sources use; WXT's auto-imported define* helpers in entry points.
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        queueMicrotask: 'readonly',
        requestAnimationFrame: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        structuredClone: 'readonly',
        defineBackground: 'readonly',
        defineContentScript: 'readonly',
        defineUnlistedScript: 'readonly',
      },
    },
    rules: {
      'no-sequences': ['error', { allowInParentheses: false }],
      // The text pipeline marks block breaks with U+001F and folded characters with U+0000 on purpose, and the
      // test runner strips terminal colours (U+001B): control characters in these patterns are the point.
      'no-control-regex': 'off',
      // TypeScript checks these (and knows the DOM and WXT's globals); ESLint's copy only repeats it wrongly.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['test/e2e/**/*.ts'],
    // Playwright reads a fixture's dependencies from the destructuring of its first argument: `({}, use)` is its idiom.
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
