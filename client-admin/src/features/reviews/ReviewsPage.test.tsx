// @vitest-environment happy-dom
import type { Review } from '@oa/schema';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewsPage } from './ReviewsPage';

afterEach(() => cleanup());

const review = (id: string, fields: Partial<Review> = {}): Review =>
  ({
    id, _deleted: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', productId: 'p1', product: 'p1', userId: 'u1', user: 'u1',
    userName: 'Asha', rating: 4, comment: `Review ${id}`, reviewText: `Review ${id}`, isApproved: true, isDeleted: false, ...fields,
  }) as Review;

describe('the moderation queue', () => {
  it('shows what shoppers see, hides one, and finds the hidden ones', () => {
    const onModerate = vi.fn();
    render(<ReviewsPage reviews={[review('a'), review('b', { isApproved: false })]} productNames={new Map([['p1', 'Laddu']])} waiting={new Set(['a'])} onModerate={onModerate} />);
    expect(screen.getByText('Review a')).toBeTruthy();
    expect(screen.queryByText('Review b')).toBeNull();
    expect(screen.getByText(/Waiting to sync/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(onModerate).toHaveBeenCalledWith('a', { isApproved: false });
    fireEvent.click(screen.getByRole('button', { name: 'Hidden' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onModerate).toHaveBeenLastCalledWith('b', { isApproved: true });
  });
});
