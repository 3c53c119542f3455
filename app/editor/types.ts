import type { FieldSpec, FieldType } from '../../shared/catalog'

/**
 * Something a binding can read: the trigger's payload or one upstream
 * step's result. The data tree shows it and inserts placeholders for it.
 */
export interface DataSource {
  /** `trigger`, or the step id. */
  id: string
  label: string
  /** Placeholder root and leading keys: `trigger`, or `steps.<id>`. */
  root: 'trigger' | 'steps'
  prefix: string[]
  /**
   * Known fields before any run: the step result's fields with `output`
   * described by the action's output description. Absent for the trigger.
   */
  fields?: FieldSpec[]
  /**
   * A real value: the trigger's sample payload, or the step's pinned
   * test result. Shown in preference to `fields`, with the values.
   */
  value?: unknown
}

/** What the data tree emits when a field is picked. */
export interface PickedField {
  /** The placeholder to insert, e.g. `{{steps.get_user.output.id}}`. */
  placeholder: string
  /** The field's declared or observed type, when known. */
  type: FieldType | 'unknown'
}
