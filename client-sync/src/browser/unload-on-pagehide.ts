/**
 * Stands in for the `unload` package (broadcast-channel's, under RxDB's leader election) in the
 * apps' builds (a Vite alias): the same API, listening to `pagehide` when the page is really going
 * away, instead of `beforeunload` and `unload`. An `unload` listener keeps a page out of the
 * browser's back/forward cache and is deprecated; `pagehide` is its replacement. A page that goes
 * into that cache keeps its handlers (it may come back); one that is discarded from it needs none,
 * since the leader election holds a Web Lock, which the browser releases with the page.
 */
const listeners = new Set<() => unknown>();
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined' || typeof window.addEventListener !== 'function') return;
  listening = true;
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) void runAll();
  });
}

export function add(fn: () => unknown): { remove: () => boolean; run: () => unknown } {
  if (typeof fn !== 'function') throw new Error('Listener is no function');
  listen();
  listeners.add(fn);
  return {
    remove: () => listeners.delete(fn),
    run: () => {
      listeners.delete(fn);
      return fn();
    },
  };
}

export function runAll(): Promise<unknown[]> {
  const results = [...listeners].map((fn) => {
    listeners.delete(fn);
    return fn();
  });
  return Promise.all(results);
}

export function removeAll(): void {
  listeners.clear();
}

export function getSize(): number {
  return listeners.size;
}
