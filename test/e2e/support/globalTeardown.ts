import * as fs from "node:fs";
import * as path from "node:path";
import { PACKED_ENV } from "./sdk";

/** Removes what globalSetup made that is not a cache: the packed package's temp dir. */
export default function globalTeardown(): void {
    const packed = process.env[PACKED_ENV];
    if (packed) fs.rmSync(path.dirname(packed), { recursive: true, force: true });
}
