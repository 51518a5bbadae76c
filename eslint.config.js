import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.bench/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Shipped code: page text is untrusted and never parsed as HTML (tests may build fixture DOMs).
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Page text is untrusted: never use innerHTML.' },
        { selector: "MemberExpression[property.name='outerHTML']", message: 'Page text is untrusted: never use outerHTML.' },
        { selector: "MemberExpression[property.name='insertAdjacentHTML']", message: 'Never parse strings as HTML.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML strings.' },
      ],
    },
  },
  {
    // The database lives on the extension origin: content-script code talks to it only by messages.
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**', 'lib/content/**', 'lib/sites/**', 'components/toolbar/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/lib/db', '**/lib/db.ts', '**/db', '**/library', '**/library.ts', 'dexie'], message: 'Content scripts must not touch the database: send a message to the background.' },
          ],
        },
      ],
    },
  },
);
