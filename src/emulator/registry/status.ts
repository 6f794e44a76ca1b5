// Kubernetes `Status` bodies, built exactly as a real kube-apiserver serializes them.
import type { ResourceDefinition } from './resource-definition.js'
import { qualifiedName } from './resource-definition.js'

export interface StatusCause {
  reason: string
  message: string
  field?: string
}

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  uid?: string
  causes?: StatusCause[]
  retryAfterSeconds?: number
}

export interface StatusBody {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: { continue?: string }
  status: 'Failure' | 'Success'
  message?: string
  reason?: string
  details?: StatusDetails
  code?: number
}

/** A refusal travelling up to the request handler, which answers with its Status. */
export class ApiError extends Error {
  constructor(
    readonly status: StatusBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(status.message)
  }

  get code(): number {
    return this.status.code ?? 500
  }
}

export const failure = (code: number, reason: string | undefined, message: string, details?: StatusDetails): StatusBody => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  ...(reason ? { reason } : {}),
  ...(details ? { details } : {}),
  code,
})

const resourceDetails = (resource: Pick<ResourceDefinition, 'group' | 'plural'>, name: string): StatusDetails => ({
  name,
  ...(resource.group ? { group: resource.group } : {}),
  kind: resource.plural,
})

export const notFound = (resource: Pick<ResourceDefinition, 'group' | 'plural'>, name: string): ApiError =>
  new ApiError(failure(404, 'NotFound', `${qualifiedName(resource)} "${name}" not found`, resourceDetails(resource, name)))

export const alreadyExists = (resource: Pick<ResourceDefinition, 'group' | 'plural'>, name: string): ApiError =>
  new ApiError(failure(409, 'AlreadyExists', `${qualifiedName(resource)} "${name}" already exists`, resourceDetails(resource, name)))

export const conflict = (resource: Pick<ResourceDefinition, 'group' | 'plural'>, name: string, why?: string): ApiError =>
  new ApiError(
    failure(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedName(resource)} "${name}": ${why ?? 'the object has been modified; please apply your changes to the latest version and try again'}`,
      resourceDetails(resource, name),
    ),
  )

export const badRequest = (message: string): ApiError => new ApiError(failure(400, 'BadRequest', message))

export const resourceNotFound = (): ApiError =>
  new ApiError(failure(404, 'NotFound', 'the server could not find the requested resource', {}))

export const methodNotAllowed = (): ApiError =>
  new ApiError(failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {}))

/** 406: the Accept header names no media type this route can write. */
export const notAcceptable = (mediaTypes: string[]): ApiError =>
  new ApiError(failure(406, 'NotAcceptable', `only the following media types are accepted: ${mediaTypes.join(', ')}`))

/** 415 from content negotiation (not the patch-type 415): the body's Content-Type is not one this route reads. */
export const unsupportedBodyType = (mediaTypes: string[]): ApiError =>
  new ApiError(failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${mediaTypes.join(', ')}`))

export const unsupportedMediaType = (): ApiError => new ApiError(failure(415, 'UnsupportedMediaType', '415: Unsupported Media Type', {}))

export const genericInvalid = (): ApiError =>
  new ApiError(failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {}))

/** A field error, rendered the way apimachinery's field.Error prints itself. */
export interface FieldError {
  field: string
  reason: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueForbidden'
  /** Text after the type prefix, e.g. `must be greater than or equal to 0`. */
  detail?: string
  /** Go-formatted bad value for `Invalid value: <value>: ...`. */
  value?: string
}

const renderFieldError = (error: FieldError): string => {
  if (error.reason === 'FieldValueRequired') return error.detail ? `Required value: ${error.detail}` : 'Required value'
  if (error.reason === 'FieldValueForbidden') return `Forbidden: ${error.detail ?? ''}`
  if (error.reason === 'FieldValueDuplicate') return `Duplicate value: ${error.value ?? ''}`
  if (error.reason === 'FieldValueNotSupported') return `Unsupported value: ${error.value ?? ''}${error.detail ? `: ${error.detail}` : ''}`
  return `Invalid value: ${error.value ?? ''}${error.detail ? `: ${error.detail}` : ''}`
}

/** 422 Invalid: `details.kind` is the Kind (not the plural) and the message joins every field error. */
export const invalid = (resource: Pick<ResourceDefinition, 'group' | 'kind'>, name: string, errors: FieldError[]): ApiError => {
  const causes = errors.map((error) => ({ reason: error.reason, message: renderFieldError(error), field: error.field }))
  const rendered = causes.map((cause) => `${cause.field}: ${cause.message}`)
  const summary = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`
  const kindName = resource.group ? `${resource.kind}.${resource.group}` : resource.kind
  return new ApiError(
    failure(422, 'Invalid', `${kindName} "${name}" is invalid: ${summary}`, {
      ...(name ? { name } : {}),
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.kind,
      causes,
    }),
  )
}

export const success = (details?: StatusDetails, code?: number): StatusBody => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  ...(details ? { details } : {}),
  ...(code ? { code } : {}),
})

/** Details of a deleted object, as DELETE answers them (`group` only outside the core group). */
export const deletedDetails = (resource: Pick<ResourceDefinition, 'group' | 'plural'>, name: string, uid: string | undefined): StatusDetails => ({
  ...resourceDetails(resource, name),
  ...(uid ? { uid } : {}),
})

/** Runs `action`; a 404 ApiError (the object went away meanwhile) is not an error. */
export const ignoreNotFound = (action: () => void): void => {
  try {
    action()
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 404)) throw error
  }
}
