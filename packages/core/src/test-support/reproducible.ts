import { vi } from 'vitest';

/** What `write` gives at two different times of day a year apart: with a fixed date option, the same bytes. */
export async function writtenAtTwoTimes(write: () => Promise<Uint8Array>): Promise<[Uint8Array, Uint8Array]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(new Date('2030-01-01T08:00:00Z'));
    const first = await write();
    vi.setSystemTime(new Date('2031-06-01T17:31:07Z'));
    return [first, await write()];
  } finally {
    vi.useRealTimers();
  }
}
