// The simulated Freshservice account and the agent its API key belongs to.
// Public demo values: GET /_sandbox prints them.

/** Agent API key; sent as the Basic auth username, any password. */
export const FRESHSERVICE_API_KEY = 'sandbox-freshservice-key'

/** The helpdesk the sandbox stands for (https://{domain}.freshservice.com). */
export const FRESHSERVICE_DOMAIN = 'contoso-hr-sandbox'

/** The agent that owns the API key; notes added through the API are theirs. */
export const FRESHSERVICE_AGENT = {
  id: 19000001,
  firstName: 'Switchboard',
  lastName: 'Automation',
  email: 'switchboard.automation@contoso-hr.example',
}

/** Workspace of every ticket (single-workspace account, id 2 as in SaaS). */
export const FRESHSERVICE_WORKSPACE_ID = 2
