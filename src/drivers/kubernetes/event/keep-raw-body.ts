// chaosk8s returns some answers as the JSON the server sent (`_preload_content=False`); client-node's typed models
// rename keys (`metadata._continue`) and round timestamps through Date, so the body text is kept as it arrived.
import { Observable, ResponseContext, type ConfigurationOptions, type ObservableMiddleware } from '@kubernetes/client-node'

/** Options for one client-node call that keep its answer's body, and the body as parsed JSON once the call returned. */
export const keepRawBody = (): { options: ConfigurationOptions; json: () => unknown } => {
  let text = ''
  const keepText = async (response: ResponseContext): Promise<ResponseContext> => {
    text = await response.body.text()
    return new ResponseContext(response.httpStatusCode, response.headers, { text: () => Promise.resolve(text), binary: () => Promise.resolve(Buffer.from(text)) })
  }
  const middleware: ObservableMiddleware = {
    pre: (request) => new Observable(Promise.resolve(request)),
    post: (response) => new Observable(keepText(response)),
  }
  return { options: { middleware: [middleware], middlewareMergeStrategy: 'append' }, json: () => JSON.parse(text) as unknown }
}
