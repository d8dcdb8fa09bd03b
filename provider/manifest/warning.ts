/** Something in a manifest that Earth Engine accepts but that is probably not what was meant. */
export interface ManifestWarning {
    /** Property path as written, such as `imageManifest.tilesets[0].sources[0].dimensions`. */
    path: string;
    message: string;
}
