// @vitest-environment happy-dom
/** The review form keeps the shopper's words on the device, so a refused review comes back with them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '../../testing/render';
import { ReviewForm } from './ReviewForm';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('ReviewForm', () => {
  it('brings back what the shopper wrote when the form is shown again after posting (a refused review)', async () => {
    const onSubmit = vi.fn(async () => undefined);
    const first = render(<ReviewForm productName="Laddu" onSubmit={onSubmit} draftKey="oa-review-draft:p1" />);
    fireEvent.click(screen.getByLabelText('4 stars'));
    fireEvent.change(screen.getByLabelText('Your review'), { target: { value: 'Sweet and soft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post review' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ rating: 4, title: undefined, text: 'Sweet and soft' }));
    first.unmount();

    render(<ReviewForm productName="Laddu" onSubmit={onSubmit} draftKey="oa-review-draft:p1" />);
    expect((screen.getByLabelText('Your review') as HTMLTextAreaElement).value).toBe('Sweet and soft');
    expect((screen.getByLabelText('4 stars') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('review-draft-restored').textContent).toContain('What you wrote last time');
  });

  it('keeps nothing without a draft key, and starts empty', () => {
    render(<ReviewForm productName="Laddu" onSubmit={vi.fn(async () => undefined)} />);
    fireEvent.change(screen.getByLabelText('Your review'), { target: { value: 'Lovely' } });
    expect(localStorage.length).toBe(0);
    expect(screen.queryByTestId('review-draft-restored')).toBeNull();
  });
});
