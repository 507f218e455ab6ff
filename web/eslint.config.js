// ESLint for the site and its tests (run by scripts/lint from the repository's root, so every path
// here is from there): the recommended rules, the rules of hooks (Preact's hooks follow React's),
// and no function over 120 lines in web/src, so each stays one idea.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const jsx = { parserOptions: { ecmaFeatures: { jsx: true } } };

export default [
  { ignores: ['web/dist/**', 'web/src/wasm/**', '**/node_modules/**', 'tests/e2e/output/**'] },
  js.configs.recommended,
  {
    files: ['**/*.{js,jsx,mjs}'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', ...jsx },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: ['web/src/**'], languageOptions: { globals: { ...globals.browser } }, rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }] } },
  { files: ['web/src/worker/**'], languageOptions: { globals: { ...globals.worker } } },
  { files: ['web/sw/**'], languageOptions: { globals: { ...globals.serviceworker } } },
  { files: ['web/bench/**', 'tests/**', 'web/*.config.js', 'web/plugins/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
