import { shimFor } from "./shim/define";

/*
 * The ExternalImage provider object handed to `dynamic.Resource` (see shim/define.ts). It stays
 * at this path, not under shim/, because existing stacks store `require("pulumi-earthengine/provider/shim")`.
 */
export = shimFor("ExternalImage");
