/**
 * An app's addresses in the browser, given its pure route table (parse a path, write a route):
 * the current route from the address bar (history API; back, reload and shared links land where
 * expected), `navigate`, and `Link`, a real <a href> that navigates without a reload.
 */
import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';

export interface AppRouter<R> {
  useRoute(): R;
  navigate(route: R, options?: { replace?: boolean }): void;
  Link(props: { to: R; children: ReactNode; className?: string; current?: boolean }): ReactNode;
}

export function createRouter<R>(parse: (pathname: string) => R, toPath: (route: R) => string): AppRouter<R> {
  const listeners = new Set<() => void>();
  let current: { path: string; route: R } | undefined;

  function snapshot(): R {
    const path = location.pathname;
    if (current?.path !== path) current = { path, route: parse(path) };
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

  function navigate(route: R, options: { replace?: boolean } = {}): void {
    const path = toPath(route);
    if (path !== location.pathname) {
      if (options.replace) history.replaceState(null, '', path);
      else history.pushState(null, '', path);
    }
    window.scrollTo?.(0, 0);
    listeners.forEach((listener) => listener());
  }

  function Link({ to, children, className, current: isCurrent }: { to: R; children: ReactNode; className?: string; current?: boolean }) {
    const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
      // Let the browser handle new-tab and download clicks.
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(to);
    };
    return (
      <a href={toPath(to)} onClick={onClick} className={className} aria-current={isCurrent ? 'page' : undefined}>
        {children}
      </a>
    );
  }

  return { useRoute: () => useSyncExternalStore(subscribe, snapshot), navigate, Link };
}
