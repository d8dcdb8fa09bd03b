import * as fs from "node:fs";
import * as path from "node:path";
import type { EarthEngineAsset } from "../api";

/** What the state file holds. Versioned so a later layout can still read older files. */
interface StateDocument {
    version: 1;
    assets: EarthEngineAsset[];
}

/** The assets saved in `file`, or none when the file does not exist yet. */
export function loadState(file: string): EarthEngineAsset[] {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (error) {
        throw new Error(`emulator state file ${file} is not JSON (${(error as Error).message}); fix or delete it`);
    }
    const assets = (doc as Partial<StateDocument> | null)?.assets;
    if (!Array.isArray(assets) || !assets.every(isStoredAsset)) {
        throw new Error(`emulator state file ${file} is not an emulator state ({"version": 1, "assets": [...]}); fix or delete it`);
    }
    return assets;
}

/**
 * Replaces the file in one step (write a temporary file beside it, then rename), so a crash or a
 * reader never sees half a file.
 */
export function saveState(file: string, assets: EarthEngineAsset[]): void {
    const doc: StateDocument = { version: 1, assets };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(doc, null, 2)}\n`);
    fs.renameSync(temporary, file);
}

function isStoredAsset(value: unknown): value is EarthEngineAsset {
    const asset = value as Partial<EarthEngineAsset> | null;
    return typeof asset?.name === "string" && typeof asset.type === "string";
}
