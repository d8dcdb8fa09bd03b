import { shimFor } from "./define";

/** The ExternalImageSet provider object handed to `dynamic.Resource` (see define.ts). */
export = shimFor("ExternalImageSet");
