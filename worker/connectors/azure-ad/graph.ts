import type { Configuration } from '../../db/configurations'
import { callApi, joinUrl, type ApiRequest, type ApiResponse } from '../http'
import { graphToken } from './token'

export function graphBase(config: Configuration): string {
  return config.settings.graphUrl || 'https://graph.microsoft.com'
}

/** A Graph v1.0 call with the configuration's app-only token. */
export async function graphCall(
  config: Configuration,
  method: ApiRequest['method'],
  path: string,
  body?: unknown,
): Promise<ApiResponse> {
  const token = await graphToken(config)
  return callApi({
    method,
    url: joinUrl(graphBase(config), `v1.0/${path}`),
    headers: { authorization: `Bearer ${token}` },
    body,
  })
}

/** "Code: message" from Graph's error body, or the status alone. */
export function graphErrorText(response: ApiResponse): string {
  const error = (response.body as { error?: Record<string, unknown> } | null)
    ?.error
  if (error && typeof error.message === 'string') {
    return `${error.message} (${String(error.code ?? response.status)})`
  }
  return `Microsoft Graph answered HTTP ${response.status}`
}

/** Single quotes in an OData string literal are doubled. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/** Graph's own hosts: the public cloud and the national clouds. */
const GRAPH_HOSTS = [
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]

/**
 * The `@odata.id` of a directory object. It names the object in its
 * cloud, so it uses the configured Graph host when that is a Microsoft
 * cloud and the public cloud's otherwise (a proxy or a sandbox).
 */
export function directoryObjectUrl(config: Configuration, id: string): string {
  const host = new URL(graphBase(config)).host
  const cloud = GRAPH_HOSTS.includes(host) ? host : GRAPH_HOSTS[0]
  return `https://${cloud}/v1.0/directoryObjects/${encodeURIComponent(id)}`
}
