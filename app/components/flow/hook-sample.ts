import { parseTemplate } from '../../../shared/placeholders/parse'
import type { TriggerNode } from '../../../shared/workflow/schema'

/** The hook URL as the service desk must call it: always absolute. */
export function absoluteHookUrl(hookUrl: string, origin: string): string {
  try {
    return new URL(hookUrl, origin).href
  } catch {
    return hookUrl
  }
}

/**
 * A payload to try the hook with: the trigger's sample when it has one,
 * otherwise just the record id, put where the trigger reads it from.
 */
export function samplePayload(trigger: TriggerNode | undefined): unknown {
  if (!trigger) return {}
  if (trigger.sample !== undefined) return trigger.sample
  let template
  try {
    template = parseTemplate(trigger.source)
  } catch {
    return {}
  }
  if (template.kind !== 'single' || template.path.root !== 'trigger') {
    return {}
  }
  let payload: unknown = 4711
  for (const segment of [...template.path.segments].reverse()) {
    if (typeof segment === 'string') {
      payload = { [segment]: payload }
    } else {
      const list: unknown[] = []
      list[segment] = payload
      payload = list
    }
  }
  return payload
}

/** Single quotes in a shell word are closed, escaped and reopened. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/**
 * A command to paste into a POSIX shell. The JSON is indented so it can
 * be read and edited before sending; a quoted shell word may span lines.
 */
export function curlCommand(url: string, payload: unknown): string {
  return [
    `curl -X POST ${shellQuote(url)}`,
    `  -H 'Content-Type: application/json'`,
    `  --data ${shellQuote(JSON.stringify(payload, null, 2))}`,
  ].join(' \\\n')
}
