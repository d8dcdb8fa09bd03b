/**
 * What the Pulumi engine calls: one provider per resource kind (`resourceProviders`), the
 * generic kind skeleton, and the layers under them (manifest schema, Earth Engine client). The
 * serialized shims are their own modules, `pulumi-earthengine/provider/shim[/<kind>]`.
 */
export { assetIamBindingContract } from "./assetIamBinding/contract";
export { assetIamBindingKind } from "./assetIamBinding/kind";
export { assetIamMemberContract } from "./assetIamMember/contract";
export { assetIamMemberKind } from "./assetIamMember/kind";
export { assetIamPolicyContract } from "./assetIamPolicy/contract";
export { assetIamPolicyKind } from "./assetIamPolicy/kind";
export * from "./container";
export * from "./earthengine";
export * from "./externalImage";
export * from "./externalImageSet";
export { folderContract } from "./folder/contract";
export { folderKind } from "./folder/kind";
export * from "./iam";
export { imageCollectionContract } from "./imageCollection/contract";
export { imageCollectionKind } from "./imageCollection/kind";
export { KINDS, resourceProviders } from "./kinds";
export * from "./manifest";
export * from "./resource";
export * from "./values";
