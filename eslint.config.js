import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import { defineConfig } from 'eslint/config'

const layer = (from, forbidden, message) => ({
  files: [`src/${from}/**/*.ts`],
  rules: {
    // an entry may be a list, for a pattern with its `!` exceptions
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group].flat(), message })) }],
  },
})

const emulatorForbidden = ['**/session/**', '**/authoring/**', '**/kube/**', '**/options/**', '**/experiment/**', '**/journal/**', '**/run/**', '**/providers/**', '**/tolerance/**', '**/drivers/**', '**/clusters/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', '**/errors.js', 'vitest', 'jest']
const emulatorAboveStore = ['**/api-server/**', '**/controllers/**', '**/kubelet/**', '**/topology/**', '**/mesh/**', '**/workloads/**']
const driversForbidden = ['**/session/**', '**/authoring/**', '**/run/**', '**/providers/**', '**/tolerance/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', 'vitest', 'jest', '@jest/*']

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', '.chaos/**', 'coverage/**'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
    },
  },
  // imports only point down the layers of DESIGN.md
  layer('experiment', ['**/session/**', '**/run/**', '**/providers/**', '**/tolerance/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**'], 'model imports nothing of ours above it'),
  layer('journal', ['**/session/**', '**/run/**', '**/providers/**', '**/tolerance/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**'], 'model imports nothing of ours above it'),
  layer('options', ['**/session/**', '**/experiment/**', '**/journal/**', '**/run/**', '**/providers/**', '**/tolerance/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', '**/config/**', '**/authoring/**'], 'options/ (checking user options) is model: it imports only errors.ts'),
  layer('run', ['**/session/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', 'vitest', 'jest', '@jest/*'], 'the engine imports only the model'),
  layer('providers', ['**/session/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', 'vitest', 'jest', '@jest/*'], 'the engine imports only the model'),
  layer('tolerance', ['**/session/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', 'vitest', 'jest', '@jest/*'], 'the engine imports only the model'),
  layer('drivers', driversForbidden, 'drivers speak only the Kubernetes API and import only the model'),
  // the fault ledger is the bottom of the drivers: each driver writes it, so it imports none of them
  layer('drivers/ledger', [...driversForbidden, '**/kubernetes/**', '**/istio/**', '**/load/**', '**/recovery/**'], 'the fault ledger sits under every driver and imports none of them'),
  // each driver imports shared/ and the ledger below it, never another driver sideways; recovery gathers every
  // driver's undo, and no driver imports it back
  layer('drivers/shared', [...driversForbidden, '**/kubernetes/**', '**/istio/**', '**/load/**', '**/recovery/**'], 'drivers/shared sits under every driver and imports none of them'),
  layer('drivers/kubernetes', [...driversForbidden, '**/recovery/**', '**/istio/**', '**/load/**'], 'a driver imports drivers/shared, never another driver; only surfaces call recovery'),
  layer('drivers/istio', [...driversForbidden, '**/recovery/**', '**/kubernetes/**', '**/load/**'], 'a driver imports drivers/shared, never another driver; only surfaces call recovery'),
  layer('drivers/load', [...driversForbidden, '**/recovery/**', '**/kubernetes/**', '**/istio/**'], 'a driver imports drivers/shared, never another driver; only surfaces call recovery'),
  layer('emulator', emulatorForbidden, 'the emulator imports nothing else of ours'),
  // inside the emulator: store under registry under the HTTP layer; controllers, kubelet and topology use the registry, never api-server/
  layer('emulator/store', [...emulatorForbidden, ...emulatorAboveStore, '**/registry/**'], 'store/ is the bottom of the emulator: it imports none of its other folders'),
  layer('emulator/registry', [...emulatorForbidden, ...emulatorAboveStore], 'registry/ (object semantics) imports only store/; the API server and the controllers build on it'),
  layer('emulator/controllers', [...emulatorForbidden, '**/api-server/**'], 'controllers use object semantics from registry/, never the HTTP layer'),
  layer('emulator/kubelet', [...emulatorForbidden, '**/api-server/**'], 'the kubelet uses object semantics from registry/, never the HTTP layer'),
  layer('emulator/topology', [...emulatorForbidden, '**/api-server/**'], 'topology uses object semantics from registry/, never the HTTP layer'),
  // Kubernetes helpers (watches) under both the environments and the capabilities
  layer('host', ['**/experiment/**', '**/journal/**', '**/options/**', '**/errors.js', '**/session/**', '**/authoring/**', '**/kube/**', '**/run/**', '**/providers/**', '**/tolerance/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', '**/config/**'], 'host/ (facts about this machine) imports nothing of ours'),
  layer('kube', ['**/session/**', '**/run/**', '**/providers/**', '**/tolerance/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', '**/authoring/**', 'vitest', 'jest', '@jest/*'], 'kube/ imports only the model and client-node'),
  // the per-test runtime: under the matchers, the adapters, the CLI and the reporter
  layer('session', ['**/matchers/**', '**/vitest/**', '**/jest/**', '**/cli/**', '**/report/**', '**/config/**', 'vitest', 'jest', '@jest/*'], 'session/ sits under the surfaces and imports none of them, nor a test framework'),
  layer('matchers', ['**/vitest/**', '**/jest/**', '**/cli/**', '**/report/**', '**/config/**', 'vitest', 'jest', '@jest/*'], 'matchers import the session and below; only vitest/ and jest/ import a test framework'),
  layer('cli', ['**/matchers/**', '**/session/**', '../vitest/**', '../../vitest/**', '../jest/**', '../../jest/**', '../config/**', '../../config/**', 'vitest', 'jest', '@jest/*'], 'the CLI runs experiments through the engine; it imports no test-time surface nor a test framework'),
  layer('report', ['**/matchers/**', '../vitest/**', '../jest/**', '**/cli/**', 'jest', '@jest/*'], 'the reporter reads run records from the session layer; only vitest/ and jest/ import a test framework'),
  // the authoring builders are model: documents and option checks only
  layer('authoring', ['**/run/**', '**/providers/**', '**/tolerance/**', '**/drivers/**', '**/clusters/**', '**/emulator/**', '**/kube/**', '**/session/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', '**/config/**', 'vitest', 'jest', '@jest/*'], 'authoring/ builds documents from the model and options/ only'),
  layer('config', ['**/matchers/**', '**/session/**', '**/cli/**', '../vitest/**', '../jest/**', 'jest', '@jest/*'], 'config/ is the Vitest project helper (the adapters read its timeouts); it imports no other surface but the reporter it registers'),
  // src/providers/ (the engine's) by relative path, as src/clusters/providers/ is the cluster providers' own folder
  layer('clusters', ['**/session/**', '**/authoring/**', '**/run/**', '../providers/**', '../../providers/**', '**/tolerance/**', '**/drivers/**', '**/cli/**', '**/vitest/**', '**/jest/**', '**/matchers/**', '**/report/**', 'vitest', 'jest', '@jest/*', ['**/emulator/**', '!**/emulator/index.js']], 'environments import the emulator (only through src/emulator/index.ts) and the model only'),
  {
    // no function over 60 lines (issue 15); tests and their support folders are exempt below
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-d.ts', 'src/**/testing/**'],
    rules: { 'max-lines-per-function': ['error', { max: 60 }] },
  },
  {
    // tests and their support folders (src/**/testing/, kept out of dist) may reach across layers
    files: ['**/*.test.ts', '**/*.test-d.ts', 'src/**/testing/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
)
