import * as fs from "node:fs";
import * as path from "node:path";
import { ApiError } from "../../../emulator/errors";
import { MAX_REQUEST_BYTES } from "../../../emulator/http";
import { importExternal } from "../../../emulator/importExternal";
import { AssetStore } from "../../../emulator/store";

/**
 * The provider judged by Google's stand-in. For a manifest and the provider's `check` result:
 * `check` accepts -> the emulator must accept what the provider sends; `check` refuses -> the
 * emulator must refuse the manifest as written (as the official CLI sends it), or each of the
 * provider's reasons must be a listed intended difference
 * (test/fixtures/differential/intended-differences.json). Used by test/integration/differential.test.ts
 * (every manifest fixture) and test/unit/hostile.test.ts (the hostile corpus, reusing its `check`).
 */

export interface IntendedDifference {
    rule: string;
    reasonIncludes: string;
    why: string;
    /** A fixture that shows it: a file under test/fixtures, or `hostile: <case name>`. */
    example: string;
}

export const INTENDED_DIFFERENCES = (
    JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "differential", "intended-differences.json"), "utf8")) as {
        differences: IntendedDifference[];
    }
).differences;

export type Answer = { accepted: true } | { accepted: false; status: number; message: string } | { unsendable: string };

/** The emulator's answer to an importExternal body, as its HTTP layer and handler would give it (in process). */
export function emulatorAnswer(body: unknown): Answer {
    let text: string;
    try {
        text = JSON.stringify(body);
    } catch (error) {
        // Nesting past the JSON writer's stack: no client can send it.
        return { unsendable: (error as Error).message };
    }
    if (Buffer.byteLength(text) > MAX_REQUEST_BYTES) {
        return { accepted: false, status: 400, message: `Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes.` };
    }
    const request = JSON.parse(text) as { imageManifest?: { name?: unknown } };
    const store = new AssetStore();
    createParents(store, request.imageManifest?.name);
    try {
        importExternal(store, "v1alpha", request);
        return { accepted: true };
    } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return { accepted: false, status: error.httpStatus, message: error.message };
    }
}

// The parents exist: the differential judges the request, not what the project holds.
function createParents(store: AssetStore, name: unknown): void {
    if (typeof name !== "string") return;
    const full = name.startsWith("users/") ? `projects/earthengine-legacy/assets/${name}` : name;
    const [, root, folders = ""] = /^(projects\/[^/]+\/assets)\/(.*)\/[^/]+$/.exec(full) ?? [];
    let parent = root;
    for (const folder of folders ? folders.split("/") : []) {
        parent = `${parent}/${folder}`;
        if (!store.get(parent)) store.put({ type: "FOLDER", name: parent });
    }
}

export const showAnswer = (answer: Answer) =>
    "unsendable" in answer
        ? `unsendable (${answer.unsendable})`
        : answer.accepted
          ? "accepted"
          : `${answer.status} ${answer.message.slice(0, 300)}`;

interface CheckResult {
    inputs?: unknown;
    failures?: { property: string; reason: string }[];
}

/**
 * `{provider, emulator}` naming both answers when they disagree beyond the listed differences,
 * else undefined. Failures of other inputs than the manifest are not the emulator's business.
 */
export function disagreement(manifest: unknown, checked: CheckResult): { provider: string; emulator: string } | undefined {
    const failures = (checked.failures ?? []).filter((f) => f.property.startsWith("imageManifest"));
    if (failures.length === 0) {
        const sent = { imageManifest: (checked.inputs as { imageManifest?: unknown } | undefined)?.imageManifest, overwrite: false };
        const answer = emulatorAnswer(sent);
        return "accepted" in answer && answer.accepted ? undefined : { provider: "accepted", emulator: showAnswer(answer) };
    }
    const unlisted = failures.filter((failure) => !INTENDED_DIFFERENCES.some((d) => failure.reason.includes(d.reasonIncludes)));
    if (unlisted.length === 0) return undefined;
    const asWritten = emulatorAnswer({ imageManifest: manifest });
    if ("accepted" in asWritten && !asWritten.accepted) return undefined;
    return {
        provider: `refused: ${unlisted.map((f) => `${f.property}: ${f.reason.slice(0, 200)}`).join(" | ")}`,
        emulator: showAnswer(asWritten),
    };
}
