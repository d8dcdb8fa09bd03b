/** One API call as the emulator received and answered it. */
export interface RecordedRequest {
    /** HTTP method, upper case. */
    method: string;
    /** URL path without the query, as sent (for example `/v1alpha/projects/p/assets/dem`). */
    path: string;
    /** Query parameters; for a repeated parameter, the last value. */
    query: Record<string, string>;
    /** HTTP status of the answer; 0 when the connection was reset instead, the executed status for apply-then-drop. */
    status: number;
    /** Set when the answer was injected: `status` (a fault's error), `reset`, `applyThenDrop`, or `concurrencyCap`. */
    fault?: "status" | "reset" | "applyThenDrop" | "concurrencyCap";
    /** The `x-goog-user-project` header: the consumer (quota) project the caller named. */
    userProject?: string;
    /** The parsed JSON body; the raw text when it was not JSON; absent when there was none. */
    body?: unknown;
}

/** Every API call in arrival order, for tests that assert what a client sent. */
export class RequestLog {
    private entries: RecordedRequest[] = [];

    record(entry: RecordedRequest): void {
        this.entries.push(entry);
    }

    /** A copy, so callers can keep it while more requests arrive. */
    list(): RecordedRequest[] {
        return this.entries.map((entry) => structuredClone(entry));
    }

    clear(): void {
        this.entries = [];
    }
}
