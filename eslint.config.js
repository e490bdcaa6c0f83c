// ESLint flat config: typescript-eslint recommended rules, plus the architecture's direction rules:
// the pure domain must not import the shells (store, server, cli, app, reports, web) or I/O modules,
// and the shells (server, cli) must not import the store.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'web/dist/**',
      'dist/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'docs/schemas/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/store/**',
                '**/store',
                '**/server/**',
                '**/server',
                '**/cli/**',
                '**/cli',
                '**/app/**',
                '**/app',
                '**/reports/**',
                '**/web/**',
              ],
              message:
                'src/domain is pure: it must not import store, server, cli, app, reports or web.',
            },
            {
              group: [
                'node:fs',
                'node:fs/*',
                'node:http',
                'node:net',
                'fs',
                'http',
                'pg',
                'better-sqlite3',
                'kysely',
                'fastify',
              ],
              message: 'src/domain does no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shells reach data only through the app layer, which takes the caller's access scope
    // and filters in SQL; the composition roots open the store through src/app/bootstrap.ts.
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/store'],
              message:
                'src/server and src/cli are shells over src/app: call an app query or command (it takes the access scope); open the store through src/app/bootstrap.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/server/**',
                '**/src/store/**',
                '**/src/app/**',
                '**/src/cli/**',
                '**/src/domain/**',
              ],
              message: 'web talks to the server over HTTP only; share types through src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'src/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
