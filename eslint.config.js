// Type-aware lint, with rules that encode the architecture.
import tseslint from 'typescript-eslint';

/** Another module's repository or tables, from inside a module (`../people/repository.ts`, `../../court/tables.ts`, `../court/history-repository.ts`). */
const OTHER_MODULES_INSIDES = {
  regex: '^(\\.\\./)+(?!platform/)[a-z-]+/([a-z-]+/)*([a-z-]+-)?(repository|tables)\\.ts$',
  message: 'A module uses another only through what that module exports for others, never its repository or tables.',
};

/** The returns read the record; the areas a return is made from know nothing of them. */
const NOT_RETURNS = { group: ['**/returns/**'], message: 'The returns read the record; the record does not know the returns (use the recording check or save check hooks).' };
/** The areas a return is made from. */
const RECORD_AREAS = 'src/modules/{people,family-help,child-protection,court}';
/** Routes and pages hold no SQL. */
const NO_SQL = { group: ['**/repository.ts', 'drizzle-orm', 'drizzle-orm/*'], message: 'Routes call services; only repositories hold SQL.' };

/** The synthetic data generator: production code takes nothing from it (its code lists live in the modules). */
const NOT_SEED = { group: ['**/seed/**'], message: 'Production code takes nothing from the synthetic data generator.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.tmp/', 'public/', 'drizzle/', 'bin/', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify handlers and test doubles are async by contract, awaiting or not.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'A focused test hides the rest of the suite.' },
        { object: 'describe', property: 'only', message: 'A focused test hides the rest of the suite.' },
        { object: 'test', property: 'only', message: 'A focused test hides the rest of the suite.' },
      ],
    },
  },
  {
    // Modules meet only through what each exports for others (its service, a module's small
    // interface such as people/allocations.ts or family-help/for-layers.ts), never another
    // module's repository or tables. Two kinds of file may name another module's tables: a
    // module's own tables.ts (foreign keys) and a read model (*read-model.ts), which says which
    // tables it reads. (The CIN import writes through each module's history.ts.)
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/*/tables.ts', 'src/modules/**/*read-model.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [OTHER_MODULES_INSIDES, NOT_SEED] }],
    },
  },
  {
    // The areas a return is made from know nothing of the returns: the census checks them through
    // hooks the returns module registers where the app is wired (src/deps.ts, src/routes.ts).
    files: [`${RECORD_AREAS}/**/*.ts`],
    ignores: ['src/modules/*/tables.ts', 'src/modules/**/*read-model.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [OTHER_MODULES_INSIDES, NOT_SEED, NOT_RETURNS] }],
    },
  },
  {
    // The platform knows no module: modules register with it where the app is wired (src/deps.ts, src/routes.ts). The one
    // schema drizzle-kit reads gathers every module's tables.
    files: ['src/platform/**/*.ts'],
    ignores: ['src/platform/db/schema.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'The platform imports no module: let the module register with it where the app is wired (src/deps.ts, src/routes.ts).' }, NOT_SEED] }],
    },
  },
  {
    // SQL lives only in repositories: routes and pages reach data through services.
    files: ['src/modules/**/routes.ts', 'src/modules/**/*controller.ts', 'src/modules/*/pages/**/*.ts', 'src/app.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_SQL, OTHER_MODULES_INSIDES, NOT_SEED] }],
    },
  },
  {
    // The same for the record areas' routes and pages, which know nothing of the returns either.
    files: [`${RECORD_AREAS}/**/routes.ts`, `${RECORD_AREAS}/**/*controller.ts`, `${RECORD_AREAS}/pages/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_SQL, OTHER_MODULES_INSIDES, NOT_SEED, NOT_RETURNS] }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
