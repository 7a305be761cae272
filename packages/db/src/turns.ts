import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Steps } from '@yawar/core';

/**
 * Runs a sliced computation (core's `Steps`), letting the event loop serve other requests between
 * slices: a 300,000-row validation on the server's thread then delays a request by one slice
 * (tens of milliseconds), not by the whole file. `onProgress` gets the work done so far.
 */
export async function runInTurns<R>(
  steps: Steps<R>,
  onProgress?: (done: number) => void,
): Promise<R> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
    // setImmediate runs after the poll phase, so waiting sockets are read before the next slice.
    await nextTurn();
  }
}

/**
 * Visits every item, letting the event loop serve other requests after every `slice` items: one
 * pass over a 300,000-row file takes a few hundred milliseconds the server must not stop for.
 */
export async function eachInTurns<T>(
  items: readonly T[],
  visit: (item: T) => void,
  slice = 20_000,
): Promise<void> {
  for (let start = 0; start < items.length; start += slice) {
    if (start > 0) await nextTurn();
    for (const item of items.slice(start, start + slice)) visit(item);
  }
}
