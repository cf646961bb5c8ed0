/**
 * Days and times as a person in India reads them, whatever the device's time zone: India is
 * UTC+5:30 all year, so a calendar day is a fixed offset away and no time-zone database is needed.
 */
// Made on first use, not on import: a page's first Intl date format loads ICU's calendar and
// time-zone data (about 20 to 50 ms of a phone's main thread), and the first screens show no date.
let dateTime: Intl.DateTimeFormat | undefined;
let date: Intl.DateTimeFormat | undefined;

/** "1 Mar 2026, 4:10 pm". */
export function formatIndiaDateTime(iso: string): string {
  dateTime ??= new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
  return dateTime.format(new Date(iso));
}

/** "1 Mar 2026". */
export function formatIndiaDate(iso: string): string {
  date ??= new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' });
  return date.format(new Date(iso));
}

/** An instant's calendar day in India, 'YYYY-MM-DD'. */
export function toIndiaDay(iso: string): string {
  return new Date(Date.parse(iso) + 330 * 60_000).toISOString().slice(0, 10);
}
