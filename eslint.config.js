// Lint rules for the whole tree; Prettier owns formatting.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.wrangler/',
      '.xdg/',
      'node_modules/',
      'sandbox/specs/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'max-len': [
        'error',
        { code: 100, ignoreUrls: true, ignoreStrings: false },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // TypeScript checks names; this rule does not know DOM or Worker globals.
      'no-undef': 'off',
    },
  },
  {
    // Command-line entry points talk to the person who started them.
    files: ['scripts/**', 'sandbox/main.ts', 'bench/**', 'worker/log.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
)
