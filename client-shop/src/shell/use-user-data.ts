/** The signed-in user's database and replication, opened when a user id appears (undefined until then). */
import { useEffect, useState } from 'react';
import { openUserData, type UserData } from '../data/open-user-data';
import type { SessionStore } from '../features/account/session-store';

export function useUserData(userId: string | undefined, store: SessionStore): [UserData | undefined, string | undefined] {
  const [data, setData] = useState<UserData | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    setData(undefined);
    if (!userId) return;
    let cancelled = false;
    void openUserData(userId, store).then(
      (opened) => !cancelled && setData(opened),
      (error: unknown) => !cancelled && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [userId, store]);
  return [data?.userId === userId ? data : undefined, problem];
}
