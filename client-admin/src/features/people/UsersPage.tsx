/** Shoppers, read-only and searchable (name, email, phone); no secret is ever synced to the app. */
import { formatIndiaDateTime } from '@oa/client-sync';
import { useMemo, useState } from 'react';
import { selectShoppers, type Shopper } from './people.logic';

export function UsersPage({ users }: { users: readonly Shopper[] | undefined }) {
  const [search, setSearch] = useState('');
  const shown = useMemo(() => selectShoppers(users ?? [], search), [users, search]);
  if (users === undefined) return <p className="empty">Loading shoppers…</p>;
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Shoppers</h2>
      <label className="search">Search <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Name, email or phone" /></label>
      <p className="count" aria-live="polite">{shown.length === 1 ? '1 shopper' : `${shown.length} shoppers`}</p>
      <ul className="rows" data-testid="users">
        {shown.map((user) => (
          <li key={user.id} className="row row--plain">
            <div>
              <strong>{user.name}</strong> · {user.email}{user.phone ? ` · ${user.phone}` : ''}
              <p className="row__meta">Joined {formatIndiaDateTime(user.createdAt)}{user.isActive ? '' : ' · inactive'} · {user.addresses?.length ?? 0} saved addresses</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
