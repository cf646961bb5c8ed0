import { describe, expect, it } from 'vitest';
import { formatIndiaDate, formatIndiaDateTime, toIndiaDay } from './india-time';

describe('India’s days and times', () => {
  it('reads the calendar day in India, whatever the device’s zone', () => {
    expect(toIndiaDay('2026-03-01T18:29:59.000Z')).toBe('2026-03-01');
    expect(toIndiaDay('2026-03-01T18:30:00.000Z')).toBe('2026-03-02');
  });

  it('writes dates and times as read in India', () => {
    expect(formatIndiaDate('2026-03-01T18:40:00.000Z')).toBe('2 Mar 2026');
    expect(formatIndiaDateTime('2026-03-01T06:30:00.000Z')).toMatch(/^1 Mar 2026, 12:00\s?pm$/i);
  });
});
