/** Rupees as both apps show them: ₹ with Indian digit grouping, paise (two digits) only when there are some (60 → "₹60", 123456.5 → "₹1,23,456.50"). */
const wholeRupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
const rupeesAndPaise = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatRupees(amount: number): string {
  return Number.isInteger(amount) ? wholeRupees.format(amount) : rupeesAndPaise.format(amount);
}

/** An instant's calendar day in India ('YYYY-MM-DD'): India is UTC+5:30 all year, so no time-zone database is needed. */
export function toIndiaDay(iso: string): string {
  return new Date(Date.parse(iso) + 330 * 60_000).toISOString().slice(0, 10);
}

const dateTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

/** An instant as a person in India reads it: "1 Mar 2026, 4:10 pm". */
export function formatIndiaDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
