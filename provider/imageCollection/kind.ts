import { containerKind } from "../container/kind";
import { imageCollectionContract } from "./contract";
import { planImageCollection } from "./plan";

/**
 * The ImageCollection kind: `assets.create` (`type: IMAGE_COLLECTION`); metadata patched in
 * place, an identical existing collection adopted, a new name replaces.
 */
export const imageCollectionKind = containerKind({
    contract: imageCollectionContract,
    type: "IMAGE_COLLECTION",
    plan: planImageCollection,
});
