/**
 * RxDB's IndexedDB storage (Dexie), in a module of its own so shell/shop-data.ts can load and
 * evaluate it, with the parts of RxDB it builds on, one task before the rest of the databases'
 * code: evaluated together they were one task of about 190 ms on a phone (4× slowdown). Reads of
 * many documents by id go through client-sync's getManyByRange (a first sync's writes read them).
 */
import { installRangeReads } from '@oa/client-sync/browser';
import { getRxStorageDexie as getDexieStorage } from 'rxdb/plugins/storage-dexie';

export const getRxStorageDexie = () => getDexieStorage({ onCreate: installRangeReads });
