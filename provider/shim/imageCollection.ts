import { shimFor } from "./define";

/** The ImageCollection provider object handed to `dynamic.Resource` (see define.ts). */
export = shimFor("ImageCollection");
