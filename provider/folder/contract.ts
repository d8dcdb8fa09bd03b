import { defineContract, type KindContract } from "../resource/contract";
import { assetOutputs, optionalBoolean, project } from "../resource/fields";
import { assetNameSchema } from "../values/assetName";

/** A container's inputs; an ImageCollection takes them too. */
export const folderInputs = {
    /**
     * Full asset name, `projects/<project>/assets/<path>` (or a legacy `users/<user>/<path>`).
     * The parent must exist: use a parent Folder's `assetName` in it (`pulumi.interpolate`) and
     * Pulumi creates the parent first and deletes it last. Changing it replaces the asset: the
     * declared images move into the new one, and the old one's delete takes no image (it fails
     * naming any left, unless EARTHENGINE_DELETE_UNMOVED=1). Refused while the stored
     * `forceDestroy` is true (set it to false first): README, "Renaming a folder or collection".
     */
    name: assetNameSchema("name"),
    /** Consumer project for quota (`x-goog-user-project`); see ExternalImageArgs.project. Changing it makes no call. */
    project,
    /**
     * On destroy, delete everything inside first (depth first, through every page of
     * `listAssets`), including assets made outside Pulumi. Default false: deleting a non-empty
     * container fails, as Earth Engine refuses it, and nothing is deleted. Never applies to a
     * rename: a container with it set cannot be renamed.
     */
    forceDestroy: optionalBoolean("forceDestroy"),
};

/** Folder: an Earth Engine folder, made with `projects.assets.create` (`type: FOLDER`). */
export const folderContract: KindContract<typeof folderInputs, typeof assetOutputs> = defineContract("Folder", folderInputs, assetOutputs);
