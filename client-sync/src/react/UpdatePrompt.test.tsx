// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdatePrompt, type RegisterServiceWorker } from './UpdatePrompt';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** vite-plugin-pwa's registerSW as the browser would answer it: counted, never reloading. */
function createRegister(): RegisterServiceWorker & { calls: number } {
  const register = Object.assign(
    () => {
      register.calls++;
      return async () => {};
    },
    { calls: 0 },
  );
  return register;
}

describe('when the service worker is registered', () => {
  it('waits while the first screen is still loading, then registers once it has settled', async () => {
    const register = createRegister();
    const { rerender } = render(<UpdatePrompt outdated={false} register={register} appName="shop" settled={false} />);
    await act(async () => void vi.advanceTimersByTime(5000));
    expect(register.calls).toBe(0);
    rerender(<UpdatePrompt outdated={false} register={register} appName="shop" settled />);
    await act(async () => void vi.advanceTimersByTime(2500));
    expect(register.calls).toBe(1);
    // Settling again (a later render) never registers a second time.
    rerender(<UpdatePrompt outdated={false} register={register} appName="shop" settled={false} />);
    rerender(<UpdatePrompt outdated={false} register={register} appName="shop" settled />);
    await act(async () => void vi.advanceTimersByTime(20_000));
    expect(register.calls).toBe(1);
  });

  it('registers after the longest wait when the app never settles (a server that never answers)', async () => {
    const register = createRegister();
    render(<UpdatePrompt outdated={false} register={register} appName="shop" settled={false} maxWaitMs={10_000} />);
    await act(async () => void vi.advanceTimersByTime(9_000));
    expect(register.calls).toBe(0);
    await act(async () => void vi.advanceTimersByTime(1_000));
    await act(async () => void vi.advanceTimersByTime(2_500));
    expect(register.calls).toBe(1);
  });

  it('registers at once when the app is out of date, to find the new version', async () => {
    const register = createRegister();
    render(<UpdatePrompt outdated register={register} appName="shop" settled={false} />);
    await act(async () => void vi.advanceTimersByTime(600));
    expect(register.calls).toBe(1);
  });

  it('registers at the first idle moment when the app gives no signal', async () => {
    const register = createRegister();
    render(<UpdatePrompt outdated={false} register={register} appName="admin app" />);
    await act(async () => void vi.advanceTimersByTime(2500));
    expect(register.calls).toBe(1);
  });
});
