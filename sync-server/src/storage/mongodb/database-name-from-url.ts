/**
 * Which database a MongoDB connection string names: the path after the hosts
 * (mongodb://host/shopdb → shopdb), or the platform's shared database when there is none.
 * Pure, so it is tested without a server; it reads the URL the way the driver's parser does.
 */
import { StorageError } from '../errors';

export const defaultDatabaseName = 'online_annavaram';

// The driver's own split (mongodb-connection-string-url): the password may hold any character
// but `@`, the host list none of `/ ? @`; whatever follows the hosts is path and options.
const connectionString = /^(?<scheme>[^/]+):\/\/(?:(?<username>[^:@]*)(?::(?<password>[^@]*))?@)?(?<hosts>(?!:)[^/?@]*)(?<rest>.*)$/s;

export function databaseNameFromUrl(url: string): string {
  const groups = connectionString.exec(url.trim())?.groups;
  const scheme = groups?.scheme;
  if (!groups || (scheme !== 'mongodb' && scheme !== 'mongodb+srv') || !groups.hosts) {
    throw new StorageError('INVALID_REQUEST', 'a MongoDB URL starts with mongodb:// or mongodb+srv:// and names at least one host');
  }
  const rest = groups.rest ?? '';
  // An `@` after the hosts means the credentials held an unescaped `@`: the driver refuses that too.
  if (/^[^/?]*@/.test(rest)) throw new StorageError('INVALID_REQUEST', 'the MongoDB URL has an unescaped "@" (percent-encode it as %40)');
  const path = (rest.split(/[?#]/, 1)[0] ?? '').replace(/^\//, '');
  if (path === '') return defaultDatabaseName;
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    throw new StorageError('INVALID_REQUEST', 'the database name in the MongoDB URL is not valid percent-encoding', { cause });
  }
}
