/** Structural equality of JSON values (objects compared by keys, arrays by order). */
export function isDeepEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((item, i) => isDeepEqual(item, y[i]));
  }
  const xr = x as Record<string, unknown>;
  const yr = y as Record<string, unknown>;
  const xKeys = Object.keys(xr).filter((k) => xr[k] !== undefined);
  const yKeys = Object.keys(yr).filter((k) => yr[k] !== undefined);
  return xKeys.length === yKeys.length && xKeys.every((k) => isDeepEqual(xr[k], yr[k]));
}
