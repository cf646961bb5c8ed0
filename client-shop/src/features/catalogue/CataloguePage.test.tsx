// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
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
  it('lists the products by name with their count', () => {
    render(<CataloguePage products={products} categories={categories} onAdd={() => undefined} />);
    expect(shownNames()).toEqual(['Laddu', 'Pulihora Mix', 'Vratha Katha']);
    expect(screen.getByText('3 products')).toBeTruthy();
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
});
