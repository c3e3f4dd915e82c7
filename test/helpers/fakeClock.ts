import type { Clock } from '../../server/src/core/online/httpClient';

/** A clock whose sleeps return at once and move its time on; it keeps what was asked for. */
export class FakeClock implements Clock {
  time = 1_000_000;
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
