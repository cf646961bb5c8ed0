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

/** `appOrigin` is the page's (location.origin); `fetchConfig` fetches a path of it. */
export async function loadRuntimeConfig(
  appOrigin: string,
  // Revalidated every time (the browser's `cache` option; Node's RequestInit type lacks it).
  fetchConfig: (path: string) => Promise<Response> = (path) => fetch(path, { cache: 'no-cache' } as RequestInit),
): Promise<RuntimeConfig> {
  const response = await fetchConfig('/config.json');
  if (!response.ok) throw new RuntimeConfigError(`config.json: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json(), appOrigin);
}
