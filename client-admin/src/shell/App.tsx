/**
 * The admin app's shell: the header (sync status), the banners (update, first sync, refusals,
 * an ended session), the screen of the current address and a bottom navigation within a thumb's
 * reach (a side column on a desktop: styles.css). Everything renders from the admin's database
 * (admin-data.ts), so every screen works offline on what has synced; writes wait there, counted
 * in the header, until the server is back.
 */
import { formatIndiaDateTime, type PushConflict, type PushRejection } from '@oa/client-sync';
import { readLastSynced, loadPageRuntimeConfig } from '@oa/client-sync/browser';
import { SyncStatusIndicator, UpdatePrompt, useDocuments, useObservable, useSyncStatus } from '@oa/client-sync/react';
import type { Admin, Category, Order, Payment, Product, Review, User } from '@oa/schema';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { createAdminAccounts } from '../data/admin-accounts';
import { deleteDocument, moderateReview, moveOrder, recordPayment, saveDocument, setAdminActive } from '../data/admin-actions';
import { AdminSignIn } from '../features/account/AdminSignIn';
import { AdminsPage } from '../features/admins/AdminsPage';
import { CategoriesPage } from '../features/categories/CategoriesPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { toPaymentSummary, toStatusLabel, type Customer } from '../features/orders/orders.logic';
import { countNewOrders, markAllSeen, markOrderSeen } from '../features/orders/seen-orders.logic';
import { OrderPage } from '../features/orders/OrderPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { PaymentsPage } from '../features/people/PaymentsPage';
import { UsersPage } from '../features/people/UsersPage';
import { toggleActive } from '../features/products/product-form.logic';
import { ProductEditor } from '../features/products/ProductEditor';
import { ProductsPage } from '../features/products/ProductsPage';
import { ReviewsPage } from '../features/reviews/ReviewsPage';
import { adminData } from './admin-data';
import { adminPhotos } from './admin-photos';
import { adminSyncedKey, toAdminFirstSyncView } from './first-sync.logic';
import { adminSession } from './admin-session';
import { toRejectionView } from './rejections.logic';
import type { Route } from './route.logic';
import { Link, navigate, useRoute } from './router';
import { useSeenOrders } from './use-seen-orders';

const accounts = createAdminAccounts({
  getSyncUrl: async () => (await loadPageRuntimeConfig()).syncUrl,
  getAccessToken: () => adminSession.getAccessToken(),
});

/** The ids with a change made here that the server has not answered, for one collection. */
function waitingIn(keys: ReadonlySet<string> | undefined, collection: string): ReadonlySet<string> {
  const prefix = `${collection}/`;
  return new Set([...(keys ?? [])].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)));
}

/** The time, moved on each minute: "today" on the dashboard turns over at midnight, and the figures are summed once a minute at most. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function App() {
  const session = useSyncExternalStore(adminSession.subscribe, adminSession.getSnapshot);
  const data = useSyncExternalStore(adminData.subscribe, adminData.getSnapshot);
  const route = useRoute();
  const [rejections, setRejections] = useState<PushRejection[]>([]);
  const [orderNotices, setOrderNotices] = useState<ReadonlyMap<string, string>>(new Map());

  const own = data.own && data.own.userId === session?.userId ? data.own : undefined;
  const database = own?.database;
  const adminId = own?.userId;
  const signedIn = Boolean(session?.accessToken);

  const orders = useDocuments<Order>(database, 'orders');
  const products = useDocuments<Product>(database, 'products');
  const categories = useDocuments<Category>(database, 'categories');
  const reviews = useDocuments<Review>(database, 'reviews');
  const users = useDocuments<User>(database, 'users');
  const payments = useDocuments<Payment>(database, 'payments');
  const admins = useDocuments<Admin>(database, 'admins');
  // Who recorded a payment, by name (a payment keeps the admin's id).
  const adminNames = useMemo(() => new Map((admins ?? []).map((admin) => [admin.id, admin.name])), [admins]);

  const syncedKey = adminId ? adminSyncedKey(adminId) : undefined;
  const sync = useSyncStatus(data.replication, {
    channel: 'oa-admin-sync-status',
    pendingKey: `oa-admin-pending:${adminId ?? 'none'}`,
    ...(syncedKey ? { lastSyncedKeys: [syncedKey] } : {}),
  });
  const progress = useObservable(useMemo(() => data.replication?.progress$, [data.replication]), []);
  // Read when a replication starts: catching up after a reload is not a first download.
  const syncedBefore = useMemo(
    () => (syncedKey ? readLastSynced(syncedKey) !== undefined : false),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.replication, syncedKey],
  );
  const firstSync = toAdminFirstSyncView(progress, syncedBefore);
  const pendingKeys = sync.status?.pendingKeys;
  const customers = useMemo(() => new Map<string, Customer>((users ?? []).map((user) => [user.id, user])), [users]);
  const ordersById = useMemo(() => new Map((orders ?? []).map((order) => [order.id, order])), [orders]);
  const productNames = useMemo(() => new Map((products ?? []).map((product) => [product.id, product.name])), [products]);
  const [seen, updateSeen] = useSeenOrders(adminId);
  const newCount = countNewOrders(orders ?? [], seen);
  const now = useMinuteClock();
  const order = route.name === 'order' ? ordersById.get(route.id) : undefined;

  // Opening an order's page sees that order: the owner has read it, so it no longer counts as
  // new. Its moves are made on this page, so a moved order is seen too. Runs again when the
  // order first syncs to this device while its page is open.
  useEffect(() => {
    if (order) updateSeen((current) => markOrderSeen(orders ?? [], current, order.id));
  }, [order, orders, updateSeen]);

  useEffect(() => {
    const replication = data.replication;
    if (!replication) return;
    const refused = replication.rejections$.subscribe((rejection) => {
      if (rejection.collection === 'orders') {
        setOrderNotices((notices) => new Map(notices).set(rejection.id, `The server refused this change: ${rejection.message} The order shows the server’s state.`));
      } else setRejections((shown) => [...shown, rejection]);
    });
    // Another admin moved the order first: one winner, and the other is told which move stood.
    const beaten = replication.conflicts$.subscribe((conflict: PushConflict) => {
      if (conflict.collection !== 'orders') return;
      const attempted = toStatusLabel(String(conflict.attempted.status ?? ''));
      const current = toStatusLabel(String(conflict.current.status ?? ''));
      const when = typeof conflict.current.updatedAt === 'string' ? ` at ${formatIndiaDateTime(conflict.current.updatedAt)}` : '';
      setOrderNotices((notices) =>
        new Map(notices).set(conflict.id, `Another admin changed this order first${when}: it is ${current} now, so your change to ${attempted} was not applied. Choose again if it still needs doing.`),
      );
    });
    return () => {
      refused.unsubscribe();
      beaten.unsubscribe();
    };
  }, [data.replication]);

  function clearOrderNotice(id: string): void {
    setOrderNotices((notices) => {
      const next = new Map(notices);
      next.delete(id);
      return next;
    });
  }

  function markSeen(): void {
    updateSeen((current) => markAllSeen(orders ?? [], current));
  }

  async function signOut(): Promise<void> {
    setRejections([]);
    setOrderNotices(new Map());
    navigate({ name: 'dashboard' });
    await adminData.signOut();
  }

  const nav = (to: Route, label: string, current: boolean) => (
    <Link to={to} current={current}>{label}</Link>
  );
  const waitingCount = sync.status?.pendingUploads ?? 0;

  if (!own || !signedIn) {
    return (
      <>
        <header className="top">
          <h1>Annavaram Admin</h1>
        </header>
        <UpdatePrompt outdated={data.outdated} register={registerSW} appName="admin app" />
        <main>
          {data.problem ? <p role="alert">This device could not open the app’s storage: {data.problem}</p> : null}
          <AdminSignIn store={adminSession} ended={session && !signedIn ? session : undefined} />
          {session && !signedIn && waitingCount > 0 ? <p className="note">{waitingCount} changes wait on this device.</p> : null}
        </main>
      </>
    );
  }

  return (
    <>
      <header className="top">
        <h1><Link to={{ name: 'dashboard' }}>Annavaram Admin</Link></h1>
        <SyncStatusIndicator role={sync.role} status={sync.status} outdated={data.outdated} syncUrlMissing={data.syncUrlMissing} firstSync={firstSync} />
      </header>
      <UpdatePrompt outdated={data.outdated} register={registerSW} appName="admin app" />
      {rejections.length > 0 ? (
        <div className="rejections" role="alert" data-testid="rejections">
          <ul>
            {rejections.map(toRejectionView).map((view) => (
              <li key={view.key}><strong>{view.what}:</strong> {view.why} {view.next}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setRejections([])}>Dismiss</button>
        </div>
      ) : null}
      <main>
        {route.name === 'dashboard' ? <DashboardPage orders={orders} now={now} onOpenStatus={(status) => navigate({ name: 'orders', status })} /> : null}
        {route.name === 'orders' ? (
          <OrdersPage
            orders={orders}
            customers={customers}
            status={route.status}
            onStatus={(status) => navigate({ name: 'orders', status }, { replace: true })}
            seen={seen}
            newCount={newCount}
            onMarkSeen={markSeen}
            waiting={waitingIn(pendingKeys, 'orders')}
          />
        ) : null}
        {route.name === 'order' ? (
          <OrderPage
            key={route.id}
            order={order}
            customer={order && customers.get(order.userId)}
            payment={order ? toPaymentSummary(order, payments ?? [], adminNames) : ''}
            waiting={pendingKeys?.has(`orders/${route.id}`) ?? false}
            notice={orderNotices.get(route.id)}
            onMove={async (to, note) => {
              clearOrderNotice(route.id);
              await moveOrder(database!, route.id, to, note);
            }}
            onRecordPayment={async (to) => {
              clearOrderNotice(route.id);
              await recordPayment(database!, route.id, to);
            }}
          />
        ) : null}
        {route.name === 'products' ? (
          <ProductsPage
            products={products}
            categories={categories ?? []}
            onEdit={(id) => navigate({ name: 'product', id })}
            onToggleActive={(product) => void saveDocument(database!, 'products', toggleActive(product, new Date().toISOString()))}
            onDelete={(id) => void deleteDocument(database!, 'products', id)}
          />
        ) : null}
        {route.name === 'product' ? (
          products === undefined ? (
            <p className="empty">Loading…</p>
          ) : (
            <ProductEditor
              key={route.id}
              product={route.id === 'new' ? undefined : products.find((product) => product.id === route.id)}
              products={products}
              categories={categories ?? []}
              onSave={async (product) => {
                await saveDocument(database!, 'products', product);
                navigate({ name: 'products' });
              }}
              onCancel={() => navigate({ name: 'products' })}
              photos={adminPhotos}
            />
          )
        ) : null}
        {route.name === 'categories' ? (
          <CategoriesPage
            categories={categories}
            products={products ?? []}
            onSave={(category) => saveDocument(database!, 'categories', category)}
            onDelete={(id) => void deleteDocument(database!, 'categories', id)}
          />
        ) : null}
        {route.name === 'reviews' ? (
          <ReviewsPage reviews={reviews} productNames={productNames} waiting={waitingIn(pendingKeys, 'reviews')} onModerate={(id, change) => void moderateReview(database!, id, change)} />
        ) : null}
        {route.name === 'users' ? <UsersPage users={users} /> : null}
        {route.name === 'payments' ? <PaymentsPage payments={payments} orders={ordersById} adminNames={adminNames} /> : null}
        {route.name === 'admins' ? (
          <AdminsPage
            admins={admins}
            selfId={adminId}
            waiting={waitingIn(pendingKeys, 'admins')}
            onToggle={(id, isActive) => void setAdminActive(database!, id, isActive)}
            onCreate={async (admin) => void (await accounts.create(admin))}
            onSetPassword={(id, password, current) => accounts.setPassword(id, password, current)}
          />
        ) : null}
        {route.name === 'more' ? (
          <section aria-labelledby="more-title" className="more">
            <h2 id="more-title">More</h2>
            <ul className="menu">
              <li><Link to={{ name: 'categories' }}>Categories</Link></li>
              <li><Link to={{ name: 'users' }}>Shoppers</Link></li>
              <li><Link to={{ name: 'payments' }}>Payments</Link></li>
              <li><Link to={{ name: 'admins' }}>Admins</Link></li>
            </ul>
            <p>Signed in as <strong>{session?.name || session?.email}</strong>.</p>
            {waitingCount > 0 ? <p className="note">{waitingCount} changes have not reached the server yet: signing out now loses them.</p> : null}
            <button type="button" className="big" onClick={() => void signOut()}>Sign out</button>
          </section>
        ) : null}
        {route.name === 'not-found' ? (
          <section className="panel">
            <h2>Page not found</h2>
            <p><Link to={{ name: 'dashboard' }}>Back to the dashboard</Link></p>
          </section>
        ) : null}
      </main>
      <nav className="bottom-nav" aria-label="Admin">
        {nav({ name: 'dashboard' }, 'Home', route.name === 'dashboard')}
        {nav({ name: 'orders' }, newCount > 0 ? `Orders (${newCount} new)` : 'Orders', route.name === 'orders' || route.name === 'order')}
        {nav({ name: 'products' }, 'Products', route.name === 'products' || route.name === 'product')}
        {nav({ name: 'reviews' }, 'Reviews', route.name === 'reviews')}
        {nav({ name: 'more' }, 'More', ['more', 'categories', 'users', 'payments', 'admins'].includes(route.name))}
      </nav>
    </>
  );
}
