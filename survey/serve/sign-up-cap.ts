/**
 * A global cap on new raters per minute (a sliding minute, all addresses together): a classroom's
 * tablets share one router, so a per-address limit would block a whole class behind one address. A
 * sign-up over the cap is asked to wait a moment; the refusals are counted for the admin page.
 */
const MINUTE_MS = 60_000;

export class SignUpCap {
  /** Sign-ups asked to wait since the server started. */
  refused = 0;
  /** When the last one was asked to wait (ms since the epoch), or null. */
  lastRefused: number | null = null;
  private readonly times: number[] = [];

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a place for one new rater; false (and counted) when this minute's places are gone. */
  take(): boolean {
    const t = this.now();
    while (this.times.length && this.times[0] <= t - MINUTE_MS) this.times.shift();
    if (this.times.length >= this.perMinute) {
      this.refused++;
      this.lastRefused = t;
      return false;
    }
    this.times.push(t);
    return true;
  }
}
