import type * as pulumi from "@pulumi/pulumi";
import { assetIamBindingKind } from "./assetIamBinding/kind";
import { assetIamMemberKind } from "./assetIamMember/kind";
import { assetIamPolicyKind } from "./assetIamPolicy/kind";
import { externalImageKind } from "./externalImage/kind";
import { externalImageSetKind } from "./externalImageSet/kind";
import { folderKind } from "./folder/kind";
import { imageCollectionKind } from "./imageCollection/kind";
import { providerFor, type ResourceKind } from "./resource";

/**
 * Every resource kind, by Pulumi type name. Adding a kind: its folder `provider/<kind>/`
 * (contract.ts, plan.ts, kind.ts), an import and an entry here, `provider/shim/<kind>.ts`, the SDK
 * class and its type name in the shape test's STORED_TYPE_NAMES (see CONTRIBUTING.md, "Adding a
 * resource kind").
 */
export const KINDS: readonly ResourceKind[] = [
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
