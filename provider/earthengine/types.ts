import type { ImageManifest } from "../manifest";

/**
 * The Earth Engine wire messages the client reads and writes: Google's contract in `api/`
 * (shared with the emulator, which owns none of the provider's code). The import request takes
 * the manifest as the provider's schema normalised it.
 */
export {
    API_VERSIONS,
    type ApiVersion,
    type AssetType,
    type EarthEngineAsset,
    type IamBinding,
    type IamPolicy,
    type ImageBand,
    type ListAssetsResponse,
    type PatchAssetRequest,
} from "../../api";

export interface ImportExternalImageRequest {
    imageManifest: ImageManifest;
    overwrite?: boolean;
    useLatestObjectVersion?: boolean;
}
