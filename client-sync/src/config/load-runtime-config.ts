/**
 * The app's runtime configuration: where the sync server is. Read from `/config.json` on the
 * app's own origin, written by whatever serves the app, so one build runs behind any host, port
 * or proxy. Never a host baked in at build time.
 */

export interface RuntimeConfig {
  /** The sync server's base URL, without a trailing slash. */
  readonly syncUrl: string;
}

export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
}

/** Checks what /config.json said; a relative syncUrl is taken from the app's own origin. */
export function parseRuntimeConfig(value: unknown, appOrigin: string): RuntimeConfig {
  const syncUrl = (value as { syncUrl?: unknown } | null)?.syncUrl;
  if (typeof syncUrl !== 'string' || syncUrl.trim() === '') {
    throw new RuntimeConfigError('config.json must have a "syncUrl" string');
  }
  let url: URL;
  try {
    url = new URL(syncUrl, appOrigin);
  } catch (cause) {
    throw new RuntimeConfigError(`config.json: "${syncUrl}" is not a URL`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RuntimeConfigError(`config.json: "${syncUrl}" is not an http(s) URL`);
  }
  return { syncUrl: url.href.replace(/\/+$/, '') };
}

/** Where the last configuration that loaded is kept, for a start with no network. */
export interface RuntimeConfigMemory {
  load(): string | undefined;
  save(json: string): void;
}

/**
 * `appOrigin` is the page's (location.origin); `fetchConfig` fetches a path of it. With no network
 * (a first visit's config is fetched before the service worker can cache it), the last
 * configuration that loaded on this device answers instead: an app opened offline still knows
 * where its photos and its server are. A server that answers with an error is believed.
 */
export async function loadRuntimeConfig(
  appOrigin: string,
  // Revalidated every time (the browser's `cache` option; Node's RequestInit type lacks it).
  fetchConfig: (path: string) => Promise<Response> = (path) => fetch(path, { cache: 'no-cache' } as RequestInit),
  memory?: RuntimeConfigMemory,
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchConfig('/config.json');
  } catch (cause) {
    const saved = memory?.load();
    if (saved !== undefined) {
      try {
        return parseRuntimeConfig(JSON.parse(saved), appOrigin);
      } catch {
        // a damaged copy: fall through to the network's error
      }
    }
    throw new RuntimeConfigError('config.json could not be loaded (no network, and none saved on this device)', { cause });
  }
  if (!response.ok) throw new RuntimeConfigError(`config.json: HTTP ${response.status}`);
  const value: unknown = await response.json();
  const config = parseRuntimeConfig(value, appOrigin);
  memory?.save(JSON.stringify(value));
  return config;
}
