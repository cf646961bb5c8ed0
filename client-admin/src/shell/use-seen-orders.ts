/**
 * The admin's seen orders (seen-orders.logic.ts), kept in this device's localStorage per admin.
 * Each change reads the stored value first and writes it back at once, so two changes in one
 * render (the list's and an opened order's), or another tab's, are never lost to a stale copy.
 */
import { useCallback, useMemo, useState } from 'react';
import { noneSeen, parseSeenOrders, toStoredSeenOrders, type SeenOrders } from '../features/orders/seen-orders.logic';

const seenKey = (adminId: string): string => `oa-admin-seen-orders:${adminId}`;

const readSeen = (adminId: string | undefined): SeenOrders => (adminId ? parseSeenOrders(localStorage.getItem(seenKey(adminId))) : noneSeen);

export function useSeenOrders(adminId: string | undefined): readonly [SeenOrders, (change: (seen: SeenOrders) => SeenOrders) => void] {
  // Bumped after each write, so the stored value is read again (synchronously: no flash of every order as new).
  const [version, setVersion] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when to read again
  const seen = useMemo(() => readSeen(adminId), [adminId, version]);
  const update = useCallback(
    (change: (seen: SeenOrders) => SeenOrders) => {
      if (!adminId) return;
      const stored = readSeen(adminId);
      const next = change(stored);
      if (next === stored) return;
      localStorage.setItem(seenKey(adminId), toStoredSeenOrders(next));
      setVersion((count) => count + 1);
    },
    [adminId],
  );
  return [seen, update] as const;
}
