import { describe, expect, it } from 'vitest';
import { JobRegistry, MAX_JOBS, type JobState } from './job-registry.js';

/** Waits until every job has left 'queued' (they start on the next turn). */
const nextTurns = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('JobRegistry', () => {
  it('never drops a running job to make room, and drops the oldest finished ones first', async () => {
    const registry = new JobRegistry();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = registry.start(
      'slow',
      1,
      () => held,
      () => undefined,
    );
    const finished: JobState<unknown>[] = [];
    for (let i = 0; i < MAX_JOBS + 50; i += 1) {
      finished.push(
        registry.start(
          'quick',
          1,
          async () => i,
          () => undefined,
        ),
      );
      await nextTurns();
    }
    // The running job, started first, is the oldest: it is still there and still running.
    expect(registry.get(running.id)?.status).toBe('running');
    // The oldest finished jobs went, the newest are kept, within the cap.
    expect(registry.get(finished[0]!.id)).toBeNull();
    expect(registry.get(finished.at(-1)!.id)?.status).toBe('succeeded');
    expect(finished.filter((job) => registry.get(job.id)).length).toBeLessThan(MAX_JOBS);
    release();
    await nextTurns();
    expect(registry.get(running.id)?.status).toBe('succeeded');
    registry.close();
  });
});
