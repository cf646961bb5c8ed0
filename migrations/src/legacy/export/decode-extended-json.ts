/**
 * MongoDB Extended JSON (what `mongoexport` writes, relaxed or canonical, v1 or v2) to plain
 * values: ObjectIds become their 24-digit hex, dates ISO-8601 strings, $numberInt/$numberLong/
 * $numberDouble/$numberDecimal plain numbers (a long beyond 2^53 stays a string), DBRefs their id.
 * Pure and driver-free, so the folder source never loads the MongoDB driver.
 */
type Json = unknown;

const wrapperKeys = new Set(['$oid', '$date', '$numberInt', '$numberLong', '$numberDouble', '$numberDecimal', '$symbol', '$undefined']);

export function decodeExtendedJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(decodeExtendedJson);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, Json>;
  const keys = Object.keys(record);
  if (keys.length === 1 && wrapperKeys.has(keys[0]!)) return decodeWrapper(keys[0]!, record[keys[0]!]);
  // A DBRef ({ $ref, $id[, $db] }) stands for the id it points at.
  if (keys.includes('$ref') && keys.includes('$id')) return decodeExtendedJson(record.$id);
  return Object.fromEntries(keys.map((key) => [key, decodeExtendedJson(record[key])]));
}

function decodeWrapper(key: string, inner: Json): Json {
  switch (key) {
    case '$oid':
      return typeof inner === 'string' ? inner.toLowerCase() : inner;
    case '$date':
      return decodeDate(inner);
    case '$numberInt':
    case '$numberDouble':
      return Number(inner);
    case '$numberLong': {
      const n = Number(inner);
      return Number.isSafeInteger(n) ? n : String(inner);
    }
    case '$numberDecimal': {
      const n = Number(inner);
      return Number.isFinite(n) ? n : String(inner);
    }
    case '$symbol':
      return String(inner);
    default: // $undefined
      return undefined;
  }
}

/** `{"$date": "2024-01-02T03:04:05Z"}`, `{"$date": 1704164645000}` or `{"$date": {"$numberLong": "…"}}`. */
function decodeDate(inner: Json): Json {
  const raw = typeof inner === 'object' && inner !== null ? decodeExtendedJson(inner) : inner;
  if (typeof raw !== 'string' && typeof raw !== 'number') return raw;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? raw : date.toISOString();
}
