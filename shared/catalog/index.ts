import { azureAd } from './azure-ad'
import { serviceDesk } from './service-desk'
import type { ActionSpec, AppSpec } from './types'

export * from './types'

/** Every app Switchboard can run actions of, by id. */
export const APPS: ReadonlyMap<string, AppSpec> = new Map(
  [azureAd, serviceDesk].map((app) => [app.id, app]),
)

export function findAction(
  appId: string,
  actionId: string,
): ActionSpec | undefined {
  return APPS.get(appId)?.actions.find((action) => action.id === actionId)
}
