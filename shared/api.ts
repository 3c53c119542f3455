/**
 * Shapes the HTTP API answers with (see docs/api.md). The Worker builds
 * them and the SPA reads them; both import these types.
 */
import type { JobStatus, NodeStatus } from './status'
import type { Problem } from './workflow/problems'
import type {
  AppNodeInput,
  WorkflowDocument,
  WorkflowDocumentInput,
} from './workflow/schema'

export interface ApiError {
  error: {
    code: string
    message: string
    /** For refused workflow documents: every problem found. */
    problems?: Problem[]
  }
}

export interface WorkflowSummary {
  id: string
  title: string
  description: string
  /** Latest published version, or null if never published. */
  publishedVersion: number | null
  /** True when the draft differs from the published version. */
  hasUnpublishedChanges: boolean
  createdAt: string
  updatedAt: string
  hookUrl: string
}

export interface WorkflowDetail extends WorkflowSummary {
  /** The draft, which the editor changes and `publish` freezes. */
  document: WorkflowDocument
}

export interface WorkflowVersion {
  workflowId: string
  version: number
  publishedAt: string
  document: WorkflowDocument
}

/** One entry of `GET /api/workflows/:id/versions`, newest first. */
export interface VersionSummary {
  version: number
  publishedAt: string
}

/** Body of `POST /api/workflows/:id/versions`: publish a browser draft. */
export interface PublishRequest {
  document: WorkflowDocumentInput
  /** The published version the draft was started from; null if none. */
  baseVersion: number | null
}

/** Answer of `POST /api/workflows/validate`; empty when valid. */
export interface ValidationReport {
  problems: Problem[]
}

/** What a test run reads for an upstream step: its pinned result. */
export interface PinnedStepResult {
  statusCode: number | null
  message: string
  output: unknown
  /** Left out, it follows from the status code as in a job. */
  status?: NodeStatus
}

/** Body of `POST /api/test-action`: run one app action once. */
export interface TestActionRequest {
  node: AppNodeInput
  /** The sample payload `{{trigger.…}}` reads. */
  trigger?: unknown
  /** Results `{{steps.<id>.…}}` reads, by step id. */
  steps?: Record<string, PinnedStepResult>
  /** The workflow being edited: names the log row. */
  workflowId?: string
}

/** A test run's result: the values a job shows for the node. */
export interface TestActionResult {
  status: NodeStatus
  statusCode: number | null
  message: string
  output: unknown
  details: NodeDetails
  /** Id of its row in the execution logs (`test` is true there). */
  logId: string
}

/** What a node did, as a log row and in a job's detail. */
export interface NodeRun {
  nodeId: string
  label: string
  kind: 'app' | 'condition'
  app: string | null
  action: string | null
  status: NodeStatus
  statusCode: number | null
  message: string
  startedAt: string
  finishedAt: string
  /** Configuration, inputs, output and warnings, secrets removed. */
  details: NodeDetails
}

export interface NodeDetails {
  configuration?: { id: string; name: string }
  inputs?: Record<string, unknown>
  output?: unknown
  warnings?: string[]
}

export interface Job {
  id: string
  workflowId: string
  workflowVersion: number
  workflowTitle: string
  status: JobStatus
  /** Id of the record that triggered the job, e.g. the ticket number. */
  source: string
  /** The entity the workflow fired for: ticket, change... */
  entity: string
  startedAt: string
  finishedAt: string | null
  trigger: unknown
  nodes: NodeRun[]
}

/** One row of the execution logs: one node execution. */
export interface LogEntry extends NodeRun {
  id: string
  jobId: string
  workflowId: string
  workflowVersion: number
  workflowTitle: string
  source: string
  entity: string
  /** Run from "Test app action", not by a job. */
  test: boolean
}

export interface Page<T> {
  items: T[]
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null
}

export interface HookAccepted {
  jobId: string
}
