/**
 * Dates come from the API as UTC instants (ISO 8601 with `Z`). They are
 * shown in the viewer's zone and locale, and every calculation is done on
 * the instants, so a run across a DST change keeps its true length.
 */

export interface FormatOptions {
  /** BCP 47 locale; the viewer's by default. */
  locale?: string
  /** IANA zone; the viewer's by default. */
  timeZone?: string
}

const STYLES = {
  dateTime: { dateStyle: 'medium', timeStyle: 'medium' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

// Building a DateTimeFormat is slow and a log page formats hundreds of
// cells, so one formatter per style, locale and zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(
  style: keyof typeof STYLES,
  { locale, timeZone }: FormatOptions,
): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ''}|${timeZone ?? ''}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone })
    formatters.set(key, format)
  }
  return format
}

/** Milliseconds since the epoch, or null for anything not an instant. */
export function toInstant(iso: string | null | undefined): number | null {
  if (!iso) return null
  const instant = Date.parse(iso)
  return Number.isNaN(instant) ? null : instant
}

/** Date and time in the viewer's zone, e.g. "30 Mar 2025, 03:00:30". */
export function formatDateTime(
  iso: string | null | undefined,
  options: FormatOptions = {},
): string {
  const instant = toInstant(iso)
  if (instant === null) return '—'
  return formatter('dateTime', options).format(instant)
}

/** The day only, e.g. "30 Mar 2025", for a date above its time. */
export function formatDate(
  iso: string | null | undefined,
  options: FormatOptions = {},
): string {
  const instant = toInstant(iso)
  if (instant === null) return '—'
  return formatter('date', options).format(instant)
}

/** Time of day only, for places where the date is already shown. */
export function formatTime(
  iso: string | null | undefined,
  options: FormatOptions = {},
): string {
  const instant = toInstant(iso)
  if (instant === null) return '—'
  return formatter('time', options).format(instant)
}

/** The instant in UTC as shown on hover: "2025-03-30T01:00:30Z". */
export function formatUtc(iso: string | null | undefined): string {
  const instant = toInstant(iso)
  if (instant === null) return ''
  return new Date(instant).toISOString().replace(/\.000Z$/, 'Z')
}

/**
 * A length of time in words: "850 ms", "1.2 s", "3 min 4 s", "2 h 5 min".
 * Seconds keep one decimal only under a minute, where it still matters.
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—'
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`
  const tenths = Math.round(ms / 100)
  if (tenths < 600) {
    return tenths % 10 === 0
      ? `${tenths / 10} s`
      : `${(tenths / 10).toFixed(1)} s`
  }
  const totalSeconds = Math.round(ms / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  if (hours > 0) return twoUnits(hours, 'h', minutes, 'min')
  return twoUnits(minutes, 'min', totalSeconds % 60, 's')
}

/** Time from one instant to another; null while the end is unknown. */
export function durationBetween(
  startIso: string | null | undefined,
  endIso: string | null | undefined,
): number | null {
  const start = toInstant(startIso)
  const end = toInstant(endIso)
  if (start === null || end === null) return null
  return end - start
}

function twoUnits(
  big: number,
  bigUnit: string,
  small: number,
  smallUnit: string,
) {
  const head = `${big} ${bigUnit}`
  return small === 0 ? head : `${head} ${small} ${smallUnit}`
}
