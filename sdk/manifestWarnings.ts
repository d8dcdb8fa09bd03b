import * as pulumi from "@pulumi/pulumi";
import { manifestWarnings } from "../provider/manifest/warnings";
import { formatPath } from "../provider/values/failures";
import { isPlainValue } from "./plainValues";

/**
 * Shows the warnings for a resource's manifest (provider/manifest/warnings.ts) in the engine's
 * output, once per resource, when its values are known: at once for plain values, inside an
 * `apply` for values from other resources. A manifest with values still unknown (preview of a
 * resource that depends on another's output) gets none. This runs in the program because `check`
 * results cannot carry warnings and the provider process's `pulumi.log` does not reach the engine.
 */
export function warnAboutManifest<T>(resource: pulumi.Resource, manifest: pulumi.Input<T>): void {
    pulumi.output(manifest).apply((value: unknown) => {
        for (const warning of manifestWarnings(value)) pulumi.log.warn(`${warning.path}: ${warning.message}`, resource);
    });
}

/** Distinct warnings shown for a set's images; the rest are counted in one line. */
const MAX_SET_WARNINGS = 10;
/** Images named for one warning; the rest are counted. */
const MAX_NAMED_IMAGES = 3;

/**
 * The warnings of each image of an ExternalImageSet (`images`, by key), at `images.<key>.<field>`,
 * bounded for thousands of images: one line per distinct warning, naming at most three images and
 * counting the others, at most MAX_SET_WARNINGS lines and one that counts the rest. Pure.
 */
export function imageSetWarnings(images: unknown): string[] {
    if (images === null || typeof images !== "object" || Array.isArray(images)) return [];
    // One warning (a path within the image, and the message) for many images: the defaults all share.
    const byWarning = new Map<string, { within: string; message: string; paths: string[] }>();
    for (const [key, image] of Object.entries(images)) {
        const root = formatPath("images", [key]);
        for (const { path, message } of manifestWarnings(image, root)) {
            const within = path.startsWith(root) ? path.slice(root.length) : path;
            const id = `${within}\0${message}`;
            const found = byWarning.get(id) ?? { within, message, paths: [] };
            found.paths.push(path);
            byWarning.set(id, found);
        }
    }
    const lines = [...byWarning.values()].map(({ message, paths }) => {
        const named = paths.slice(0, MAX_NAMED_IMAGES).join(", ");
        const more = paths.length - MAX_NAMED_IMAGES;
        return `${named}${more > 0 ? ` (and the same in ${more} more image${more === 1 ? "" : "s"})` : ""}: ${message}`;
    });
    if (lines.length <= MAX_SET_WARNINGS) return lines;
    const rest = lines.length - MAX_SET_WARNINGS;
    return [...lines.slice(0, MAX_SET_WARNINGS), `... and ${rest} more warning${rest === 1 ? "" : "s"} about the images`];
}

/**
 * Shows imageSetWarnings for a set's images in the engine's output, once per resource, when the
 * values are known: at once for plain values (no Output lifting of thousands of manifests), else
 * inside an `apply`.
 */
export function warnAboutImages(resource: pulumi.Resource, images: pulumi.Input<Record<string, unknown>>): void {
    const report = (value: unknown) => {
        for (const warning of imageSetWarnings(value)) pulumi.log.warn(warning, resource);
    };
    if (isPlainValue(images)) report(images);
    else pulumi.output(images).apply(report);
}
