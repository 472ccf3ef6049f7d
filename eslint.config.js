// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

// What pure code (domain/, mail/) may not import: Temporal, mail transports, the network.
const PURE = ['@temporalio/*', 'nodemailer', 'imapflow', 'node:net', 'node:http*'];

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tools/', 'coverage/', 'out/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Workflow code runs in Temporal's deterministic sandbox: no Node I/O, no wall clock. It may
  // name an activity implementation's type (for proxyActivities) but never import its code, which
  // would bundle nodemailer and imapflow into every workflow context. A relative path only says
  // it reaches the top-level activities/ once the importing file's depth is known (from
  // workflows/campaign/, '../activities' is workflows/activities.ts), hence a block per depth.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`workflows/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fs', 'node:*', 'path', 'nodemailer', 'imapflow'],
              message: "Workflow code runs in Temporal's sandbox: no Node I/O.",
            },
            {
              regex: `^(\\.\\./){${depth}}activities(/.*)?$`,
              allowTypeImports: true,
              message:
                'Workflows reach activities through proxyActivities (workflows/activities.ts): `import type` only.',
            },
          ],
        },
      ],
    },
  })),
  {
    // Rendering and reading mail is pure too: no Temporal, no network.
    files: ['mail/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: PURE }] },
  },
  {
    // The domain is pure: no Temporal, no network, no file system (files are read at the edge,
    // in platform/files/).
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
            name,
            message: 'The domain is pure: read the file at the edge and pass its contents in.',
          })),
          patterns: PURE,
        },
      ],
    },
  },
);
