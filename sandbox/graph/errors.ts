// Graph's response conventions: every error is an ODataError with an
// innerError carrying the request ids, and JSON goes out with the OData
// content type Graph uses, so strict clients see what production sends.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Directory } from './state'

export const GRAPH_JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;' +
  'IEEE754Compatible=false;charset=utf-8'

export type GraphEnv = {
  Variables: {
    requestId: string
    clientRequestId: string
    directory: Directory
  }
}

export type GraphContext = Context<GraphEnv>

export function graphJson(
  c: GraphContext,
  body: unknown,
  status: ContentfulStatusCode = 200,
): Response {
  return c.body(JSON.stringify(body), status, {
    'content-type': GRAPH_JSON_TYPE,
  })
}

export function graphError(
  c: GraphContext,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Response {
  return graphJson(
    c,
    {
      error: {
        code,
        message,
        innerError: {
          // Graph prints this timestamp without zone or fraction.
          date: new Date().toISOString().slice(0, 19),
          'request-id': c.get('requestId'),
          'client-request-id': c.get('clientRequestId'),
        },
      },
    },
    status,
  )
}

export function resourceNotFound(c: GraphContext, key: string): Response {
  return graphError(
    c,
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried ` +
      'reference-property objects are not present.',
  )
}

export function directoryBadRequest(
  c: GraphContext,
  message: string,
): Response {
  return graphError(c, 400, 'Request_BadRequest', message)
}

/** Errors raised by the OData layer (parsing, types) use plain BadRequest. */
export function odataBadRequest(c: GraphContext, message: string): Response {
  return graphError(c, 400, 'BadRequest', message)
}

export const UNREADABLE_JSON =
  'Unable to read JSON request payload. Please ensure Content-Type header ' +
  'is set and payload is of valid JSON format.'

/** Parses a JSON object body; undefined when it is not one. */
export async function readJsonObject(
  c: GraphContext,
): Promise<Record<string, unknown> | undefined> {
  const text = await c.req.text()
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>
    }
  } catch {
    // Falls through: the caller answers with Graph's payload error.
  }
  return undefined
}
