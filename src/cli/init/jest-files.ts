/** A Jest config for the chaos tests (plain ESM JavaScript, so no transform is needed). */
export const JEST_CONFIG = `{
  "testMatch": ["<rootDir>/chaos/**/*.chaos.test.mjs"],
  "testEnvironment": "node",
  "transform": {},
  "reporters": ["default", "vitest-chaos/jest/reporter"]
}
`

/** What to add by hand when a Jest config already exists. */
export const JEST_CONFIG_LINES = `"reporters": ["default", "vitest-chaos/jest/reporter"]
// and make testMatch include chaos/**/*.chaos.test.mjs; run Jest with NODE_OPTIONS=--experimental-vm-modules`
