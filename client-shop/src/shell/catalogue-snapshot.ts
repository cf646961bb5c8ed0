/**
 * The catalogue as this device last showed it, kept in localStorage, so a returning visitor's front
 * page renders with the first paint instead of after RxDB and IndexedDB have opened (most of the
 * page's start-up). Only a copy of what the device's database held: early-catalogue.ts shows it
 * until that database answers, then the database alone. A large catalogue is not copied (too big
 * to parse before the first paint); it waits for the database as before.
 */
import type { CatalogueCategory, CatalogueProduct } from '../features/catalogue/catalogue.logic';
import type { EarlyCatalogue } from '../features/catalogue/early-catalogue.logic';

const snapshotKey = 'oa-shop-catalogue-snapshot';
/** Beyond this many products the copy costs more to read than it saves. */
export const maxSnapshotProducts = 300;

const isRecordList = (value: unknown): value is Array<{ id: string }> =>
  Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string');

export function readCatalogueSnapshot(): EarlyCatalogue | undefined {
  try {
    const raw = localStorage.getItem(snapshotKey);
    const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { products, categories } = parsed as { products?: unknown; categories?: unknown };
    // Written by this app, but storage outlives app versions: anything unexpected is ignored.
    if (!isRecordList(products) || !isRecordList(categories) || products.length === 0) return undefined;
    return { products: products as unknown as CatalogueProduct[], categories: categories as unknown as CatalogueCategory[] };
  } catch {
    return undefined; // storage refused (private mode) or garbled
  }
}

export function saveCatalogueSnapshot(products: readonly CatalogueProduct[], categories: readonly CatalogueCategory[]): void {
  try {
    if (products.length === 0 || products.length > maxSnapshotProducts) localStorage.removeItem(snapshotKey);
    else localStorage.setItem(snapshotKey, JSON.stringify({ products, categories }));
  } catch {
    // storage full or refused: the next visit waits for the database, as without a copy
  }
}
