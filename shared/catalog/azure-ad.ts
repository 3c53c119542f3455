import type { AppSpec, FieldSpec } from './types'

const userFields: FieldSpec[] = [
  {
    name: 'id',
    label: 'User id',
    type: 'text',
    description: 'Object id (GUID) of the user in the directory',
  },
  {
    name: 'userPrincipalName',
    label: 'Username (UPN)',
    type: 'text',
    description: 'Sign-in name, such as jane.doe@contoso.com',
  },
  {
    name: 'displayName',
    label: 'Display name',
    type: 'text',
    description: 'Name shown in the address book',
  },
  {
    name: 'givenName',
    label: 'First name',
    type: 'text',
    description: 'Given name',
  },
  { name: 'surname', label: 'Last name', type: 'text', description: 'Surname' },
  {
    name: 'mail',
    label: 'Email',
    type: 'text',
    description: 'Primary SMTP address, empty until a mailbox exists',
  },
  {
    name: 'jobTitle',
    label: 'Job title',
    type: 'text',
    description: 'Job title',
  },
  {
    name: 'department',
    label: 'Department',
    type: 'text',
    description: 'Department name',
  },
  {
    name: 'accountEnabled',
    label: 'Account enabled',
    type: 'boolean',
    description: 'Whether the user can sign in',
  },
  {
    name: 'usageLocation',
    label: 'Usage location',
    type: 'text',
    description: 'Two-letter country code needed for licences',
  },
]

export const azureAd: AppSpec = {
  id: 'azure_ad',
  name: 'Azure AD (Microsoft Entra ID)',
  category: 'Identity',
  description:
    'Users and groups of a Microsoft Entra ID tenant, through Microsoft ' +
    'Graph v1.0 with an app registration (client credentials).',
  configuration: [
    {
      name: 'tenantId',
      label: 'Tenant',
      type: 'text',
      required: true,
      description: 'Directory (tenant) id or a verified domain',
      example: 'contoso.onmicrosoft.com',
    },
    {
      name: 'clientId',
      label: 'Application (client) id',
      type: 'text',
      required: true,
      description: 'Id of the app registration that has Graph permissions',
    },
    {
      name: 'clientSecret',
      label: 'Client secret',
      type: 'text',
      required: true,
      secret: true,
      description: 'A client secret of that app registration',
    },
    {
      name: 'authorityUrl',
      label: 'Sign-in endpoint',
      type: 'text',
      default: 'https://login.microsoftonline.com',
      description:
        'Where tokens are requested; change only for sovereign clouds',
    },
    {
      name: 'graphUrl',
      label: 'Graph endpoint',
      type: 'text',
      default: 'https://graph.microsoft.com',
      description: 'Microsoft Graph base URL',
    },
  ],
  actions: [
    {
      id: 'get_user',
      label: 'Get user by username',
      description:
        'Looks a user up by username (UPN). A user that does not exist is ' +
        'an app error (404), so the step ends Complete with errors.',
      effect: 'read',
      inputs: [
        {
          name: 'username',
          label: 'Username (UPN)',
          type: 'text',
          required: true,
          description: 'User principal name or object id',
          example: 'jane.doe@contoso.com',
        },
      ],
      outputs: userFields,
    },
    {
      id: 'create_user',
      label: 'Create user',
      description:
        'Creates an enabled user who must change the temporary password ' +
        'at first sign-in.',
      effect: 'write',
      inputs: [
        {
          name: 'userPrincipalName',
          label: 'Username (UPN)',
          type: 'text',
          required: true,
          description: 'Sign-in name in one of the tenant’s domains',
        },
        {
          name: 'displayName',
          label: 'Display name',
          type: 'text',
          required: true,
          description: 'Name shown in the address book',
        },
        {
          name: 'givenName',
          label: 'First name',
          type: 'text',
          description: 'Given name',
        },
        {
          name: 'surname',
          label: 'Last name',
          type: 'text',
          description: 'Surname',
        },
        {
          name: 'mailNickname',
          label: 'Mail alias',
          type: 'text',
          description: 'Defaults to the part of the username before the @',
        },
        {
          name: 'password',
          label: 'Temporary password',
          type: 'text',
          secret: true,
          description:
            'Left empty, a strong random password is generated. It is ' +
            'never written to the logs.',
        },
        {
          name: 'jobTitle',
          label: 'Job title',
          type: 'text',
          description: 'Job title',
        },
        {
          name: 'department',
          label: 'Department',
          type: 'text',
          description: 'Department name',
        },
        {
          name: 'usageLocation',
          label: 'Usage location',
          type: 'text',
          description: 'Two-letter country code, such as US',
        },
      ],
      outputs: userFields,
    },
    {
      id: 'find_group',
      label: 'Look up group by name',
      description:
        'Finds the group whose display name is exactly the given name. No ' +
        'such group, or more than one, is an app error.',
      effect: 'read',
      inputs: [
        {
          name: 'displayName',
          label: 'Group name',
          type: 'text',
          required: true,
          description: 'Display name of the group',
          example: 'HR',
        },
      ],
      outputs: [
        {
          name: 'id',
          label: 'Group id',
          type: 'text',
          description: 'Object id (GUID) of the group',
        },
        {
          name: 'displayName',
          label: 'Group name',
          type: 'text',
          description: 'Display name',
        },
        {
          name: 'description',
          label: 'Description',
          type: 'text',
          description: 'Description of the group',
        },
        {
          name: 'mail',
          label: 'Email',
          type: 'text',
          description: 'Group email address, if mail-enabled',
        },
      ],
    },
    {
      id: 'add_group_member',
      label: 'Add user to group',
      description:
        'Adds a user to a group. A user who is already a member is an ' +
        'app error (400).',
      effect: 'write',
      inputs: [
        {
          name: 'groupId',
          label: 'Group id',
          type: 'text',
          required: true,
          description: 'Object id of the group (from "Look up group")',
        },
        {
          name: 'userId',
          label: 'User id',
          type: 'text',
          required: true,
          description: 'Object id of the user (from "Get" or "Create user")',
        },
      ],
      outputs: [
        {
          name: 'groupId',
          label: 'Group id',
          type: 'text',
          description: 'The group the user was added to',
        },
        {
          name: 'userId',
          label: 'User id',
          type: 'text',
          description: 'The user who was added',
        },
      ],
    },
  ],
}
