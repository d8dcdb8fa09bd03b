import { shimFor } from "./define";

/** The AssetIamBinding provider object handed to `dynamic.Resource` (see define.ts). */
export = shimFor("AssetIamBinding");
