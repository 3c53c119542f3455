import type { Exchange } from '../../sandbox/server'
import { validateGraphRequest, validateGraphResponse } from './openapi'

const GRAPH = '/azure/graph/v1.0'

/** The spec's path template for a Graph path as requested. */
export function graphPathTemplate(path: string): string | undefined {
  const parts = path.slice(GRAPH.length).split('/').filter(Boolean)
  const [collection, id, navigation, member, ref] = parts
  if (collection !== 'users' && collection !== 'groups') return undefined
  const entity = collection === 'users' ? '{user-id}' : '{group-id}'
  if (id === undefined) return `/${collection}`
  if (navigation === undefined) return `/${collection}/${entity}`
  if (navigation === 'members' && member === '$ref') {
    return '/groups/{group-id}/members/$ref'
  }
  if (navigation === 'members' && ref === '$ref') {
    return '/groups/{group-id}/members/{directoryObject-id}/$ref'
  }
  return `/${collection}/${entity}/${navigation}`
}

/**
 * Checks every Graph call recorded by the sandbox against Microsoft's
 * OpenAPI description: what the connectors sent, and what the sandbox
 * answered. Returns one line per problem.
 */
export function graphContractProblems(exchanges: Exchange[]): string[] {
  const problems: string[] = []
  for (const exchange of exchanges) {
    if (!exchange.path.startsWith(`${GRAPH}/`)) continue
    const template = graphPathTemplate(exchange.path)
    const call = `${exchange.method} ${exchange.path}`
    if (!template) {
      problems.push(`${call}: not an operation of the Graph subset`)
      continue
    }
    const found = [
      ...validateGraphRequest(exchange.method, template, exchange.requestBody),
      ...validateGraphResponse(
        exchange.method,
        template,
        exchange.status,
        exchange.responseBody,
      ),
    ]
    problems.push(...found.map((problem) => `${call}: ${problem}`))
  }
  return problems
}
