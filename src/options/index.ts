export { checkOptions, findInvalidOptions } from './check-options.js'
export { InvalidOptionsError } from './invalid-options-error.js'
