import type { ImageManifest, Tileset } from "../api";
import { invalidAssetNameMessage, isAssetName } from "./assetNames";
import { sourceUriProblem } from "./cloudStorage";
import { bandIdRefusal } from "./identifiers";
import { propertyViolations } from "./properties";
import type { FieldPath } from "./protoJson";
import { parseRfc3339 } from "./timestamps";
import type { Violation } from "./validation";

/**
 * The semantic rules of `importExternal` on a structurally valid ImageManifest (camelCase,
 * timestamps already read). Each rule's id, source and wording are in emulator/README.md ("Rules");
 * every violation is returned, in manifest order.
 */
export function manifestViolations(m: Partial<ImageManifest>): Violation[] {
    const out: Violation[] = [];
    const add = (path: FieldPath, reason: string, serviceMessage?: string) => out.push({ path, reason, serviceMessage });
    // N1, N2: a name is required and must be one the service can read.
    if (m.name === undefined) add(["name"], "this field is required");
    else if (!isAssetName(m.name)) add(["name"], invalidAssetNameMessage(m.name));
    out.push(...propertyViolations(m.properties, ["properties"]));
    const tilesets = m.tilesets ?? [];
    // T1: an external image is made of files.
    if (m.tilesets === undefined) add(["tilesets"], "this field is required");
    else if (tilesets.length === 0) add(["tilesets"], "an external image needs at least one tileset");
    const tilesetIds = tilesetViolations(tilesets, m, add);
    const bandIds = new Set<string>();
    (m.bands ?? []).forEach((band, b) => {
        const id = band.id ?? "";
        // B1: the band-id rule, in the service's words; B2: names of an image's bands are unique.
        const refusal = bandIdRefusal(id);
        if (refusal) add(["bands", b, "id"], refusal, refusal);
        else if (bandIds.has(id)) add(["bands", b, "id"], `band id '${id}' is used twice; band ids are unique in an image`);
        bandIds.add(id);
        // B3: a band's tileset must be one of the manifest's.
        if (!tilesetIds.has(band.tilesetId ?? "")) add(["bands", b, "tilesetId"], `no tileset has id '${band.tilesetId ?? ""}'`);
        // B4: indexes are 0-based.
        if ((band.tilesetBandIndex ?? 0) < 0) add(["bands", b, "tilesetBandIndex"], "a tileset band index is 0-based, so not negative");
    });
    maskViolations(m, tilesetIds, m.bands ? bandIds : undefined, add);
    footprintViolations(m, m.bands ? bandIds : undefined, add);
    // R1: endTime is exclusive, so a range ends after it starts.
    const [start, end] = [m.startTime, m.endTime].map((t) => (t === undefined ? undefined : parseRfc3339(t)));
    if (start !== undefined && end !== undefined && end <= start) {
        add(["endTime"], `end_time ${m.endTime} is not after start_time ${m.startTime} (the end is exclusive)`);
    }
    return out;
}

type Add = (path: FieldPath, reason: string, serviceMessage?: string) => void;

function tilesetViolations(tilesets: Tileset[], m: Partial<ImageManifest>, add: Add): Set<string> {
    const ids = new Set<string>();
    tilesets.forEach((tileset, t) => {
        const id = tileset.id ?? "";
        // T2: "Each tileset must have a unique ID" (REST reference, ImageManifest.tilesets).
        if (ids.has(id)) add(["tilesets", t, "id"], `tileset id '${id}' is used twice; each tileset must have a unique ID`);
        ids.add(id);
        // T3: importExternal reads exactly one file per tileset.
        const sources = tileset.sources ?? [];
        if (tileset.sources === undefined) add(["tilesets", t, "sources"], "this field is required");
        else if (sources.length !== 1)
            add(["tilesets", t, "sources"], `importExternal takes exactly one source per tileset, got ${sources.length}`);
        // M1: with skipMetadataRead the service takes type, CRS and grid from the manifest only.
        if (m.skipMetadataRead) {
            if (!tileset.dataType) add(["tilesets", t, "dataType"], "skip_metadata_read is set, so data_type is required");
            if (!tileset.crs) add(["tilesets", t, "crs"], "skip_metadata_read is set, so crs is required");
        }
        sources.forEach((source, s) => {
            const path = ["tilesets", t, "sources", s];
            // U1: a source names at least one file; U2: only Cloud Storage URIs (after uriPrefix).
            if (!source.uris || source.uris.length === 0) add([...path, "uris"], "a source needs at least one URI");
            source.uris?.forEach((uri, u) => {
                const problem = sourceUriProblem((m.uriPrefix ?? "") + uri);
                if (problem) add([...path, "uris", u], problem);
            });
            // G1: grids have at least one pixel each way.
            for (const side of ["width", "height"] as const) {
                const size = source.dimensions?.[side];
                if (size !== undefined && size < 1) add([...path, "dimensions", side], `${side} must be at least 1`);
            }
            if (m.skipMetadataRead) {
                if (!source.affineTransform)
                    add([...path, "affineTransform"], "skip_metadata_read is set, so affine_transform is required");
                if (!source.dimensions) add([...path, "dimensions"], "skip_metadata_read is set, so dimensions is required");
            }
        });
    });
    return ids;
}

// K1, K2: a mask's tileset and bands must exist; K3: "each band may have at most one mask" (REST reference, TilesetMaskBand).
function maskViolations(m: Partial<ImageManifest>, tilesetIds: Set<string>, bandIds: Set<string> | undefined, add: Add): void {
    const maskedBy = new Map<string, number>();
    let allBandsMask: number | undefined;
    (m.maskBands ?? []).forEach((mask, i) => {
        if (!tilesetIds.has(mask.tilesetId ?? "")) add(["maskBands", i, "tilesetId"], `no tileset has id '${mask.tilesetId ?? ""}'`);
        const listed = mask.bandIds ?? [];
        if (listed.length === 0) {
            const earlier = allBandsMask ?? maskedBy.values().next().value;
            if (earlier !== undefined)
                add(["maskBands", i, "bandIds"], `a band has at most one mask, and mask_bands[${earlier}] already masks some of them`);
            allBandsMask = i;
        }
        listed.forEach((bandId, j) => {
            if (bandIds && !bandIds.has(bandId)) add(["maskBands", i, "bandIds", j], `no band has id '${bandId}'`);
            const earlier = allBandsMask ?? maskedBy.get(bandId);
            if (earlier !== undefined)
                add(["maskBands", i, "bandIds", j], `a band has at most one mask, and mask_bands[${earlier}] already masks '${bandId}'`);
            maskedBy.set(bandId, i);
        });
    });
}

// F1: the footprint is a ring, its last point equal to its first; F2: its band must exist.
function footprintViolations(m: Partial<ImageManifest>, bandIds: Set<string> | undefined, add: Add): void {
    const points = m.footprint?.points ?? [];
    const [first, last] = [points[0], points[points.length - 1]];
    if (first && (first.x !== last.x || first.y !== last.y)) {
        add(["footprint", "points"], `the ring is not closed: the last point must equal the first, (${first.x}, ${first.y})`);
    }
    const bandId = m.footprint?.bandId;
    if (bandId !== undefined && bandIds && !bandIds.has(bandId)) add(["footprint", "bandId"], `no band has id '${bandId}'`);
}
