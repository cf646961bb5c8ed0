/**
 * The shop's header: its name, the sync status line (always in view) and the navigation (a nav
 * landmark named "Shop", the current destination marked with aria-current). On a phone the nav is
 * a tab bar at the bottom of the screen, in thumb's reach, and the header keeps two slim lines; from
 * 60rem (960 px) the same nav sits in the header's row (styles.css). The items come from shop-nav.logic.ts.
 */
import type { ReactNode } from 'react';
import { Link } from './router';
import type { ShopNavItem } from './shop-nav.logic';

export interface ShopHeaderProps {
  readonly items: readonly ShopNavItem[];
  /** The sync status line (SyncStatusIndicator). */
  readonly status: ReactNode;
}

export function ShopHeader({ items, status }: ShopHeaderProps) {
  return (
    <header className="top">
      <h1><Link to={{ name: 'shop' }}>Online Annavaram</Link></h1>
      <div className="top__status">{status}</div>
      {/* In the header's DOM at every width, so keyboard and screen-reader order is the same
          (name, status, destinations, then the page) wherever the bar is drawn. */}
      <nav className="tabs" aria-label="Shop">
        {items.map((item) => (
          <Link key={item.name} to={item.to} current={item.current} className="tabs__link">
            <span className="tabs__label">{item.label}</span>
            {/* The count is part of the link's name ("Cart (2)"); its own line in the tab bar. */}
            {item.count === undefined ? null : <> <span className="tabs__count">({item.count})</span></>}
          </Link>
        ))}
      </nav>
    </header>
  );
}
