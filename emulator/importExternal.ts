import type { ApiVersion, ImageManifest } from "../api";
import { fullAssetName, parentOf } from "./assetNames";
import { imageAssetFromManifest } from "./assets";
import { cannotOverwrite, failedPrecondition } from "./errors";
import { requireContainer } from "./hierarchy";
import { manifestViolations } from "./manifestRules";
import { parseProtoJson } from "./protoJson";
import type { AssetStore } from "./store";
import { refuseAny } from "./validation";

/**
 * `projects.image.importExternal`: registers the manifest's image, or with `overwrite` replaces
 * an existing image. The project in the URL is only the consumer project; the asset's own
 * project is in the manifest's name. Answers `{}`, as the real API does.
 */
export function importExternal(store: AssetStore, version: ApiVersion, body: unknown): Record<string, never> {
    const { value, problems } = parseProtoJson(body, "ImportExternalImageRequest", version);
    const manifest = (value.imageManifest ?? {}) as Partial<ImageManifest>;
    const violations = [...problems, ...manifestViolations(manifest).map((v) => ({ ...v, path: ["imageManifest", ...v.path] }))];
    if (value.imageManifest === undefined) violations.unshift({ path: ["imageManifest"], reason: "this field is required" });
    refuseAny(violations);
    const valid = { ...(manifest as ImageManifest), name: fullAssetName(manifest.name as string) };
    requireContainer(store, parentOf(valid.name));
    const existing = store.get(valid.name);
    if (existing && value.overwrite !== true) throw cannotOverwrite(valid.name);
    if (existing && existing.type !== "IMAGE") {
        throw failedPrecondition(`Asset '${valid.name}' is of type ${existing.type}; importExternal with overwrite replaces only images.`);
    }
    store.put(imageAssetFromManifest(valid));
    return {};
}
