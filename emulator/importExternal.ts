import type { ApiVersion } from "../provider/earthengine/types";
import { ImportExternalRequestSchema, parentAssetName } from "../provider/manifest";
import { imageAssetFromManifest } from "./assets";
import { cannotOverwrite, failedPrecondition } from "./errors";
import { requireContainer } from "./hierarchy";
import { parseProtoJson } from "./protoJson";
import { importExternalShape } from "./shapes";
import type { AssetStore } from "./store";
import { schemaViolation } from "./validation";

/**
 * `projects.image.importExternal`: registers the manifest's image, or with `overwrite` replaces
 * an existing image. The project in the URL is only the consumer project; the asset's own
 * project is in the manifest's name. Answers `{}`, as the real API does.
 */
export function importExternal(store: AssetStore, version: ApiVersion, body: unknown): Record<string, never> {
    const value = parseProtoJson(body, importExternalShape, version);
    const parsed = ImportExternalRequestSchema.safeParse(value);
    if (!parsed.success) throw schemaViolation(parsed.error.issues, value);
    const { imageManifest: manifest, overwrite } = parsed.data;
    requireContainer(store, parentAssetName(manifest.name));
    const existing = store.get(manifest.name);
    if (existing && overwrite !== true) throw cannotOverwrite(manifest.name);
    if (existing && existing.type !== "IMAGE") {
        throw failedPrecondition(
            `Asset '${manifest.name}' is of type ${existing.type}; importExternal with overwrite replaces only images.`,
        );
    }
    store.put(imageAssetFromManifest(manifest));
    return {};
}
