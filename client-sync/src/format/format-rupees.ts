/** Rupees as both apps show them: ₹ with Indian digit grouping, paise only when there are some (60 → "₹60", 123456.5 → "₹1,23,456.5"). */
const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 2, minimumFractionDigits: 0 });

export function formatRupees(amount: number): string {
  return rupees.format(amount);
}

const dateTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

/** An instant as a person in India reads it: "1 Mar 2026, 4:10 pm". */
export function formatIndiaDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
