// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, product, render, screen, waitFor, within } from '../../testing/render';
import { CataloguePage } from './CataloguePage';

const categories = [
  { id: 'cat-1', name: 'Prasadam', sortOrder: 1 },
  { id: 'cat-2', name: 'Books', sortOrder: 2 },
];
const products = [
  product('p1', { name: 'Laddu', price: 60, tags: ['sweet'] }),
  product('p2', { name: 'Pulihora Mix', price: 90 }),
  product('p3', { name: 'Vratha Katha', price: 80, categoryId: 'cat-2', stock: 0 }),
];
const shownNames = () => screen.queryAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);

describe('the catalogue page', () => {
  // The page reads and writes the address and history state: each test starts on a fresh shop page.
  beforeEach(() => history.replaceState(null, '', '/'));

  it('lists the products by name with their count', () => {
    render(<CataloguePage products={products} categories={categories} onAdd={() => undefined} />);
    expect(shownNames()).toEqual(['Laddu', 'Pulihora Mix', 'Vratha Katha']);
    expect(screen.getByText('3 products')).toBeTruthy();
  });

  it.each([
    ['a device that never had the catalogue', [], true, 'The catalogue has not reached this device yet: it downloads as soon as the shop can be reached.'],
    ['a shop with no products, caught up', [], false, 'No products here yet.'],
    ['a device with part of the catalogue, still downloading, in an empty category', [product('p9', { categoryId: 'cat-1' })], true, 'No products here yet.'],
  ] as const)('says what an empty list means on %s', (_case, shown, notDownloaded, text) => {
    render(<CataloguePage products={shown} categories={categories} onAdd={() => undefined} notDownloaded={notDownloaded} />);
    if (shown.length > 0) fireEvent.click(screen.getByRole('button', { name: 'Books' }));
    expect(screen.getByTestId('catalogue-empty').textContent).toBe(text);
  });

  it('searches, filters by category and sorts', async () => {
    render(<CataloguePage products={products} categories={categories} onAdd={() => undefined} />);
    fireEvent.change(screen.getByPlaceholderText('Search products'), { target: { value: 'sweet' } });
    await waitFor(() => expect(shownNames()).toEqual(['Laddu']));
    fireEvent.change(screen.getByPlaceholderText('Search products'), { target: { value: 'nothing like it' } });
    await waitFor(() => expect(screen.getByText('Nothing matches “nothing like it”.')).toBeTruthy());
    fireEvent.change(screen.getByPlaceholderText('Search products'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Books' }));
    await waitFor(() => expect(shownNames()).toEqual(['Vratha Katha']));
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'price-desc' } });
    await waitFor(() => expect(shownNames()).toEqual(['Pulihora Mix', 'Vratha Katha', 'Laddu']));
  });

  it('fetches the pictures of the first screen at once and the rest as they come into view', () => {
    const many = Array.from({ length: 8 }, (_, i) => product(`m${i}`, { name: `Item ${i}`, images: [`/images/m${i}.webp`] }));
    render(<CataloguePage products={many} categories={categories} onAdd={() => undefined} />);
    const loading = screen.getAllByRole('listitem').map((item) => item.querySelector('img')?.getAttribute('loading'));
    expect(loading).toEqual(['eager', 'eager', 'eager', 'eager', 'lazy', 'lazy', 'lazy', 'lazy']);
  });

  it('shows a page of products at a time, and more on request', () => {
    const many = Array.from({ length: 30 }, (_, i) => product(`m${String(i).padStart(2, '0')}`, { name: `Item ${String(i).padStart(2, '0')}` }));
    render(<CataloguePage products={many} categories={categories} onAdd={() => undefined} />);
    expect(shownNames()).toHaveLength(24);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (6 left)' }));
    expect(shownNames()).toHaveLength(30);
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('adds to the cart only what is in stock, and saves to the wishlist when it may', () => {
    const onAdd = vi.fn();
    const onWishlist = vi.fn();
    render(<CataloguePage products={products} categories={categories} onAdd={onAdd} onWishlist={onWishlist} wishlisted={new Set(['p2'])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add Laddu to cart' }));
    expect(onAdd).toHaveBeenCalledWith('p1');
    expect(screen.queryByRole('button', { name: 'Add Vratha Katha to cart' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save Laddu to wishlist' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Pulihora Mix from wishlist' }));
    expect(onWishlist.mock.calls).toEqual([['p1', true], ['p2', false]]);
  });

  it('offers no wishlist to a visitor', () => {
    render(<CataloguePage products={products} categories={categories} onAdd={() => undefined} />);
    const card = screen.getByText('Laddu').closest('li')!;
    expect(within(card).queryByRole('button', { name: /wishlist/ })).toBeNull();
  });

  it('keeps the search, category and sort in the address, without adding history entries', async () => {
    const before = history.length;
    render(<CataloguePage products={products} categories={categories} onAdd={() => undefined} />);
    fireEvent.change(screen.getByPlaceholderText('Search products'), { target: { value: 'mix' } });
    fireEvent.click(screen.getByRole('button', { name: 'Prasadam' }));
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'price-desc' } });
    await waitFor(() => expect(location.search).toBe('?q=mix&category=cat-1&sort=price-desc'));
    expect(history.length).toBe(before);
  });

  it('comes back with the query of its address (Back, a reload or a shared link)', () => {
    history.replaceState(null, '', '/?category=cat-1&sort=price-desc');
    render(<CataloguePage products={products} categories={categories} onAdd={() => undefined} />);
    expect(shownNames()).toEqual(['Pulihora Mix', 'Laddu']);
    expect(screen.getByRole('button', { name: 'Prasadam' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByLabelText('Sort') as HTMLSelectElement).value).toBe('price-desc');
  });

  it('saves its place before leaving for a product, and returns to it with as many products shown', () => {
    const many = Array.from({ length: 30 }, (_, i) => product(`m${String(i).padStart(2, '0')}`, { name: `Item ${String(i).padStart(2, '0')}` }));
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    const first = render(<CataloguePage products={many} categories={categories} onAdd={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (6 left)' }));
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 1234 });
    // The product's page is pushed as a new entry; Back returns to this one, as kept here.
    const push = vi.spyOn(history, 'pushState').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('link', { name: 'Item 27' }));
    expect(push).toHaveBeenCalledWith(null, '', '/products/m27');
    push.mockRestore();
    first.unmount();

    render(<CataloguePage products={many} categories={categories} onAdd={() => undefined} />);
    expect(shownNames()).toHaveLength(30);
    expect(scrollTo).toHaveBeenLastCalledWith(0, 1234);
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
    scrollTo.mockRestore();
  });

  it('shows how many are in the cart with − and +, capped by the stock', () => {
    const onQuantity = vi.fn();
    const few = [product('p1', { name: 'Laddu', stock: 3 }), product('p2', { name: 'Mix', stock: 50 })];
    render(<CataloguePage products={few} categories={categories} onAdd={() => undefined} cartQuantities={new Map([['p1', 3], ['p2', 1]])} onQuantity={onQuantity} />);
    expect(screen.queryByRole('button', { name: 'Add Laddu to cart' })).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Laddu in your cart' })).getByText('3 in cart')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'One more Laddu' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'One fewer Laddu' }));
    fireEvent.click(screen.getByRole('button', { name: 'One more Mix' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Mix from cart' }));
    expect(onQuantity.mock.calls).toEqual([['p1', 2], ['p2', 2], ['p2', 0]]);
  });

  it('moves the focus to + when the added product shows its quantity', () => {
    const props = { products: [product('p1', { name: 'Laddu' })], categories, onAdd: vi.fn(), onQuantity: vi.fn() };
    const { rerender } = render(<CataloguePage {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add Laddu to cart' }));
    expect(props.onAdd).toHaveBeenCalledWith('p1');
    rerender(<CataloguePage {...props} cartQuantities={new Map([['p1', 1]])} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'One more Laddu' }));
  });

  it('shows a placeholder of the picture’s size for a product without one', () => {
    render(<CataloguePage products={[product('p1', { name: 'Laddu' })]} categories={categories} onAdd={() => undefined} />);
    const placeholder = screen.getByTestId('product-image-placeholder');
    expect(placeholder.className).toBe('product__image product__image--none');
    expect(placeholder.querySelector('svg')).toBeTruthy();
  });
});
