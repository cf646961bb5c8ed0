// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, product, render, screen, waitFor } from '../../testing/render';
import type { ReviewView } from '../reviews/reviews.logic';
import { ProductPage, type ProductPageProps } from './ProductPage';

const review = (id: string, rating: number, waiting = false): ReviewView => ({ id, rating, title: undefined, text: `Review ${id}`, author: 'Asha', date: '2026-01-01T00:00:00.000Z', state: waiting ? 'waiting' : 'shown' });

function renderPage(overrides: Partial<ProductPageProps> = {}) {
  const props: ProductPageProps = {
    product: product('p1', { name: 'Laddu', price: 60, mrp: 75, images: ['/a.svg', '/b.svg'], description: 'Sweet.' }),
    categoryName: 'Prasadam',
    reviews: [],
    reviewing: 'open',
    onAdd: vi.fn(),
    wishlisted: false,
    onReview: vi.fn(async () => undefined),
    ...overrides,
  };
  render(<ProductPage {...props} />);
  return props;
}

describe('a product’s page', () => {
  it('shows the price in rupees with the struck-out MRP, the stock and the pictures', () => {
    renderPage();
    expect(screen.getByRole('heading', { name: 'Laddu' })).toBeTruthy();
    expect(document.querySelector('.product-page__price')?.textContent).toBe('₹60₹75');
    expect(screen.getByText('In stock')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Picture 2 of 2' }));
    expect(screen.getByRole('img', { name: 'Laddu' }).getAttribute('src')).toBe('/b.svg');
  });

  it('says so when the product is not in the shop', () => {
    renderPage({ product: undefined });
    expect(screen.getByRole('heading', { name: 'This product is not in the shop' })).toBeTruthy();
  });

  it('averages the published reviews, and marks the shopper’s own while it is sent', () => {
    renderPage({ reviews: [review('a', 5), review('b', 4), review('mine', 1, true)] });
    expect(screen.getByTestId('rating-summary').textContent).toContain('4.5 out of 5 · 2 reviews');
    expect(screen.getAllByText(/Sending…/)).toHaveLength(1);
  });

  it('refuses a review without stars, then sends a good one and clears the form', async () => {
    const props = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Post review' }));
    expect(screen.getByText('Choose from 1 to 5 stars')).toBeTruthy();
    expect(screen.getByText('Say a few words about the product')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('4 stars'));
    fireEvent.change(screen.getByLabelText('Your review'), { target: { value: '  Good  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post review' }));
    await waitFor(() => expect(props.onReview).toHaveBeenCalledWith({ rating: 4, title: undefined, text: 'Good' }));
    await waitFor(() => expect((screen.getByLabelText('Your review') as HTMLTextAreaElement).value).toBe(''));
  });

  it.each([
    ['reviewed', 'You have reviewed this product. Thank you!'],
    ['sign-in', 'to write a review.'],
  ] as const)('offers no review form when %s', (reviewing, note) => {
    renderPage({ reviewing });
    expect(screen.queryByRole('button', { name: 'Post review' })).toBeNull();
    expect(screen.getByText(note, { exact: false })).toBeTruthy();
  });

  it('shows how many are in the cart with − and +, the + stopping at the stock', () => {
    const onQuantity = vi.fn();
    renderPage({ product: product('p1', { name: 'Laddu', stock: 2 }), quantity: 2, onQuantity });
    expect(screen.queryByRole('button', { name: 'Add to cart' })).toBeNull();
    expect(screen.getByText('2 in cart')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'One more Laddu' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'One fewer Laddu' }));
    expect(onQuantity).toHaveBeenCalledWith('p1', 1);
  });

  it('shows a named placeholder of the picture’s size for a product without pictures', () => {
    renderPage({ product: product('p1', { name: 'Laddu' }) });
    expect(screen.getByRole('img', { name: 'Laddu (no picture)' }).className).toBe('gallery__main gallery__main--none');
  });
});
