/**
 * Which legacy source a run reads: `--legacy-source` / LEGACY_SOURCE (a folder of mongoexport
 * files, or a mongodb:// URL of the old database), else, on a MongoDB target, the target database
 * itself, in place (the mission's case: the old backends' `online_annavaram`). A SQLite target
 * with nothing given has no legacy source.
 */
import { databaseNameFromUrl } from '@oa/sync-server/storage';
import type { Target } from '../database/open-target';
import { openFolderSource } from './folder/open-folder-source';
import type { LegacySource } from './legacy-source';

export async function openLegacySource(given: string | undefined, target: Target): Promise<LegacySource | undefined> {
  const targetUrl = target.database.kind === 'mongodb' ? target.database.url : undefined;
  const url = given ?? targetUrl;
  if (url === undefined) return undefined;
  if (!/^mongodb(\+srv)?:\/\//.test(url)) return openFolderSource(url);
  const { openMongoSource } = await import('./mongodb/open-mongodb-source');
  const databaseName = databaseNameFromUrl(url);
  // In place: the same server and database as the platform's. Legacy documents are then moved out
  // of the platform's collections; from another database they are only ever read and backed up.
  const inPlace = targetUrl !== undefined && url === targetUrl;
  return openMongoSource({ url, databaseName, inPlace });
}
