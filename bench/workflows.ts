import type { WorkflowDocumentInput } from '../shared/workflow/schema'

/**
 * A chain of `length` no-op steps after the trigger: conditions that
 * compare a trigger value, the cheapest step that still resolves a
 * placeholder and writes a result and a log row.
 */
export function noOpChain(length: number): WorkflowDocumentInput {
  const ids = Array.from({ length }, (_, i) => `step_${i + 1}`)
  return {
    format: 'switchboard.workflow',
    formatVersion: 1,
    title: `No-op chain of ${length}`,
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Webhook',
        event: 'bench',
        entity: 'ticket',
        source: '{{trigger.ticket.id}}',
        position: { x: 0, y: 0 },
      },
      ...ids.map((id, i) => ({
        id,
        kind: 'condition' as const,
        label: id,
        // A grid, so the editor needs no layout pass to show it.
        position: {
          x: 260 * ((i + 1) % 20),
          y: 140 * Math.floor((i + 1) / 20),
        },
        rules: [
          {
            value: '{{trigger.ticket.id}}',
            operator: 'is_not_empty' as const,
          },
        ],
      })),
    ],
    edges: ids.map((id, i) => ({
      source: i === 0 ? 'trigger' : ids[i - 1]!,
      target: id,
      branch: i === 0 ? undefined : ('true' as const),
    })),
  }
}
