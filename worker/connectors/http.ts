import { ConnectorError } from './types'

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  headers?: Record<string, string>
  /** Sent as JSON, or as a form when it is URLSearchParams. */
  body?: unknown
  timeoutMs?: number
}

export interface ApiResponse {
  status: number
  headers: Headers
  /** Parsed JSON, the text when it is not JSON, null when empty. */
  body: unknown
}

export const DEFAULT_TIMEOUT_MS = 30_000

/**
 * One HTTP call to an app. A network error or a timeout becomes a
 * ConnectorError with status 0 naming the host; any answer, whatever its
 * status, is returned for the connector to interpret.
 */
export async function callApi(request: ApiRequest): Promise<ApiResponse> {
  const headers = new Headers(request.headers)
  headers.set('accept', 'application/json')
  let body: BodyInit | undefined
  if (request.body instanceof URLSearchParams) {
    body = request.body
  } else if (request.body !== undefined) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(request.body)
  }
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let response: Response
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    const host = hostOf(request.url)
    const timedOut = error instanceof Error && error.name === 'TimeoutError'
    throw new ConnectorError(
      0,
      timedOut
        ? `${host} did not answer within ${timeoutMs / 1000} s`
        : `${host} could not be reached` +
            (error instanceof Error ? `: ${error.message}` : ''),
    )
  }
  return {
    status: response.status,
    headers: response.headers,
    body: await readBody(response),
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** Joins a configured base URL and a path, whatever slashes they have. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}
