// A POST or PUT body as an object of the URL's resource, with the warnings (or errors) its unknown and duplicate fields give.
import { PROTOBUF_MEDIA_TYPE } from '../protobuf/protobuf-envelope.js'
import { readObject } from '../decode-body.js'
import { checkObjectFields, fieldValidationOf } from '../field-validation/check-fields.js'
import { mediaType, readBodyBytes } from '../http-io.js'
import type { RequestScope } from '../request-scope.js'

export const readCheckedObject = async ({ request, resource, version, namespace, query }: RequestScope) => {
  const bytes = await readBodyBytes(request)
  const object = await readObject(request, resource, version, namespace, bytes)
  const text = mediaType(request.headers['content-type']) === PROTOBUF_MEDIA_TYPE ? undefined : bytes.toString('utf8')
  return { object, warnings: checkObjectFields(resource, version, object, text, fieldValidationOf(query)) }
}
