import type { WorkflowDocumentInput } from '../workflow/schema'
import onboardingRequest from './onboarding-request.json'

const form = 'trigger.ticket.requested_item.custom_fields'

/**
 * Use case 1 of the brief: onboarding a new employee. If the user already
 * exists, note it on the ticket; otherwise create the user from the form,
 * add them to their department's group and resolve the ticket.
 */
export const employeeOnboarding: WorkflowDocumentInput = {
  format: 'switchboard.workflow',
  formatVersion: 1,
  title: 'Employee onboarding',
  description:
    'Creates the new employee in Azure AD and adds them to their ' +
    'department’s group, unless they already have an account.',
  nodes: [
    {
      id: 'trigger',
      kind: 'trigger',
      label: 'Onboarding request',
      event: 'service_request.created',
      entity: 'ticket',
      source: '{{trigger.ticket.id}}',
      // What the service desk sends; the editor shows it as sample data.
      sample: onboardingRequest,
      position: { x: 0, y: 160 },
    },
    {
      id: 'get_user',
      kind: 'app',
      label: 'Get user by username',
      app: 'azure_ad',
      action: 'get_user',
      configuration: 'sandbox',
      inputs: { username: `{{${form}.username}}` },
      onError: 'continue',
      position: { x: 260, y: 160 },
    },
    {
      id: 'user_exists',
      kind: 'condition',
      label: 'User exists?',
      match: 'all',
      rules: [
        {
          value: '{{steps.get_user.statusCode}}',
          compareAs: 'number',
          operator: 'between',
          operand: '200',
          operandTo: '299',
        },
      ],
      position: { x: 520, y: 160 },
    },
    {
      id: 'note_existing',
      kind: 'app',
      label: 'Note: account exists',
      app: 'service_desk',
      action: 'add_note',
      configuration: 'sandbox',
      inputs: {
        ticketId: '{{trigger.ticket.id}}',
        body:
          '{{steps.get_user.output.displayName}} already has an account ' +
          '({{steps.get_user.output.userPrincipalName}}). Nothing was ' +
          'created.',
        private: true,
      },
      position: { x: 780, y: 40 },
    },
    {
      id: 'create_user',
      kind: 'app',
      label: 'Create user',
      app: 'azure_ad',
      action: 'create_user',
      configuration: 'sandbox',
      inputs: {
        userPrincipalName: `{{${form}.username}}`,
        displayName: `{{${form}.first_name}} {{${form}.last_name}}`,
        givenName: `{{${form}.first_name}}`,
        surname: `{{${form}.last_name}}`,
        jobTitle: `{{${form}.job_title}}`,
        department: `{{${form}.department}}`,
        usageLocation: `{{${form}.usage_location}}`,
      },
      position: { x: 780, y: 280 },
    },
    {
      id: 'find_group',
      kind: 'app',
      label: 'Look up department group',
      app: 'azure_ad',
      action: 'find_group',
      configuration: 'sandbox',
      inputs: { displayName: `{{${form}.department}}` },
      position: { x: 1040, y: 280 },
    },
    {
      id: 'add_to_group',
      kind: 'app',
      label: 'Add user to group',
      app: 'azure_ad',
      action: 'add_group_member',
      configuration: 'sandbox',
      inputs: {
        groupId: '{{steps.find_group.output.id}}',
        userId: '{{steps.create_user.output.id}}',
      },
      position: { x: 1300, y: 280 },
    },
    {
      id: 'resolve_ticket',
      kind: 'app',
      label: 'Resolve ticket',
      app: 'service_desk',
      action: 'update_ticket',
      configuration: 'sandbox',
      inputs: { ticketId: '{{trigger.ticket.id}}', status: 4 },
      position: { x: 1560, y: 280 },
    },
  ],
  edges: [
    { source: 'trigger', target: 'get_user' },
    { source: 'get_user', target: 'user_exists' },
    { source: 'user_exists', target: 'note_existing', branch: 'true' },
    { source: 'user_exists', target: 'create_user', branch: 'false' },
    { source: 'create_user', target: 'find_group' },
    { source: 'find_group', target: 'add_to_group' },
    { source: 'add_to_group', target: 'resolve_ticket' },
  ],
}
