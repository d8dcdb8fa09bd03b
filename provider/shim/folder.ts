import { shimFor } from "./define";

/** The Folder provider object handed to `dynamic.Resource` (see define.ts). */
export = shimFor("Folder");
