// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

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
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node I/O, no wall clock.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['fs', 'node:*', 'path', 'nodemailer', 'imapflow', '../activities/*/!(index)'],
        },
      ],
    },
  },
  {
    // The domain is pure: no Temporal, no network, no file system.
    files: ['domain/**/*.ts', 'mail/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@temporalio/*', 'nodemailer', 'imapflow', 'node:net', 'node:http*'] },
      ],
    },
  },
);
