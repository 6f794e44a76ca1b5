export type StoreErrorReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Expired' | 'Invalid'

/** A store refusal; the API server turns it into the matching Kubernetes `Status`. */
export class StoreError extends Error {
  override name = 'StoreError'

  constructor(
    readonly reason: StoreErrorReason,
    readonly resource: string,
    readonly objectName: string,
    message: string,
  ) {
    super(message)
  }
}
