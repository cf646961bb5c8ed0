/**
 * RxDB's IndexedDB storage (Dexie), in a module of its own so shell/shop-data.ts can load and
 * evaluate it, with the parts of RxDB it builds on, one task before the rest of the databases'
 * code: evaluated together they were one task of about 190 ms on a phone (4× slowdown).
 */
export { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
