// Lint rules for groupbot: typescript-eslint's recommended set, type-aware where it catches real bugs
// (floating promises, misused promises), plus the house rules of docs/architecture.md.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      'data/**',
      'test-output/**',
      'bench/output/**',
      'appPackage/build/**',
      'dist/**',
      'bin/**',
      'eslint.config.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Only the Teams shell and the hosts that run it (bot/teams, bot/chat, bot/local, server.ts, runtime.ts) may
    // import the Teams stack; every other layer stays portable and testable without it.
    files: ['bot/**/*.ts', 'cards/**/*.ts', 'graph-emulator/**/*.ts'],
    ignores: ['bot/teams/**', 'bot/chat/**', 'bot/local/**', 'bot/server.ts', 'bot/runtime.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['botbuilder*', '@microsoft/teams-ai', 'restify'] }],
    },
  },
);
