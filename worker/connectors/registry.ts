import { azureAdActions } from './azure-ad/actions'
import { serviceDeskActions } from './service-desk/actions'
import type { ActionHandler } from './types'

/** The code behind every catalog action, by app id and action id. */
const CONNECTORS: Record<string, Record<string, ActionHandler>> = {
  azure_ad: azureAdActions,
  service_desk: serviceDeskActions,
}

export function actionHandler(
  app: string,
  action: string,
): ActionHandler | undefined {
  return CONNECTORS[app]?.[action]
}
