import { describe, expect, it } from 'vitest'
import {
  durationBetween,
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  formatUtc,
} from '../../app/format/time'

const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' }

describe('formatDateTime, formatDate and formatTime', () => {
  it('show a UTC instant in the viewer’s zone, across a DST change', () => {
    // Europe/Berlin jumps from 02:00 to 03:00 between these two instants.
    expect(formatDateTime('2025-03-30T00:59:30Z', berlin)).toBe(
      '30 Mar 2025, 01:59:30',
    )
    expect(formatDateTime('2025-03-30T01:00:30Z', berlin)).toBe(
      '30 Mar 2025, 03:00:30',
    )
    expect(formatTime('2025-03-30T01:00:30Z', berlin)).toBe('03:00:30')
    // Still 29 March in UTC, already the 30th in Berlin.
    expect(formatDate('2025-03-29T23:30:00Z', berlin)).toBe('30 Mar 2025')
  })

  it('show the same instant differently in another zone', () => {
    const newYork = { locale: 'en-GB', timeZone: 'America/New_York' }
    expect(formatDateTime('2025-03-30T01:00:30Z', newYork)).toBe(
      '29 Mar 2025, 21:00:30',
    )
  })

  it('follow the locale', () => {
    const us = { locale: 'en-US', timeZone: 'Europe/Berlin' }
    // Newer ICU data puts a narrow no-break space before "AM".
    const text = formatDateTime('2025-03-30T01:00:30Z', us)
    expect(text.replace(/\s/g, ' ')).toBe('Mar 30, 2025, 3:00:30 AM')
  })

  it('show a dash for a missing or broken date', () => {
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('')).toBe('—')
    expect(formatTime('not a date')).toBe('—')
    expect(formatDate(undefined)).toBe('—')
  })
})

describe('formatUtc', () => {
  it('gives the ISO instant in UTC, without zero milliseconds', () => {
    expect(formatUtc('2025-03-30T01:00:30Z')).toBe('2025-03-30T01:00:30Z')
    expect(formatUtc('2025-03-30T03:00:30+02:00')).toBe('2025-03-30T01:00:30Z')
    expect(formatUtc('2025-03-30T01:00:30.120Z')).toBe(
      '2025-03-30T01:00:30.120Z',
    )
    expect(formatUtc(undefined)).toBe('')
  })
})

describe('durationBetween', () => {
  it('measures between instants, so a DST jump adds no hour', () => {
    expect(
      durationBetween('2025-03-30T00:59:30Z', '2025-03-30T01:00:30Z'),
    ).toBe(60_000)
  })

  it('is null while the end is unknown', () => {
    expect(durationBetween('2025-03-30T00:59:30Z', null)).toBeNull()
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [999.7, '1 s'],
    [1_000, '1 s'],
    [1_234, '1.2 s'],
    [12_000, '12 s'],
    [59_940, '59.9 s'],
    [59_960, '1 min'],
    [60_000, '1 min'],
    [184_000, '3 min 4 s'],
    [3_600_000, '1 h'],
    [3_900_000, '1 h 5 min'],
    [26 * 3_600_000, '26 h'],
  ])('writes %d ms as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('shows a dash for no duration or a negative one', () => {
    expect(formatDuration(null)).toBe('—')
    expect(formatDuration(-5)).toBe('—')
    expect(formatDuration(Number.NaN)).toBe('—')
  })
})
