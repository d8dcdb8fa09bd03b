import type { z } from "zod";
import { isMissingField, type ServiceIssueParams } from "../provider/manifest";
import { type ApiError, invalidArgument } from "./errors";
import { protoPath } from "./protoJson";

/** One entry of `google.rpc.BadRequest.fieldViolations`. */
interface FieldViolation {
    field: string;
    description: string;
}

/**
 * A 400 INVALID_ARGUMENT for a request that parsed but broke the schema's rules: the message
 * names the first field and says what is wrong; `error.details` carries a
 * `google.rpc.BadRequest` with every violation, as Google's APIs report them.
 */
export function schemaViolation(issues: readonly z.core.$ZodIssue[], value: unknown, base: readonly PropertyKey[] = []): ApiError {
    const violations = issues.flatMap((issue) => violationsOf(issue, value, base));
    const [first] = violations;
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more; see error.details)` : "";
    const details = [{ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: violations }];
    // Where the service's own words are known (see emulator/README.md), the message is exactly those.
    const serviceMessage = serviceMessageOf(issues[0]);
    return invalidArgument(serviceMessage ?? `Invalid argument at '${first.field}': ${first.description}${more}`, details);
}

function serviceMessageOf(issue: z.core.$ZodIssue | undefined): string | undefined {
    if (issue?.code !== "custom") return undefined;
    const params = issue.params as Partial<ServiceIssueParams> | undefined;
    return typeof params?.serviceMessage === "string" ? params.serviceMessage : undefined;
}

function violationsOf(issue: z.core.$ZodIssue, value: unknown, base: readonly PropertyKey[]): FieldViolation[] {
    const path = [...base, ...issue.path];
    if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => ({ field: protoPath([...path, key]), description: `Unknown name "${key}": Cannot find field.` }));
    }
    return [{ field: protoPath(path), description: isMissingField(issue, value) ? "this field is required" : issue.message }];
}
