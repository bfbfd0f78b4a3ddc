import tseslint from 'typescript-eslint';

const FRAMEWORK = ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'class-validator', 'class-transformer', 'bullmq', 'ioredis', '@eventstore/*', 'express'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is plain TypeScript: rules only, no framework, no I/O, no environment.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: FRAMEWORK, message: 'libs/domain stays free of frameworks and I/O' }] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'settings come in through libs/config, never into the domain' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'the domain never reads a clock: time comes in with the command' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'the domain never reads a clock: time comes in with the command' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'ids come in with the command' },
      ],
    },
  },
  {
    // Only libs/config reads the environment.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/config/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read settings through libs/config (loadConfig)' }],
    },
  },
);
