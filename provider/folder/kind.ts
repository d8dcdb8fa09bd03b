import { containerKind } from "../container/kind";
import { folderContract } from "./contract";
import { planFolder } from "./plan";

/** The Folder kind: `assets.create` (`type: FOLDER`); an identical existing folder is adopted, a new name replaces. */
export const folderKind = containerKind({ contract: folderContract, type: "FOLDER", plan: planFolder });
