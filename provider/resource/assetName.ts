import { z } from "zod";
import { assetNameLengthProblem } from "../manifest/limits";
import { assetNameHint, normalizeAssetName, parseAssetName } from "../manifest/names";
import { quote } from "../values/failures";

/**
 * An Earth Engine asset name, `projects/<project>/assets/<path>` (legacy `users/<user>/...` and
 * `projects/earthengine-legacy/assets/...` forms are accepted and normalised), within the
 * service's length limit. `property` names the input in the messages (`name`, `assetName`).
 * One schema for every kind that names an asset: the image manifest's `name`, a container's
 * `name`, an IAM resource's `assetName`.
 */
export function assetNameSchema(property: string) {
    return z
        .string({ error: (iss) => `${property} is required: ${iss.input === undefined ? "give" : "use"} projects/<project>/assets/<path>` })
        .refine((value) => parseAssetName(value) !== undefined, {
            error: (iss) => `${quote(String(iss.input))} is not an asset name; ${assetNameHint(String(iss.input))}`,
        })
        .refine((value) => assetNameLengthProblem(normalizeAssetName(value)) === undefined, {
            error: (iss) => assetNameLengthProblem(normalizeAssetName(String(iss.input))),
        })
        .transform(normalizeAssetName);
}
