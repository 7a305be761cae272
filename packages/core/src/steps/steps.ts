/**
 * Long pure computations written as generators that yield between slices of work, so a server
 * can let other requests run between slices (db's `runInTurns`) while the CLI and tests run them
 * straight through (`runToEnd`). The yielded number is the work done so far, for progress bars.
 */
export type Steps<R> = Generator<number, R, void>;

/** Runs `steps` to the end without pausing and returns the result. */
export function runToEnd<R>(steps: Steps<R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
