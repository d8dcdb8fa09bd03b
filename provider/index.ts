/**
 * What the Pulumi engine calls: the ExternalImage implementation (`externalImageProvider`) and
 * the layers under it (manifest schema, Earth Engine client). The serialized shim is its own
 * module, `pulumi-earthengine/provider/shim`.
 */
export * from "./earthengine";
export * from "./externalImage";
export * from "./manifest";
