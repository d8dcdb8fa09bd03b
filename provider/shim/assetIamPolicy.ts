import { shimFor } from "./define";

/** The AssetIamPolicy provider object handed to `dynamic.Resource` (see define.ts). */
export = shimFor("AssetIamPolicy");
