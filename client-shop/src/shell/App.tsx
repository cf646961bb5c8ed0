/**
 * The shop's shell: the header (sync status, navigation), the banners (update, first sync,
 * refusals, an ended session) and the screen of the current address. Everything renders from the
 * device's databases (shop-data.ts), so it all works offline once synced; writes wait there
 * until the server is back. Screens are in features/; this file only wires data to them.
 */
import { toFirstSyncView, toSessionId, toSessionState, type PushRejection } from '@oa/client-sync';
import { readLastSynced } from '@oa/client-sync/browser';
import { SyncStatusIndicator, UpdatePrompt, useDocuments, useDroppedIds, useObservable, useStoreSnapshot, useSyncStatus } from '@oa/client-sync/react';
import { registerSW } from 'virtual:pwa-register';
import type { CartItem, Order, Review, Session, User, Wishlist } from '@oa/schema';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  addToCart,
  addToWishlist,
  cancelOrder,
  endSession,
  moveToCart,
  moveToWishlist,
  placeOrder,
  removeCartLine,
  removeFromWishlist,
  saveProfile,
  setCartQuantity,
  writeReview,
} from '../data/shop-actions';
import { useDeliveryRule } from '../data/use-delivery-rule';
import { DevicesList } from '../features/account/DevicesList';
import { toDeviceViews } from '../features/account/devices.logic';
import { SignInForm } from '../features/account/SignInForm';
import { SignInLink } from '../features/account/SignInLink';
import { parseSignInReturn, type SignInReturn } from '../features/account/sign-in-return.logic';
import { guestUserId, toCartLines } from '../features/cart/cart.logic';
import { CartView } from '../features/cart/CartView';
import { toImages, type CatalogueCategory, type CatalogueProduct } from '../features/catalogue/catalogue.logic';
import { CataloguePage } from '../features/catalogue/CataloguePage';
import { toShownCatalogue } from '../features/catalogue/early-catalogue.logic';
import { CheckoutForm } from '../features/checkout/CheckoutForm';
import { toOrderViews, type OrderView } from '../features/orders/orders.logic';
import { MyOrders } from '../features/orders/MyOrders';
import { findOrderPageView } from '../features/orders/order-page.logic';
import { OrderPage } from '../features/orders/OrderPage';
import { ProductPage } from '../features/product/ProductPage';
import { AddressBook } from '../features/profile/AddressBook';
import { ProfileForm } from '../features/profile/ProfileForm';
import { withAddress } from '../features/profile/profile.logic';
import { toProductReviews, toReviewing } from '../features/reviews/reviews.logic';
import { toWishlistProducts } from '../features/wishlist/wishlist.logic';
import { WishlistView } from '../features/wishlist/WishlistView';
import { Link } from './router';
import { RejectionsNotice } from './RejectionsNotice';
import { saveCatalogueSnapshot } from './catalogue-snapshot';
import { catalogueSyncedKey, earlyCatalogue } from './early-catalogue';
import { shopData, whenCatalogueOpen, whenOwnOpen } from './shop-data';
import { ShopHeader } from './ShopHeader';
import { toShopNavItems } from './shop-nav.logic';
import { shopSession } from './shop-session';
import { navigate, useRoute } from './router';

export function App() {
  const session = useSyncExternalStore(shopSession.subscribe, shopSession.getSnapshot);
  // The databases opening and the first page arriving render in slices (use-store-snapshot.ts).
  const data = useStoreSnapshot(shopData);
  const route = useRoute();
  const deliveryRule = useDeliveryRule();
  const [rejections, setRejections] = useState<PushRejection[]>([]);
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);

  const catalogue = data.shared;
  // The shopper's database only while it is theirs (a sign-out or switch in another tab).
  const user = data.own && data.own.userId === session?.userId ? data.own : undefined;
  const userId = user?.userId;
  const signedIn = Boolean(session?.accessToken);
  // Signed out elsewhere (or expired): the shopper's database stays for what waits to go up, but
  // their orders, wishlist, devices and addresses are not shown to whoever holds the device now.
  const signedOut = toSessionState(session).kind === 'signed-out';
  const personal = signedOut ? undefined : user;

  const storedProducts = useDocuments<CatalogueProduct>(catalogue, 'products');
  const storedCategories = useDocuments<CatalogueCategory>(catalogue, 'categories');
  const early = useStoreSnapshot(earlyCatalogue);
  const shownReviews = useDocuments<Review>(catalogue, 'reviews') ?? [];
  const guestCart = useDocuments<CartItem>(catalogue, 'cart_items') ?? [];
  const ownCart = useDocuments<CartItem>(user?.database, 'cart_items') ?? [];
  // undefined until the first result: an order's page says "loading", not "not on this device".
  const storedOrders = useDocuments<Order>(user?.database, 'orders');
  const orders = storedOrders ?? [];
  const wishlist = useDocuments<Wishlist>(user?.database, 'wishlists')?.[0];
  const profile = useDocuments<User>(user?.database, 'users')?.find((doc) => doc.id === userId);
  const sessions = useDocuments<Session>(user?.database, 'sessions') ?? [];
  // Their own reviews (waiting, or hidden by the shop) carry their name: personal data too.
  const ownReviews = useDocuments<Review>(personal?.database, 'reviews') ?? [];
  // The shopper's reviews the server has since dropped from the catalogue: hidden by the shop.
  const hiddenOwnReviews = useDroppedIds(catalogue, 'reviews', ownReviews.map((review) => review.id));

  // The last in-sync time per database: the catalogue's (every visitor's) and the shopper's own.
  const ownSyncedKey = userId ? `oa-shop-last-synced:${userId}` : undefined;
  const sync = useSyncStatus(data.replication, {
    channel: 'oa-shop-sync-status',
    pendingKey: `oa-shop-pending:${userId ?? 'visitor'}`,
    lastSyncedKeys: ownSyncedKey ? [ownSyncedKey, catalogueSyncedKey] : [catalogueSyncedKey],
  });
  const progress = useObservable(useMemo(() => data.replication?.progress$, [data.replication]), []);
  // Read when a replication starts: catching up after a reload is not a first download.
  const syncedBefore = useMemo(
    () => ({ catalogue: readLastSynced(catalogueSyncedKey) !== undefined, own: ownSyncedKey ? readLastSynced(ownSyncedKey) !== undefined : false }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.replication],
  );
  const firstSync = toFirstSyncView(progress, syncedBefore);
  // A fresh device shows the first pages pulled before RxDB loaded until its own database has them.
  const productsCaughtUp = progress.some((collection) => collection.collection === 'products' && collection.caughtUp);
  const { products, categories } = toShownCatalogue({ products: storedProducts, categories: storedCategories, caughtUp: productsCaughtUp }, early);
  // The next visit's first paint: a copy of what the device's database holds (shell/catalogue-snapshot.ts);
  // an empty database is copied only once it has caught up (emptied on the server), not while it opens.
  useEffect(() => {
    if (storedProducts && storedCategories && (storedProducts.length > 0 || productsCaughtUp)) saveCatalogueSnapshot(storedProducts, storedCategories);
  }, [storedProducts, storedCategories, productsCaughtUp]);
  const productsById = useMemo(() => new Map((products ?? []).map((product) => [product.id, product])), [products]);
  const cartItems = user ? ownCart : session ? [] : guestCart;
  const cartLines = useMemo(() => toCartLines(cartItems, products ?? []), [cartItems, products]);
  const cartCount = cartLines.reduce((sum, line) => sum + line.quantity, 0);
  // Each product's quantity in the cart, and its line, for the − and + on its card and page.
  const cartByProduct = useMemo(() => new Map(cartLines.map((line) => [line.productId, line])), [cartLines]);
  const cartQuantities = useMemo(() => new Map(cartLines.map((line) => [line.productId, line.quantity])), [cartLines]);
  const wishlisted = useMemo(() => new Set(wishlist?.productIds ?? []), [wishlist]);

  useEffect(() => {
    const subscription = data.replication?.rejections$.subscribe((rejection) => setRejections((shown) => [...shown, rejection]));
    return () => subscription?.unsubscribe();
  }, [data.replication]);

  const onAdd = (productId: string): void => {
    if (user) void addToCart(user.database, user.userId, productId);
    else if (catalogue && !session) void addToCart(catalogue, guestUserId, productId);
    // Tapped on the early page, before the shopper's or the visitor's database has opened: added
    // once it has (the shopper's only while they are still the one signed in).
    else if (session) {
      const shopperId = session.userId;
      void whenOwnOpen(shopperId).then((opened) => opened && addToCart(opened, shopperId, productId));
    } else void whenCatalogueOpen().then((opened) => opened && addToCart(opened, guestUserId, productId));
  };
  const onQuantity = (productId: string, quantity: number): void => {
    const line = cartByProduct.get(productId);
    const database = user ? user.database : session ? undefined : catalogue;
    if (line && database) void setCartQuantity(database, line.id, quantity);
  };

  // A sign-in started from a screen that needed it goes back there (only a known screen: no open redirect).
  useEffect(() => {
    if (route.name !== 'account' || !user || !signedIn) return;
    const next = parseSignInReturn(location.search);
    if (next) navigate({ name: next }, { replace: true });
  }, [route.name, user, signedIn]);
  const putBackInCart = (order: Pick<OrderView, 'items'>): void => {
    if (!user) return;
    void (async () => {
      for (const item of order.items) if (productsById.has(item.productId)) await addToCart(user.database, user.userId, item.productId, item.quantity);
      navigate({ name: 'cart' });
    })();
  };
  const onWishlist = user
    ? (productId: string, save: boolean): void => void (save ? addToWishlist : removeFromWishlist)(user.database, user.userId, productId)
    : undefined;

  async function signOut(): Promise<void> {
    setConfirmingSignOut(false);
    setRejections([]);
    navigate({ name: 'shop' });
    await shopData.signOut();
  }
  const waiting = sync.status?.pendingUploads ?? 0;

  return (
    <>
      <ShopHeader
        items={toShopNavItems({ route, signedIn, personal: Boolean(personal), cartCount, wishlistCount: wishlisted.size })}
        status={
          // One line in the header, which keeps its height: the first download is said in it too.
          <SyncStatusIndicator role={sync.role} status={sync.status} signedOut={signedOut} outdated={data.outdated} syncUrlMissing={data.syncUrlMissing} firstSync={firstSync} />
        }
      />
      <UpdatePrompt outdated={data.outdated} register={registerSW} appName="shop" settled={storedProducts !== undefined && (productsCaughtUp || syncedBefore.catalogue)} />
      {signedOut ? (
        <p className="session-ended" role="alert">
          You were signed out on this device.{' '}
          {route.name === 'account' ? 'Sign in again' : <Link to={{ name: 'account' }}>Sign in again</Link>} to send the changes saved on it.
        </p>
      ) : null}
      <RejectionsNotice rejections={rejections} onDismiss={() => setRejections([])} />
      <main>
        {data.problem ? <p role="alert">This device could not open the shop’s storage: {data.problem}</p> : null}
        {route.name === 'shop' ? (
          products === undefined ? (
            <p className="empty">Loading the catalogue…</p>
          ) : (
            <CataloguePage
              products={products}
              categories={categories}
              onAdd={onAdd}
              onWishlist={onWishlist}
              wishlisted={wishlisted}
              cartQuantities={cartQuantities}
              onQuantity={onQuantity}
              notDownloaded={!productsCaughtUp && !syncedBefore.catalogue}
            />
          )
        ) : null}
        {route.name === 'product' ? (
          products === undefined ? (
            <p className="empty">Loading…</p>
          ) : (
            <ProductPage
              product={productsById.get(route.id)}
              categoryName={categories.find((category) => category.id === productsById.get(route.id)?.categoryId)?.name}
              reviews={toProductReviews(route.id, shownReviews, ownReviews, hiddenOwnReviews)}
              reviewing={toReviewing({ productId: route.id, userId: user && signedIn ? user.userId : undefined, shown: shownReviews, own: ownReviews, hiddenOwn: hiddenOwnReviews })}
              onAdd={onAdd}
              onWishlist={onWishlist}
              wishlisted={wishlisted.has(route.id)}
              quantity={cartQuantities.get(route.id) ?? 0}
              onQuantity={onQuantity}
              onReview={async (review) => {
                if (!user) return;
                await writeReview(user.database, { userId: user.userId, userName: profile?.name ?? session?.name, productId: route.id, ...review });
              }}
            />
          )
        ) : null}
        {route.name === 'cart' ? (
          <CartView
            lines={cartLines}
            signedIn={Boolean(user)}
            deliveryRule={deliveryRule}
            onQuantity={(lineId, quantity) => void setCartQuantity(user?.database ?? catalogue!, lineId, quantity)}
            onRemove={(lineId) => void removeCartLine(user?.database ?? catalogue!, lineId)}
            onMoveToWishlist={user ? (line) => void moveToWishlist(user.database, user.userId, line) : undefined}
            onCheckout={() => navigate({ name: 'checkout' })}
          />
        ) : null}
        {route.name === 'wishlist' ? (
          signedOut ? (
            <SignInForm store={shopSession} ended={session} waiting={waiting || undefined} />
          ) : user ? (
            <WishlistView
              products={toWishlistProducts(wishlist?.productIds ?? [], products ?? [])}
              onMoveToCart={(productId) => void moveToCart(user.database, user.userId, productId)}
              onRemove={(productId) => void removeFromWishlist(user.database, user.userId, productId)}
            />
          ) : (
            <SignInPrompt what="keep a wishlist" next="wishlist" />
          )
        ) : null}
        {route.name === 'checkout' ? (
          user ? (
            <CheckoutForm
              lines={cartLines}
              savedAddresses={personal ? (profile?.addresses ?? []) : []}
              deliveryRule={deliveryRule}
              prefill={personal ? { name: profile?.name || session?.name, phone: profile?.phone } : undefined}
              onPlace={async (address, save) => {
                await placeOrder(user.database, user.userId, cartLines, address, deliveryRule);
                if (save && profile) await saveProfile(user.database, user.userId, { addresses: withAddress(profile.addresses, address, crypto.randomUUID()) });
                navigate({ name: 'orders' });
              }}
            />
          ) : (
            <SignInPrompt what="check out" next="checkout" />
          )
        ) : null}
        {route.name === 'orders' ? (
          signedOut ? (
            <SignInForm store={shopSession} ended={session} waiting={waiting || undefined} />
          ) : user ? (
            <MyOrders orders={toOrderViews(orders)} onBackToCart={putBackInCart} />
          ) : (
            <SignInPrompt what="see your orders" next="orders" />
          )
        ) : null}
        {route.name === 'order' ? (
          signedOut ? (
            <SignInForm store={shopSession} ended={session} waiting={waiting || undefined} />
          ) : user ? (
            storedOrders === undefined ? (
              <p className="empty">Loading your order…</p>
            ) : (
              <OrderPage
                key={route.id}
                order={findOrderPageView(storedOrders, route.id, (productId) => toImages(productsById.get(productId) ?? {})[0])}
                onCancel={(orderId) => cancelOrder(user.database, orderId)}
                onBackToCart={putBackInCart}
              />
            )
          ) : session ? (
            // A reload or a shared link: the shopper's database is still opening.
            <p className="empty">Loading your order…</p>
          ) : (
            <SignInPrompt what="see your orders" next="orders" />
          )
        ) : null}
        {route.name === 'account' ? (
          user && signedIn ? (
            <section className="panel account" aria-labelledby="account-title">
              <h2 id="account-title">Your account</h2>
              <p>Signed in as <strong>{profile?.name || session?.name || session?.email}</strong>.</p>
              {profile ? (
                <>
                  <ProfileForm
                    key={profile.id}
                    name={profile.name}
                    phone={profile.phone}
                    email={profile.email}
                    onSave={async (changes) => void (await saveProfile(user.database, user.userId, changes))}
                  />
                  <AddressBook addresses={profile.addresses} onChange={async (addresses) => void (await saveProfile(user.database, user.userId, { addresses }))} />
                </>
              ) : (
                <p className="empty">Your profile arrives with the next sync.</p>
              )}
              <DevicesList devices={toDeviceViews(sessions, toSessionId(session), new Date())} onSignOutDevice={(id) => void endSession(user.database, id)} />
              {confirmingSignOut ? (
                <div role="alert" className="confirm">
                  <p>{waiting === 1 ? '1 change has' : `${waiting} changes have`} not reached the shop yet and will be lost if you sign out now.</p>
                  <button type="button" onClick={() => void signOut()}>Sign out anyway</button>
                  <button type="button" onClick={() => setConfirmingSignOut(false)}>Stay signed in</button>
                </div>
              ) : (
                <button type="button" onClick={() => (waiting > 0 ? setConfirmingSignOut(true) : void signOut())}>Sign out</button>
              )}
            </section>
          ) : (
            <SignInForm store={shopSession} ended={session && !signedIn ? session : undefined} waiting={waiting || undefined} />
          )
        ) : null}
        {route.name === 'not-found' ? (
          <section className="panel">
            <h2>Page not found</h2>
            <p><Link to={{ name: 'shop' }}>Back to the shop</Link></p>
          </section>
        ) : null}
      </main>
    </>
  );
}

function SignInPrompt({ what, next }: { what: string; next: SignInReturn }) {
  return (
    <section className="panel">
      <p><SignInLink next={next}>Sign in or create an account</SignInLink> to {what}.</p>
    </section>
  );
}
