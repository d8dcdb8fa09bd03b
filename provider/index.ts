/**
 * What the Pulumi engine calls: one provider per resource kind (`resourceProviders`), the
 * generic kind skeleton, and the layers under them (manifest schema, Earth Engine client). The
 * serialized shims are their own modules, `pulumi-earthengine/provider/shim[/<kind>]`.
 */
export * from "./container";
export * from "./earthengine";
export * from "./externalImage";
export * from "./externalImageSet";
export * from "./iam";
export { resourceProviders } from "./kinds";
export * from "./manifest";
export * from "./resource";
