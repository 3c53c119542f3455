import type { FieldSpec } from '../catalog'

/** What a condition step returns in `steps.<id>.output`. */
export const CONDITION_OUTPUTS: FieldSpec[] = [
  {
    name: 'result',
    label: 'Result',
    type: 'boolean',
    description: 'Whether the rules matched (the true branch ran)',
  },
  {
    name: 'match',
    label: 'Match',
    type: 'text',
    description: 'all or any: how the rules were joined',
  },
  {
    name: 'rules',
    label: 'Rules',
    type: 'list',
    description: 'Each rule with its resolved values and its result',
  },
]
