import { APPS, type ActionSpec } from '../../../shared/catalog'
import type { AppNode } from '../../../shared/workflow/schema'

export interface ActionNames {
  appName: string
  actionLabel: string
  /** Undefined when the catalog has no such app or action. */
  action: ActionSpec | undefined
}

/**
 * The catalog's names for an app node's app and action. An id the catalog
 * does not know (an app removed since) is shown as written.
 */
export function actionNames(node: Pick<AppNode, 'app' | 'action'>) {
  const app = APPS.get(node.app)
  const action = app?.actions.find(({ id }) => id === node.action)
  return {
    appName: app?.name ?? node.app,
    actionLabel: action?.label ?? node.action,
    action,
  } satisfies ActionNames
}
