/**
 * Resolves once the first screen is on display: a frame after the shell's first render, its eager
 * pictures (the first product cards') loaded or failed, and the frame that paints them; or after
 * `maxMs`, whatever happens (a hidden tab has no frames). For start-up work that can wait (RxDB's):
 * a long task before then would hold back the pictures' paint. Not a readiness signal for data.
 */
export function afterFirstScreen(maxMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    // The task after the frame that paints: the paint is not delayed by what runs next.
    const finish = (): void => {
      requestAnimationFrame(() => setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0));
    };
    requestAnimationFrame(() => {
      const pending = [...document.images].filter((image) => image.loading === 'eager' && !image.complete);
      let left = pending.length;
      if (left === 0) return finish();
      const one = (): void => {
        if (--left === 0) finish();
      };
      for (const image of pending) {
        image.addEventListener('load', one, { once: true });
        image.addEventListener('error', one, { once: true });
      }
    });
  });
}
