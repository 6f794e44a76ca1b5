import type { Program, ProgramRegistry } from '../program.js'
import { details } from './details.js'
import { mongodb } from './mongodb.js'
import { productpage } from './productpage/productpage.js'
import { ratings } from './ratings.js'
import { reviews } from './reviews.js'

export { applyManifests, type ManifestTarget } from './apply-manifests.js'
export { bookinfoManifestFiles, readBookinfoManifests } from './manifest-files.js'

/**
 * Image name (see `imageName()`) → the local program standing in for that bookinfo container.
 *
 * @example
 * const program = bookinfoPrograms.get(imageName('registry.istio.io/release/examples-bookinfo-reviews-v3:1.20.3'))
 */
export const bookinfoPrograms: ProgramRegistry = new Map<string, Program>([
  ['examples-bookinfo-productpage-v1', productpage],
  ['examples-bookinfo-details-v1', details],
  ['examples-bookinfo-reviews-v1', reviews],
  ['examples-bookinfo-reviews-v2', reviews],
  ['examples-bookinfo-reviews-v3', reviews],
  ['examples-bookinfo-ratings-v1', ratings],
  ['examples-bookinfo-ratings-v2', ratings],
  ['examples-bookinfo-mongodb', mongodb],
])
