import type { Configuration } from '../db/configurations'

export interface ActionContext {
  configuration: Configuration
  /** Inputs resolved and converted to the types the action declares. */
  inputs: Record<string, unknown>
}

/** What an app answered, in the engine's terms. */
export interface ActionOutcome {
  statusCode: number
  /** The system message: what the app said, in words a person can act on. */
  message: string
  output: Record<string, unknown>
  /**
   * The app answered 2xx, yet the action did not do what it is for (a
   * lookup that found nothing): the step ends Complete with errors.
   */
  appError?: boolean
}

export type ActionHandler = (context: ActionContext) => Promise<ActionOutcome>

/**
 * A call that did not produce an answer the action can use. `statusCode`
 * is the app's HTTP status, or 0 when the app could not be reached.
 */
export class ConnectorError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly output: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ConnectorError'
  }
}
