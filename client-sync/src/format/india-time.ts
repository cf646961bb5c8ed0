/**
 * Days and times as a person in India reads them, whatever the device's time zone: India is
 * UTC+5:30 all year, so a calendar day is a fixed offset away and no time-zone database is needed.
 */
const dateTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
const date = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' });

/** "1 Mar 2026, 4:10 pm". */
export function formatIndiaDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "1 Mar 2026". */
export function formatIndiaDate(iso: string): string {
  return date.format(new Date(iso));
}

/** An instant's calendar day in India, 'YYYY-MM-DD'. */
export function toIndiaDay(iso: string): string {
  return new Date(Date.parse(iso) + 330 * 60_000).toISOString().slice(0, 10);
}
