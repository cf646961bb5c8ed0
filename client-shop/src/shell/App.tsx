/**
 * The shop's shell: the visitor's catalogue database (opened at once, replicated once /config.json
 * says where the sync server is, while no one is signed in) and, once signed in, the shopper's own
 * database with the catalogue, their cart and orders (then the only replication: one live stream). Screens: shop, cart, checkout, my orders, account. Offline, all of it comes from
 * IndexedDB and the service worker; writes wait in the database until the server is back.
 */
import type { CollectionsReplication, PushRejection, SyncDatabase } from '@oa/client-sync';
import type { CartItem, Order } from '@oa/schema';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { map } from 'rxjs';
import { addToCart, placeOrder, removeCartLine, setCartQuantity } from '../data/shop-actions';
import { removeUserData } from '../data/open-user-data';
import { setAnonymousReplication, startShopData } from '../data/start-shop-data';
import { AccountPanel } from '../features/account/AccountPanel';
import { toCartLines } from '../features/cart/cart.logic';
import { CartView } from '../features/cart/CartView';
import type { CatalogueCategory, CatalogueProduct } from '../features/catalogue/catalogue.logic';
import { CatalogueList } from '../features/catalogue/CatalogueList';
import { CheckoutForm } from '../features/checkout/CheckoutForm';
import { toOrderViews } from '../features/orders/orders.logic';
import { MyOrders } from '../features/orders/MyOrders';
import { SyncStatusIndicator } from '../features/sync-status/SyncStatusIndicator';
import { RejectionsNotice } from './RejectionsNotice';
import { shopSession } from './shop-session';
import { UpdatePrompt } from './UpdatePrompt';
import { useObservable } from './use-observable';
import { useSyncStatus } from './use-sync-status';
import { useUserData } from './use-user-data';

type View = 'shop' | 'cart' | 'checkout' | 'orders' | 'account';

const toPlain = <T,>(docs: readonly { toJSON(): unknown }[]): T[] => docs.map((doc) => doc.toJSON() as T);

export function App() {
  const [anonymousDatabase, setAnonymousDatabase] = useState<SyncDatabase | undefined>();
  const [anonymousReplication, setAnonymousReplicationState] = useState<CollectionsReplication | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [view, setView] = useState<View>('shop');
  const [signingOut, setSigningOut] = useState(false);
  const [rejections, setRejections] = useState<PushRejection[]>([]);
  const session = useSyncExternalStore(shopSession.subscribe, shopSession.getSnapshot);
  const [openedUser, userProblem] = useUserData(session?.userId, shopSession);
  const user = signingOut ? undefined : openedUser;
  const signedIn = session !== undefined;

  useEffect(() => {
    let cancelled = false;
    void startShopData().then(
      (database) => !cancelled && setAnonymousDatabase(database),
      (error: unknown) => !cancelled && setProblem(error instanceof Error ? error.message : String(error)),
    );
    // The database lives as long as the page: nothing to close on unmount.
    return () => {
      cancelled = true;
    };
  }, []);

  // One live stream per client: the anonymous catalogue replicates only while no one is signed in
  // (the shopper's database replicates the catalogue too); signing out starts it again.
  useEffect(() => {
    let cancelled = false;
    if (signedIn) setAnonymousReplicationState(undefined);
    void setAnonymousReplication(!signedIn).then(
      (replication) => !cancelled && setAnonymousReplicationState(replication),
      (error: unknown) => !cancelled && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  // Signed in, everything shows from the shopper's own database (it replicates the catalogue too).
  const database = user?.database ?? (session ? undefined : anonymousDatabase);
  const replication = user ? user.replication : signedIn ? undefined : anonymousReplication;
  const products$ = useMemo(() => database?.collections.products!.find().$.pipe(map((docs) => toPlain<CatalogueProduct>(docs))), [database]);
  const categories$ = useMemo(() => database?.collections.categories!.find().$.pipe(map((docs) => toPlain<CatalogueCategory>(docs))), [database]);
  const cartItems$ = useMemo(() => user?.database.collections.cart_items!.find().$.pipe(map((docs) => toPlain<CartItem>(docs))), [user]);
  const orders$ = useMemo(() => user?.database.collections.orders!.find().$.pipe(map((docs) => toPlain<Order>(docs))), [user]);
  const products = useObservable(products$, undefined);
  const categories = useObservable(categories$, []);
  const cartItems = useObservable(cartItems$, []);
  const orders = useObservable(orders$, []);
  const sync = useSyncStatus(user ? user.database : anonymousDatabase, replication);
  const cartLines = useMemo(() => (user ? toCartLines(cartItems, products ?? []) : []), [user, cartItems, products]);
  const orderViews = useMemo(() => toOrderViews(orders), [orders]);

  useEffect(() => {
    const subscription = user?.replication?.rejections$.subscribe((rejection) => setRejections((shown) => [...shown, rejection]));
    return () => subscription?.unsubscribe();
  }, [user]);

  async function signOut(): Promise<void> {
    const userId = session?.userId;
    setSigningOut(true);
    setView('shop');
    setRejections([]);
    try {
      if (userId) await removeUserData(userId);
      await shopSession.signOut();
    } finally {
      setSigningOut(false);
    }
  }

  const onAdd = (productId: string): void => {
    if (!user || !session?.userId) return setView('account');
    void addToCart(user.database, session.userId, productId);
  };

  const nav = (target: View, label: string) => (
    <button type="button" aria-current={view === target ? 'page' : undefined} onClick={() => setView(target)}>{label}</button>
  );
  const cartCount = cartLines.reduce((sum, line) => sum + line.quantity, 0);

  return (
    <>
      <header className="top">
        <h1>Online Annavaram</h1>
        <SyncStatusIndicator role={sync.role} status={sync.status} />
        <nav className="tabs" aria-label="Shop">
          {nav('shop', 'Shop')}
          {session ? nav('cart', `Cart (${cartCount})`) : null}
          {session ? nav('orders', 'My orders') : null}
          {nav('account', session?.accessToken ? 'Account' : 'Sign in')}
        </nav>
      </header>
      <UpdatePrompt />
      <RejectionsNotice rejections={rejections} onDismiss={() => setRejections([])} />
      <main>
        {problem || userProblem ? <p role="alert">This device could not open the shop’s storage: {problem ?? userProblem}</p> : null}
        {view === 'shop' ? (
          products === undefined ? <p className="empty">Loading the catalogue…</p> : <CatalogueList products={products} categories={categories} onAdd={onAdd} />
        ) : null}
        {view === 'account' ? <AccountPanel store={shopSession} session={session} onSignOut={signOut} /> : null}
        {view === 'cart' && user ? (
          <CartView
            lines={cartLines}
            onQuantity={(lineId, quantity) => void setCartQuantity(user.database, lineId, quantity)}
            onRemove={(lineId) => void removeCartLine(user.database, lineId)}
            onCheckout={() => setView('checkout')}
          />
        ) : null}
        {view === 'checkout' && user && session ? (
          <CheckoutForm
            lines={cartLines}
            onPlace={async (address) => {
              await placeOrder(user.database, session.userId, cartLines, address);
              setView('orders');
            }}
          />
        ) : null}
        {view === 'orders' && user ? <MyOrders orders={orderViews} /> : null}
      </main>
    </>
  );
}
