import type { Problem } from '../../../../shared/workflow/problems'

/** What the last publish did, as the page shows it under the toolbar. */
export type PublishOutcome =
  | { status: 'published'; workflowId: string; version: number }
  /** `latest`: the version published since, to compare with. */
  | { status: 'conflict'; message: string; latest: number | null }
  | { status: 'invalid'; problems: Problem[] }
  | { status: 'failed'; message: string }
