// The name formats apimachinery validates, with its messages word for word.
import type { NameFormat } from './resource-definition.js'

const SUBDOMAIN_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS1035_PATTERN = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

/** Most kinds' names. */
export const DNS1123_SUBDOMAIN: NameFormat = {
  pattern: SUBDOMAIN_PATTERN,
  maxLength: 253,
  message:
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
}

/** Namespaces and container names. */
export const DNS1123_LABEL: NameFormat = {
  pattern: LABEL_PATTERN,
  maxLength: 63,
  message:
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
}

/** Services. */
export const DNS1035_LABEL: NameFormat = {
  pattern: DNS1035_PATTERN,
  maxLength: 63,
  message:
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
}
