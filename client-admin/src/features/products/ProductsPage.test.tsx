// @vitest-environment happy-dom
/**
 * The products list: what a row shows (its thumbnail too), search and filter, and the buttons'
 * callbacks (delete only after confirming). React Testing Library on happy-dom.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProductsPage, type ProductsPageProps } from './ProductsPage';
import { books, prasadam, toProduct } from './test-fixtures';

afterEach(() => cleanup());

const laddu = toProduct('p1', 'Laddu', { price: 60, stock: 120 });
const camphor = toProduct('p2', 'Camphor Tablets', { price: 1234.5, stock: 0, isActive: false, slug: 'karpuram' });
const katha = toProduct('p3', 'Vratha Katha', { price: 80, categoryId: 'cat-books', category: 'Books' });
const orphan = toProduct('p4', 'Old Calendar', { categoryId: 'cat-gone', category: 'Calendars' });

function renderPage(props: Partial<ProductsPageProps> = {}) {
  const callbacks = { onEdit: vi.fn(), onToggleActive: vi.fn(), onDelete: vi.fn() };
  render(<ProductsPage products={[laddu, camphor, katha]} categories={[prasadam, books]} {...callbacks} {...props} />);
  return callbacks;
}
const shownNames = () => screen.queryAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
const row = (name: string) => screen.getByRole('heading', { level: 3, name }).closest('li')!;

describe('the products page', () => {
  it('lists every product by name with its price in rupees, stock, category and state', () => {
    renderPage();
    expect(shownNames()).toEqual(['Camphor Tablets', 'Laddu', 'Vratha Katha']);
    expect(within(row('Laddu')).getByText('₹60')).toBeTruthy();
    expect(within(row('Laddu')).getByText('120 in stock')).toBeTruthy();
    expect(within(row('Laddu')).getByText('Prasadam')).toBeTruthy();
    expect(within(row('Laddu')).getByText('Active')).toBeTruthy();
    expect(within(row('Camphor Tablets')).getByText('₹1,234.50')).toBeTruthy();
    expect(within(row('Camphor Tablets')).getByText('Out of stock')).toBeTruthy();
    expect(within(row('Camphor Tablets')).getByText('Inactive')).toBeTruthy();
    expect(within(row('Vratha Katha')).getByText('Books')).toBeTruthy();
  });

  it('shows each product’s first image as a small, lazily loaded, fixed-size thumbnail', () => {
    const pictured = toProduct('p5', 'Kumkum', { images: ['/images/kumkum-front.jpg', '/images/kumkum-back.jpg'], imageUrl: '/images/kumkum-front.jpg' });
    renderPage({ products: [pictured] });
    const thumbnail = row('Kumkum').querySelector('img')!;
    expect(thumbnail.getAttribute('src')).toBe('/images/kumkum-front.jpg');
    expect(thumbnail.getAttribute('alt')).toBe('');
    expect(thumbnail.getAttribute('loading')).toBe('lazy');
    expect([thumbnail.getAttribute('width'), thumbnail.getAttribute('height')]).toEqual(['56', '56']);
  });

  it('shows a legacy product’s imageUrl when it has no images', () => {
    renderPage({ products: [toProduct('p6', 'Old Laddu', { images: [], imageUrl: 'https://cdn.example/laddu.png' })] });
    expect(row('Old Laddu').querySelector('img')!.getAttribute('src')).toBe('https://cdn.example/laddu.png');
  });

  it('shows a placeholder for a product without an image, or whose image does not load', () => {
    const { imageUrl: _none, ...bare } = toProduct('p7', 'Plain Sugar', { images: [] });
    renderPage({ products: [bare, laddu] });
    expect(row('Plain Sugar').querySelector('img')).toBeNull();
    expect(within(row('Plain Sugar')).getByTestId('product-thumb-placeholder')).toBeTruthy();

    fireEvent.error(row('Laddu').querySelector('img')!);
    expect(row('Laddu').querySelector('img')).toBeNull();
    expect(within(row('Laddu')).getByTestId('product-thumb-placeholder')).toBeTruthy();
  });

  it('says when a product’s category is gone', () => {
    renderPage({ products: [orphan] });
    expect(within(row('Old Calendar')).getByText('Calendars (category missing)')).toBeTruthy();
  });

  it('searches names and slugs, and filters active and inactive products', () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Search products'), { target: { value: 'karpur' } });
    expect(shownNames()).toEqual(['Camphor Tablets']);
    fireEvent.change(screen.getByLabelText('Search products'), { target: { value: 'LAD' } });
    expect(shownNames()).toEqual(['Laddu']);
    expect(screen.getByText('1 of 3 products')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search products'), { target: { value: '' } });

    fireEvent.click(screen.getByRole('button', { name: 'Inactive' }));
    expect(shownNames()).toEqual(['Camphor Tablets']);
    expect(screen.getByRole('button', { name: 'Inactive' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Active' }));
    expect(shownNames()).toEqual(['Laddu', 'Vratha Katha']);
    fireEvent.change(screen.getByLabelText('Search products'), { target: { value: 'camphor' } });
    expect(screen.getByText('No products match.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    expect(shownNames()).toEqual(['Camphor Tablets']);
  });

  it('asks to edit a product, or to add a new one', () => {
    const { onEdit } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Laddu' }));
    expect(onEdit).toHaveBeenLastCalledWith('p1');
    fireEvent.click(screen.getByRole('button', { name: 'Add a product' }));
    expect(onEdit).toHaveBeenLastCalledWith('new');
  });

  it('deactivates an active product and activates an inactive one', () => {
    const { onToggleActive } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Laddu' }));
    expect(onToggleActive).toHaveBeenLastCalledWith(laddu);
    fireEvent.click(screen.getByRole('button', { name: 'Activate Camphor Tablets' }));
    expect(onToggleActive).toHaveBeenLastCalledWith(camphor);
    expect(screen.queryByRole('button', { name: 'Deactivate Camphor Tablets' })).toBeNull();
  });

  it('deletes only after the admin confirms, and keeps the product on Keep', () => {
    const { onDelete } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Laddu' }));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByText('Delete Laddu? Shoppers will no longer see it.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep' }));

    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.queryByText(/Shoppers will no longer see it/)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete Laddu' }));
    expect(onDelete).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Delete Laddu' }));
    fireEvent.click(within(row('Laddu')).getByRole('button', { name: 'Delete' }));
    expect(onDelete).toHaveBeenCalledExactlyOnceWith('p1');
  });

  it('says when the products are still loading, and when there are none', () => {
    renderPage({ products: undefined });
    expect(screen.getByText('Loading products…')).toBeTruthy();
    cleanup();
    renderPage({ products: [] });
    expect(screen.getByText('No products yet: add the first one.')).toBeTruthy();
  });
});
