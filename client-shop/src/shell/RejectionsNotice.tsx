/** What the server refused, why, and what to do next (rejections.logic), visible until dismissed. */
import type { PushRejection } from '@oa/client-sync';
import { toRejectionView } from './rejections.logic';

export function RejectionsNotice({ rejections, onDismiss }: { rejections: readonly PushRejection[]; onDismiss: () => void }) {
  if (rejections.length === 0) return null;
  return (
    <div className="rejections" role="alert" data-testid="rejections">
      <ul>
        {rejections.map(toRejectionView).map((view) => (
          <li key={view.key}>
            <strong>{view.what}:</strong> {view.why} {view.next}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}
