/**
 * An OAuth 2.0 token endpoint for service-account keys whose `token_uri` points at the emulator
 * (`{url}/token`), so Google's Python client and the `earthengine` CLI authenticate as they do
 * at Google: a JWT-bearer grant (RFC 7523) answered with an access token. The emulator does not
 * verify the JWT's signature (it holds no public keys): it checks the grant's form and that the
 * assertion is a JWT naming its issuer, and any bearer token passes its API auth anyway.
 */

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/** A token endpoint answer: status and JSON body, in OAuth 2.0's shapes (RFC 6749 §5). */
export interface TokenAnswer {
    status: number;
    body: Record<string, unknown>;
}

/** Answers a `POST /token` with its form-encoded body. */
export function grantToken(formBody: string): TokenAnswer {
    const form = new URLSearchParams(formBody);
    const grantType = form.get("grant_type");
    if (grantType !== JWT_BEARER) {
        return refuse("unsupported_grant_type", `Only ${JWT_BEARER} (a service-account key) is served by the emulator; got ${grantType}.`);
    }
    const issuer = issuerOf(form.get("assertion") ?? "");
    if (!issuer) return refuse("invalid_grant", "Invalid JWT: the assertion is not a JWT whose claims name an issuer (iss).");
    return {
        status: 200,
        body: { access_token: `emulator.${Buffer.from(issuer).toString("base64url")}`, expires_in: 3599, token_type: "Bearer" },
    };
}

function issuerOf(assertion: string): string | undefined {
    const parts = assertion.split(".");
    if (parts.length !== 3) return undefined;
    try {
        const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as { iss?: unknown };
        return typeof claims.iss === "string" && claims.iss !== "" ? claims.iss : undefined;
    } catch {
        return undefined;
    }
}

function refuse(error: string, description: string): TokenAnswer {
    return { status: 400, body: { error, error_description: description } };
}
