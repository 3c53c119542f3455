import {
  createColumnHelper,
  type ColumnDef,
  type Row,
} from '@tanstack/vue-table'
import { h } from 'vue'
import { RouterLink } from 'vue-router'
import type { LogEntry } from '../../../shared/api'
import StatusBadge from '../StatusBadge.vue'
import TimeStamp from '../TimeStamp.vue'

const column = createColumnHelper<LogEntry>()

/**
 * The brief's columns, in its order; the server already sorts the rows.
 * Accessors differ in value type, hence the one cast of the whole list.
 */
export const logColumns = [
  column.accessor('startedAt', {
    header: 'Time',
    cell: ({ getValue }) => h(TimeStamp, { iso: getValue(), show: 'wrap' }),
  }),
  column.accessor('source', {
    header: 'Source',
    cell: ({ row, getValue }) => [
      getValue() || '—',
      row.original.test
        ? h('span', { class: 'chip chip--test', title: 'Test run' }, 'Test')
        : null,
    ],
  }),
  column.accessor('workflowTitle', {
    header: 'Workflow',
    cell: ({ row, getValue }) =>
      h(
        'span',
        { title: `Version ${row.original.workflowVersion}` },
        getValue(),
      ),
  }),
  column.accessor('status', {
    header: 'Status',
    cell: ({ getValue }) =>
      h(StatusBadge, { status: getValue(), 'data-testid': 'log-status' }),
  }),
  column.accessor('label', { header: 'Node' }),
  column.accessor('message', {
    header: 'System message',
    cell: ({ row, getValue }) => [
      row.original.statusCode !== null
        ? h('span', { class: 'status-code' }, String(row.original.statusCode))
        : null,
      getValue(),
    ],
  }),
  column.accessor('jobId', {
    header: 'Job ID',
    cell: ({ getValue }) => jobLink(getValue()),
  }),
  column.accessor('entity', { header: 'Type' }),
  column.display({
    id: 'details',
    header: 'Details',
    cell: ({ row }) => detailsToggle(row),
  }),
] as ColumnDef<LogEntry, unknown>[]

/** Shown characters of a job id: enough to tell the jobs of a page apart. */
const SHORT_ID_LENGTH = 8

/**
 * A full id (a UUID) would make the widest column of the table, so only
 * its start is shown; the whole id is in the tooltip and the link's name.
 */
function jobLink(jobId: string) {
  return h(
    RouterLink,
    {
      to: `/jobs/${encodeURIComponent(jobId)}`,
      class: 'mono',
      title: jobId,
      'aria-label': `Job ${jobId}`,
    },
    () => jobId.slice(0, SHORT_ID_LENGTH),
  )
}

function detailsToggle(row: Row<LogEntry>) {
  const verb = row.getIsExpanded() ? 'Hide' : 'Show'
  return h(
    'button',
    {
      type: 'button',
      class: 'button button--small',
      'aria-expanded': row.getIsExpanded(),
      'aria-controls': `log-details-${row.id}`,
      'aria-label': `${verb} details of ${row.original.label}`,
      onClick: row.getToggleExpandedHandler(),
    },
    verb,
  )
}
