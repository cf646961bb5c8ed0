/**
 * The list's place in the browser's history, the thin shell around catalogue.logic.ts's query
 * string: the query is kept in the shop page's address with replaceState (a filter or a keystroke
 * is not a page of its own, so history is not flooded), and the scroll position and pages shown
 * in that entry's state just before leaving, so Back lands where the shopper was.
 */
import { parseCatalogueQuery, toCatalogueSearch, type CatalogueQuery } from './catalogue.logic';

export interface ListPosition {
  readonly scrollY: number;
  /** How many products were shown ("Show more"): the saved position may be further down than the first page. */
  readonly limit: number;
}

const stateKey = 'oaCatalogue';

export function readCatalogueQuery(): CatalogueQuery {
  return parseCatalogueQuery(location.search);
}

/** Puts the query in this entry's address, keeping its state (the saved position) and any hash. */
export function writeCatalogueQuery(query: CatalogueQuery): void {
  const search = toCatalogueSearch(query);
  if (search === location.search) return;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

/** Saves where the list is in this entry's state (called just before a product's page is pushed). */
export function rememberListPosition(position: ListPosition): void {
  const state: unknown = history.state;
  history.replaceState({ ...(isRecord(state) ? state : {}), [stateKey]: position }, '');
}

/** The position saved in this entry, if any (Back, or a reload of the list). */
export function readListPosition(): ListPosition | undefined {
  const state: unknown = history.state;
  const saved = isRecord(state) ? state[stateKey] : undefined;
  // History state outlives app versions: read it as untrusted data.
  if (!isRecord(saved) || !isCount(saved.scrollY) || !isCount(saved.limit)) return undefined;
  return { scrollY: saved.scrollY, limit: saved.limit };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
