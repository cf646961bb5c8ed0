// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../testing/render';
import { RejectionsNotice } from './RejectionsNotice';

describe('the notice of refused changes', () => {
  it('says what was refused, why and what to do, until dismissed', () => {
    const onDismiss = vi.fn();
    render(<RejectionsNotice rejections={[{ collection: 'reviews', id: 'r1', code: 'DUPLICATE_REVIEW', message: 'You have already reviewed Laddu.' }]} onDismiss={onDismiss} />);
    expect(screen.getByRole('alert').textContent).toContain('Your review was not posted: You have already reviewed Laddu. Your earlier review of it stays on the product page.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('shows nothing when nothing was refused', () => {
    const { container } = render(<RejectionsNotice rejections={[]} onDismiss={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
