/**
 * "Update available": the service worker is registered with registerType 'prompt', so a new
 * version waits until the shopper chooses to reload (never mid-checkout). vite-plugin-pwa's
 * registerSW drives workbox-window underneath.
 */
import { useEffect, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';

export function UpdatePrompt() {
  const [update, setUpdate] = useState<((reload?: boolean) => Promise<void>) | undefined>();
  const [needRefresh, setNeedRefresh] = useState(false);
  useEffect(() => {
    const updateSW = registerSW({ onNeedRefresh: () => setNeedRefresh(true) });
    setUpdate(() => updateSW);
  }, []);
  if (!needRefresh || !update) return null;
  return (
    <div className="update" role="alert">
      <span>Update available.</span>
      <button type="button" onClick={() => void update(true)}>Reload</button>
      <button type="button" onClick={() => setNeedRefresh(false)}>Later</button>
    </div>
  );
}
