/**
 * The browser's online state behind a replaceable seam (TanStack Query's onlineManager idea):
 * the app subscribes to it, tests can hand in their own.
 */
export interface OnlineSource {
  isOnline(): boolean;
  subscribe(onChange: () => void): () => void;
}

export const browserOnlineSource: OnlineSource = {
  isOnline: () => navigator.onLine,
  subscribe(onChange) {
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
    };
  },
};
