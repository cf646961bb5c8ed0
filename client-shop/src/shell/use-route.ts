/** The current route from the address bar, and `navigate` (history.pushState): the browser shell of route.logic. */
import { useSyncExternalStore } from 'react';
import { parseRoute, toPath, type Route } from './route.logic';

const listeners = new Set<() => void>();
let current: { path: string; route: Route } | undefined;

function snapshot(): Route {
  const path = location.pathname;
  if (current?.path !== path) current = { path, route: parseRoute(path) };
  return current.route;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const path = toPath(route);
  if (path !== location.pathname) {
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  window.scrollTo?.(0, 0);
  listeners.forEach((listener) => listener());
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}
