import { type ApiError, invalidArgument } from "./errors";
import { type FieldPath, protoPath } from "./protoJson";

/** One broken rule: where, why, and the service's own message when a public report shows it. */
export interface Violation {
    path: FieldPath;
    reason: string;
    serviceMessage?: string;
}

/**
 * A 400 INVALID_ARGUMENT for a request whose values break the method's rules: the message is the
 * service's own for the first violation where known (emulator/README.md, "Rules"), else names its
 * field; `error.details` carries a `google.rpc.BadRequest` with every violation.
 */
export function violationError(violations: readonly Violation[], base: FieldPath = []): ApiError {
    const fieldViolations = violations.map((v) => ({ field: protoPath([...base, ...v.path]), description: v.reason }));
    const [first] = fieldViolations;
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more; see error.details)` : "";
    const details = [{ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations }];
    return invalidArgument(violations[0].serviceMessage ?? `Invalid argument at '${first.field}': ${first.description}${more}`, details);
}

/** Throws when there is any violation. */
export function refuseAny(violations: readonly Violation[], base: FieldPath = []): void {
    if (violations.length > 0) throw violationError(violations, base);
}
