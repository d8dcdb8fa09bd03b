import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The GCE metadata server, as far as Application Default Credentials use it: google-auth-library
 * (through gcp-metadata) probes `GET /computeMetadata/v1/instance` to decide it runs on Google
 * Cloud, then fetches `.../instance/service-accounts/default/token`. Point a client at the
 * emulator with `GCE_METADATA_HOST=127.0.0.1:PORT` (gcp-metadata's documented override), and the
 * real token fetch, cache and refresh run against it.
 *
 * As at Google: every request must carry `Metadata-Flavor: Google` (else 403) and every answer
 * carries it back (gcp-metadata refuses an answer without it).
 */
export const METADATA_PREFIX = "/computeMetadata/v1";
const FLAVOR = { "metadata-flavor": "Google" };
const TOKEN_PATH = `${METADATA_PREFIX}/instance/service-accounts/default/token`;
const EMAIL_PATH = `${METADATA_PREFIX}/instance/service-accounts/default/email`;
const PROJECT_ID_PATH = `${METADATA_PREFIX}/project/project-id`;
/** The project the metadata server says the machine runs in (google-auth-library asks for it while it picks a client). */
export const METADATA_PROJECT_ID = "emulator-project";
export const METADATA_SERVICE_ACCOUNT = `emulator@${METADATA_PROJECT_ID}.iam.gserviceaccount.com`;

/** One request to the metadata routes. */
export interface MetadataRequest {
    /** URL path without the query. */
    path: string;
    /** The `scopes` query parameter google-auth-library sends with a token request, if any. */
    scopes?: string;
    status: number;
}

export class GceMetadataServer {
    /**
     * `expires_in` of each token, in seconds (default 3599, as Google issues). google-auth-library
     * refreshes 5 minutes before expiry, so a lifetime of 300 + s lets a token be used for s seconds.
     */
    tokenLifetimeSeconds = 3599;
    private issued = 0;
    private log: MetadataRequest[] = [];

    /** Every request so far, oldest first. */
    requests(): MetadataRequest[] {
        return this.log.map((entry) => ({ ...entry }));
    }

    /** Tokens handed out so far. */
    tokensIssued(): number {
        return this.log.filter((entry) => entry.path === TOKEN_PATH && entry.status === 200).length;
    }

    clear(): void {
        this.log = [];
    }

    handle(request: IncomingMessage, url: URL, response: ServerResponse): void {
        const { status, body } = this.answer(request, url);
        const entry: MetadataRequest = { path: url.pathname, status };
        const scopes = url.searchParams.get("scopes");
        if (scopes !== null) entry.scopes = scopes;
        this.log.push(entry);
        const text = typeof body === "string" ? body : JSON.stringify(body);
        response.writeHead(status, {
            ...FLAVOR,
            "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
            "content-length": Buffer.byteLength(text),
        });
        response.end(text);
    }

    private answer(request: IncomingMessage, url: URL): { status: number; body: unknown } {
        if (request.headers["metadata-flavor"] !== "Google") {
            return { status: 403, body: "Missing Metadata-Flavor:Google header.\n" };
        }
        if (request.method !== "GET") return { status: 405, body: "Method not allowed.\n" };
        switch (url.pathname.replace(/\/+$/, "")) {
            case `${METADATA_PREFIX}/instance`:
                return { status: 200, body: "attributes/\nhostname\nid\nservice-accounts/\nzone\n" };
            case PROJECT_ID_PATH:
                return { status: 200, body: METADATA_PROJECT_ID };
            case EMAIL_PATH:
                return { status: 200, body: METADATA_SERVICE_ACCOUNT };
            case TOKEN_PATH:
                this.issued++;
                return {
                    status: 200,
                    body: {
                        access_token: `emulator-metadata-token-${this.issued}`,
                        expires_in: this.tokenLifetimeSeconds,
                        token_type: "Bearer",
                    },
                };
            default:
                return { status: 404, body: "Not found.\n" };
        }
    }
}
