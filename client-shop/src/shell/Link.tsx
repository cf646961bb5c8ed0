/** An in-app link: a real <a href> (new tab, copy link and keyboard all work) that navigates without a reload. */
import type { MouseEvent, ReactNode } from 'react';
import { toPath, type Route } from './route.logic';
import { navigate } from './use-route';

export function Link({ to, children, className, current }: { to: Route; children: ReactNode; className?: string; current?: boolean }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new-tab and download clicks.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={toPath(to)} onClick={onClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
