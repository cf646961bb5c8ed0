/** Whether two documents say the same thing, timestamps aside (the storage stamps `updatedAt` itself). */
import { isDeepEqual } from '@oa/schema';

export function isSameContent(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const strip = ({ updatedAt: _u, createdAt: _c, ...rest }: Readonly<Record<string, unknown>>) => rest;
  return isDeepEqual(strip(a), strip(b));
}
