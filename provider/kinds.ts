import type * as pulumi from "@pulumi/pulumi";
import { folderKind, imageCollectionKind } from "./container";
import { externalImageKind } from "./externalImage";
import { externalImageSetKind } from "./externalImageSet";
import { assetIamBindingKind, assetIamMemberKind, assetIamPolicyKind } from "./iam";
import { providerFor, type ResourceKind } from "./resource";

/** Every resource kind, by Pulumi type name. Adding a kind: its module here plus `provider/shim/<kind>.ts`. */
const KINDS: readonly ResourceKind[] = [
    externalImageKind,
    externalImageSetKind,
    folderKind,
    imageCollectionKind,
    assetIamMemberKind,
    assetIamBindingKind,
    assetIamPolicyKind,
];

/** The provider of each kind, by type name; what the shims load when the engine calls them. */
export const resourceProviders: Record<string, Required<pulumi.dynamic.ResourceProvider>> = Object.fromEntries(
    KINDS.map((kind) => [kind.typeName, providerFor(kind)]),
);
