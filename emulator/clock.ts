import { formatTimestamp, parseRfc3339 } from "./timestamps";

/**
 * Hands out `updateTime` values. Clients detect changes by comparing them, so two mutations in
 * the same millisecond must still get different, increasing times: the clock counts in
 * microseconds (the resolution the real API shows) and steps past the last value it gave.
 */
export class UpdateClock {
    private lastMicros = 0n;

    /** An RFC 3339 time later than every time given or `observe`d before. */
    next(): string {
        const now = BigInt(Date.now()) * 1000n;
        this.lastMicros = now > this.lastMicros ? now : this.lastMicros + 1n;
        return formatTimestamp(this.lastMicros * 1000n);
    }

    /** Remembers a time from loaded state, so later times are after it even if the wall clock went back. */
    observe(time: string | undefined): void {
        const nanos = time === undefined ? undefined : parseRfc3339(time);
        if (nanos !== undefined && nanos / 1000n > this.lastMicros) this.lastMicros = nanos / 1000n;
    }
}
