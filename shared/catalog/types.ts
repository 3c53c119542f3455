/**
 * The app catalog describes every app action's inputs and outputs. The
 * editor renders forms and the data tree from it, the validator checks
 * bindings against it, and the engine coerces inputs by it.
 */

export type FieldType =
  'text' | 'number' | 'boolean' | 'choice' | 'list' | 'object'

export interface Choice {
  value: string | number
  label: string
}

export interface FieldSpec {
  name: string
  label: string
  type: FieldType
  description: string
  required?: boolean
  /** For `choice`: the allowed values. */
  choices?: Choice[]
  /** Value used when the input is left empty. */
  default?: string | number | boolean
  /** For `object`, and for the items of a `list`: their known fields. */
  fields?: FieldSpec[]
  /** A credential: write-only, encrypted, removed from every log. */
  secret?: boolean
  /** Placeholder text shown in an empty input. */
  example?: string
}

/**
 * `read` actions only look; `write` actions change something in the app,
 * so a test run of one asks for confirmation first.
 */
export type ActionEffect = 'read' | 'write'

export interface ActionSpec {
  id: string
  label: string
  description: string
  effect: ActionEffect
  inputs: FieldSpec[]
  /** Fields of `steps.<id>.output` after a successful run. */
  outputs: FieldSpec[]
}

export type AppCategory = 'Identity' | 'Service desk' | 'Collaboration'

export interface AppSpec {
  id: string
  name: string
  category: AppCategory
  description: string
  /** Fields of one configuration: the tenant and its credentials. */
  configuration: FieldSpec[]
  actions: ActionSpec[]
}

/**
 * Every step result, whatever the node kind, has this shape; placeholders
 * read `steps.<id>.statusCode`, `.message`, `.status` and `.output`.
 */
export const STEP_RESULT_FIELDS: FieldSpec[] = [
  {
    name: 'status',
    label: 'Status',
    type: 'text',
    description:
      'success, complete_with_errors or failed (see the execution logs)',
  },
  {
    name: 'statusCode',
    label: 'Status code',
    type: 'number',
    description: 'HTTP status code the app answered with (0 if unreachable)',
  },
  {
    name: 'message',
    label: 'System message',
    type: 'text',
    description: 'What the app said, in words',
  },
  {
    name: 'output',
    label: 'Output',
    type: 'object',
    description: 'The response fields',
  },
]
