/**
 * "Update available": the app's service worker is registered with registerType 'prompt', so a
 * new version waits until the person chooses to reload (never mid-checkout or mid-edit). When the
 * sync server says this version is too old (CLIENT_OUTDATED), the prompt shows whether or not a
 * new version has been found yet, and "Update now" looks for it first. The app passes
 * vite-plugin-pwa's registerSW (workbox-window underneath), so this file needs no build plugin.
 *
 * The worker is registered once the app says its first screen has settled (`settled`: its data
 * shown, its first download done), at the browser's next idle moment, or `maxWaitMs` after the
 * prompt mounts, whichever is first; at once when the app is out of date. Registering a new worker
 * installs it, and installing downloads and caches every file of the app: begun at the page's load
 * event (workbox's default), that competed with the first screen for a phone's CPU and network
 * (Lighthouse, shop: total blocking time about 440 ms, 160 ms once deferred).
 */
import { useEffect, useRef, useState } from 'react';
import { whenIdle } from '../browser/when-idle';

/** vite-plugin-pwa's `registerSW` from 'virtual:pwa-register', as far as this prompt uses it. */
export type RegisterServiceWorker = (options: { onNeedRefresh?: () => void }) => (reload?: boolean) => Promise<void>;

export interface UpdatePromptProps {
  readonly outdated: boolean;
  readonly register: RegisterServiceWorker;
  readonly appName: string;
  /** Whether the app's first screen has its data (default: from the start). */
  readonly settled?: boolean;
  /** The longest registration waits for `settled` (a server that never answers, say). */
  readonly maxWaitMs?: number;
}

export function UpdatePrompt({ outdated, register, appName, settled = true, maxWaitMs = 10_000 }: UpdatePromptProps) {
  const [update, setUpdate] = useState<((reload?: boolean) => Promise<void>) | undefined>();
  const [needRefresh, setNeedRefresh] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [looking, setLooking] = useState(false);
  const [waitedLongEnough, setWaitedLongEnough] = useState(false);
  const registered = useRef(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaitedLongEnough(true), maxWaitMs);
    return () => clearTimeout(timer);
  }, [maxWaitMs]);
  const due = settled || outdated || waitedLongEnough;
  useEffect(() => {
    if (!due || registered.current) return undefined;
    return whenIdle(
      () => {
        registered.current = true;
        const updateSW = register({ onNeedRefresh: () => setNeedRefresh(true) });
        setUpdate(() => updateSW);
      },
      outdated ? 0 : 2000,
    );
  }, [due, outdated, register]);

  async function updateNow(): Promise<void> {
    if (needRefresh && update) return update(true);
    setLooking(true);
    const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
    await registration?.update().catch(() => undefined);
    // A new version found is installed, then onNeedRefresh offers it; without one, a reload at
    // least fetches a fresh page when the server has one.
    if (registration?.waiting && update) return update(true);
    if (!registration?.installing) location.reload();
  }

  if (outdated) {
    return (
      <div className="update update--required" role="alert">
        <span>This version of the {appName} is out of date: your changes are kept on this device until it updates.</span>
        <button type="button" disabled={looking && !needRefresh} onClick={() => void updateNow()}>Update now</button>
      </div>
    );
  }
  if (!needRefresh || !update || dismissed) return null;
  return (
    <div className="update" role="alert">
      <span>Update available.</span>
      <button type="button" onClick={() => void update(true)}>Reload</button>
      <button type="button" onClick={() => setDismissed(true)}>Later</button>
    </div>
  );
}
