/**
 * Node statuses are the brief's three:
 * - success: the action completed without errors;
 * - complete_with_errors: the app answered with an error (a 4xx: a user
 *   that does not exist, a value it refused);
 * - failed: a systemic fault (unreachable, timed out, a 5xx, a broken
 *   binding), or a condition that could not be evaluated.
 */
export const NODE_STATUSES = [
  'success',
  'complete_with_errors',
  'failed',
] as const
export type NodeStatus = (typeof NODE_STATUSES)[number]

/**
 * A job is `running` until its last node finishes. Then:
 * - failed: a node failed, which always stops the job;
 * - complete_with_errors: an app error stopped the job (its node's
 *   "on app error" is `stop`);
 * - success: every node that ran succeeded, or answered with an app error
 *   the workflow is set to continue on and branch over.
 */
export const JOB_STATUSES = ['running', ...NODE_STATUSES] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export const STATUS_LABELS: Record<JobStatus, string> = {
  running: 'Running',
  success: 'Success',
  complete_with_errors: 'Complete with errors',
  failed: 'Failed',
}
