// Whether the emulator has its own program for an image (bookinfo's), so nothing has to be mapped for it.
import { bookinfoPrograms } from './bookinfo/index.js'
import { imageName } from './program.js'

/**
 * True for images the emulator runs as their real program without any mapping.
 *
 * @example
 * hasBuiltInProgram('docker.io/istio/examples-bookinfo-details-v1:1.20.3') // true
 * hasBuiltInProgram('ghcr.io/me/shop:1.0') // false: the default web server stands in unless `programs` maps it
 */
export const hasBuiltInProgram = (image: string): boolean => bookinfoPrograms.has(imageName(image))
