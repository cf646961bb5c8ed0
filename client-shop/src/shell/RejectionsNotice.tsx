/** What the server refused (an order out of stock, a cart line for a product gone), visible until dismissed. */
import type { PushRejection } from '@oa/client-sync';

const collectionNames: Record<string, string> = { orders: 'Your order', cart_items: 'A cart line' };

export function RejectionsNotice({ rejections, onDismiss }: { rejections: readonly PushRejection[]; onDismiss: () => void }) {
  if (rejections.length === 0) return null;
  return (
    <div className="rejections" role="alert" data-testid="rejections">
      <ul>
        {rejections.map((rejection, index) => (
          <li key={`${rejection.id}-${index}`}>
            {collectionNames[rejection.collection] ?? rejection.collection} could not be saved: {rejection.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}
