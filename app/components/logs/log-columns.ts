import { createColumnHelper, type ColumnDef } from '@tanstack/vue-table'
import { h } from 'vue'
import { RouterLink } from 'vue-router'
import type { LogEntry } from '../../../shared/api'
import StatusBadge from '../StatusBadge.vue'
import TimeStamp from '../TimeStamp.vue'

const column = createColumnHelper<LogEntry>()

/** The brief's columns, in its order; the server already sorts rows. */
export const logColumns = [
  column.accessor('startedAt', {
    header: 'Time',
    cell: ({ getValue }) => h(TimeStamp, { iso: getValue() }),
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
    cell: ({ getValue }) =>
      h(
        RouterLink,
        { to: `/jobs/${encodeURIComponent(getValue())}`, class: 'mono' },
        () => getValue(),
      ),
  }),
  column.accessor('entity', { header: 'Type' }),
  column.display({
    id: 'details',
    header: 'Details',
    cell: ({ row }) =>
      h(
        'button',
        {
          type: 'button',
          class: 'button button--small',
          'aria-expanded': row.getIsExpanded(),
          'aria-controls': `log-details-${row.id}`,
          'aria-label': `${row.getIsExpanded() ? 'Hide' : 'Show'} details of ${row.original.label}`,
          onClick: row.getToggleExpandedHandler(),
        },
        row.getIsExpanded() ? 'Hide' : 'Show',
      ),
  }),
] as ColumnDef<LogEntry, any>[]
