import type {
  ApiError,
  Job,
  LogEntry,
  Page,
  TestActionRequest,
  TestActionResult,
  ValidationReport,
  VersionSummary,
  WorkflowDetail,
  WorkflowSummary,
  WorkflowVersion,
} from '../../shared/api'
import type { AppSpec } from '../../shared/catalog/types'
import type { NodeStatus } from '../../shared/status'
import type { Problem } from '../../shared/workflow/problems'
import type { WorkflowDocument } from '../../shared/workflow/schema'

/**
 * The one error type of the API client. `message` is written for people
 * (the Worker's own words when it sent some), so pages show it as is.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** With `invalid_workflow`: every problem the server found. */
    readonly problems?: Problem[],
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

/** Status 0: the request never got an answer. */
export const NETWORK_ERROR = 'network_error'

export type QueryValue = string | number | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query
  signal?: AbortSignal
}

/** Empty values are left out, so `?status=` never means "status is ''". */
export function buildUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

export async function getJson<T>(
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      headers: { accept: 'application/json' },
      signal: options.signal,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiRequestError(
      0,
      NETWORK_ERROR,
      'Could not reach Switchboard. Check the connection and try again.',
    )
  }
  if (!response.ok) throw await toRequestError(response)
  return (await response.json()) as T
}

/** Sends a JSON body and reads the JSON answer; errors as `getJson`. */
export async function sendJson<T>(
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: options.signal,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiRequestError(
      0,
      NETWORK_ERROR,
      'Could not reach Switchboard. Check the connection and try again.',
    )
  }
  if (!response.ok) throw await toRequestError(response)
  return (await response.json()) as T
}

/** A DELETE, whose answer has no body (204); errors as `getJson`. */
export async function sendDelete(path: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'DELETE',
      headers: { accept: 'application/json' },
    })
  } catch {
    throw new ApiRequestError(
      0,
      NETWORK_ERROR,
      'Could not reach Switchboard. Check the connection and try again.',
    )
  }
  if (!response.ok) throw await toRequestError(response)
}

async function toRequestError(response: Response): Promise<ApiRequestError> {
  const body = await response.json().catch(() => null)
  if (isApiError(body)) {
    return new ApiRequestError(
      response.status,
      body.error.code,
      body.error.message,
      body.error.problems,
    )
  }
  // A proxy or the platform answered instead of the Worker.
  const reason = response.statusText ? ` (${response.statusText})` : ''
  return new ApiRequestError(
    response.status,
    'http_error',
    `The server answered with status ${response.status}${reason}.`,
  )
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false
  const error = (body as { error?: unknown }).error
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ApiError['error']).message === 'string'
  )
}

/** Words for any error a page catches; never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message
  return 'Something went wrong. Try again, or reload the page.'
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 404
}

// --- Endpoints -----------------------------------------------------------

/** What the SPA reads of `GET /api/apps`; the catalog part is bundled. */
export interface InstalledApp {
  id: string
  configurations: { id: string; name: string }[]
  /** False for a catalog app nobody installed; the palette hides it. */
  installed?: boolean
}

/** An app of `GET /api/apps` as the Apps page reads it: catalog and state. */
export type AppListing = Pick<
  AppSpec,
  'id' | 'name' | 'category' | 'description' | 'configuration'
> & {
  installed: boolean
  configurations: { id: string; name: string }[]
}

/** A configuration as the API answers: secrets only say if they are set. */
export interface AppConfiguration {
  id: string
  name: string
  settings: Record<string, string>
  secrets: Record<string, 'set' | 'not set'>
}

/**
 * A configuration to create or change. `null` removes a stored value; a
 * key left out keeps it (PUT), so a secret need not be sent again.
 */
export interface ConfigurationBody {
  id?: string
  name?: string
  settings?: Record<string, string | null>
  secrets?: Record<string, string | null>
}

const id = encodeURIComponent

function configurationPath(appId: string, configurationId?: string) {
  const base = `/api/apps/${id(appId)}/configurations`
  if (configurationId === undefined) return base
  return `${base}/${id(configurationId)}`
}

export interface LogQuery {
  status?: NodeStatus
  workflowId?: string
  jobId?: string
  q?: string
  limit?: number
  cursor?: string
}

export const api = {
  workflows: (signal?: AbortSignal) =>
    getJson<{ items: WorkflowSummary[] }>('/api/workflows', { signal }),
  workflow: (workflowId: string, signal?: AbortSignal) =>
    getJson<WorkflowDetail>(`/api/workflows/${id(workflowId)}`, { signal }),
  job: (jobId: string, signal?: AbortSignal) =>
    getJson<Job>(`/api/jobs/${id(jobId)}`, { signal }),
  apps: (signal?: AbortSignal) =>
    getJson<{ items: InstalledApp[] }>('/api/apps', { signal }),
  logs: (query: LogQuery, signal?: AbortSignal) =>
    getJson<Page<LogEntry>>('/api/logs', { query: { ...query }, signal }),
  /** Creates a workflow whose draft is `document`. */
  createWorkflow: (document: WorkflowDocument, signal?: AbortSignal) =>
    sendJson<WorkflowDetail>('POST', '/api/workflows', document, { signal }),
  /**
   * Publishes `document` as the next version, if the latest published
   * version is still `baseVersion` (else 409 `version_conflict`).
   */
  publishVersion: (
    workflowId: string,
    body: { document: WorkflowDocument; baseVersion: number | null },
    signal?: AbortSignal,
  ) =>
    sendJson<WorkflowVersion>(
      'POST',
      `/api/workflows/${id(workflowId)}/versions`,
      body,
      { signal },
    ),
  /** The published versions, newest first. */
  versions: (workflowId: string, signal?: AbortSignal) =>
    getJson<{ items: VersionSummary[] }>(
      `/api/workflows/${id(workflowId)}/versions`,
      { signal },
    ),
  version: (workflowId: string, version: number, signal?: AbortSignal) =>
    getJson<WorkflowVersion>(
      `/api/workflows/${id(workflowId)}/versions/${version}`,
      { signal },
    ),
  /** The server's problems with a document; stores nothing. */
  validate: (document: WorkflowDocument, signal?: AbortSignal) =>
    sendJson<ValidationReport>('POST', '/api/workflows/validate', document, {
      signal,
    }),
  /** Runs one app step once, outside any job ("Test action"). */
  testAction: (body: TestActionRequest, signal?: AbortSignal) =>
    sendJson<TestActionResult>('POST', '/api/test-action', body, { signal }),
  /** The answer of `apps`, read with the catalog fields the page needs. */
  appListing: (signal?: AbortSignal) =>
    getJson<{ items: AppListing[] }>('/api/apps', { signal }),
  installApp: (appId: string) =>
    sendJson<{ id: string; installed: boolean }>(
      'POST',
      `/api/apps/${id(appId)}/install`,
      {},
    ),
  /** Refused with 409 `in_use` while a workflow has a step of the app. */
  uninstallApp: (appId: string) => sendDelete(`/api/apps/${id(appId)}`),
  configuration: (appId: string, configurationId: string) =>
    getJson<AppConfiguration>(configurationPath(appId, configurationId)),
  createConfiguration: (appId: string, body: ConfigurationBody) =>
    sendJson<AppConfiguration>('POST', configurationPath(appId), body),
  updateConfiguration: (
    appId: string,
    configurationId: string,
    body: ConfigurationBody,
  ) =>
    sendJson<AppConfiguration>(
      'PUT',
      configurationPath(appId, configurationId),
      body,
    ),
  /** Refused with 409 `in_use` while a workflow's steps use it. */
  deleteConfiguration: (appId: string, configurationId: string) =>
    sendDelete(configurationPath(appId, configurationId)),
}
