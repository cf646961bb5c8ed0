/**
 * The page's runtime configuration (/config.json), loaded once and shared by every caller (the
 * session, the data, the photos), with the last one that loaded kept in localStorage: a first
 * visit fetches /config.json before the service worker can cache it, and an app opened offline
 * must still know where its server and its photos are.
 */
import { loadRuntimeConfig, type RuntimeConfig, type RuntimeConfigMemory } from '../config/load-runtime-config';

const memoryKey = 'oa-runtime-config';

export const localConfigMemory: RuntimeConfigMemory = {
  load: () => {
    try {
      return localStorage.getItem(memoryKey) ?? undefined;
    } catch {
      return undefined; // storage refused (private mode): as if never saved
    }
  },
  save: (json) => {
    try {
      localStorage.setItem(memoryKey, json);
    } catch {
      // storage full or refused: only the next offline start loses it
    }
  },
};

let pageConfig: Promise<RuntimeConfig> | undefined;

/** This page's configuration; a load that failed is tried again by the next caller. */
export function loadPageRuntimeConfig(): Promise<RuntimeConfig> {
  pageConfig ??= loadRuntimeConfig(location.origin, undefined, localConfigMemory).catch((error: unknown) => {
    pageConfig = undefined;
    throw error;
  });
  return pageConfig;
}
