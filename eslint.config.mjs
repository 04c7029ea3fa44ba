// Lint rules for groupbot: typescript-eslint's recommended set, type-aware where it catches real bugs
// (floating promises, misused promises), plus the house rules of docs/architecture.md.
import tseslint from 'typescript-eslint';

const TEAMS_SHELL = 'Only the Teams shell and its hosts import the Teams stack (docs/architecture.md).';
const STANDALONE =
  'graph-emulator/ stands alone: share code through common/ or graph-model/, never bot/ or local-cloud/.';
const SHARED =
  'common/ is shared by the bot and the emulator, so it imports neither of them (nor cards/ or local-cloud/).';

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
  {
    // The Graph emulator stands alone: it imports the shared code in common/ and graph-model/, never the bot or the
    // local cloud (a later block for the same files replaces this rule, so the Teams stack is listed again).
    files: ['graph-emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/bot', '**/bot/**', '**/local-cloud', '**/local-cloud/**'], message: STANDALONE },
            { group: ['botbuilder*', '@microsoft/teams-ai', 'restify'], message: TEAMS_SHELL },
          ],
        },
      ],
    },
  },
  {
    // common/ is what the bot and the emulator share: it imports neither of them, nor the local cloud.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/bot',
                '**/bot/**',
                '**/graph-emulator',
                '**/graph-emulator/**',
                '**/local-cloud',
                '**/local-cloud/**',
                '**/cards',
                '**/cards/**',
              ],
              message: SHARED,
            },
            { group: ['botbuilder*', '@microsoft/teams-ai', 'restify'], message: TEAMS_SHELL },
          ],
        },
      ],
    },
  },
);
