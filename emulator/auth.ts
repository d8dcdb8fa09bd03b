import { ApiError } from "./errors";

/**
 * Any non-empty bearer token is accepted: the emulator checks that a client sends credentials,
 * not who it is. The 401 is Google's, so clients exercise their real handling.
 */
export function requireBearerToken(authorization: string | undefined): void {
    if (authorization && /^Bearer\s+\S+/i.test(authorization)) return;
    throw new ApiError(
        401,
        "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
        {
            details: [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    reason: "CREDENTIALS_MISSING",
                    domain: "googleapis.com",
                    metadata: { service: "earthengine.googleapis.com" },
                },
            ],
            headers: { "www-authenticate": 'Bearer realm="https://accounts.google.com/"' },
        },
    );
}
