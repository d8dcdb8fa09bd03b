import { shimFor } from "./define";

/** The AssetIamMember provider object handed to `dynamic.Resource` (see define.ts). */
export = shimFor("AssetIamMember");
