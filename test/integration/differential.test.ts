import * as fs from "node:fs";
import * as path from "node:path";
import { externalImageProvider } from "../../provider/externalImage";
import { inputsOf, loadCorpus } from "../fixtures/hostile/corpus";
import { disagreement, emulatorAnswer, INTENDED_DIFFERENCES } from "./support/differential";

/**
 * Every manifest fixture in the repository (outside the hostile corpus, which
 * test/unit/hostile.test.ts judges the same way with its own `check` results): the provider's
 * `check` on the manifest as written against the emulator's answer (support/differential.ts).
 */
const FIXTURES = path.join(__dirname, "..", "fixtures");

interface ManifestFixture {
    label: string;
    manifest: unknown;
}

/** Objects that are manifests: a `tilesets` list beside a `name` (or a legacy `id`), and no asset `type`. */
function manifestsIn(value: unknown, at: string, out: ManifestFixture[]): void {
    if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) manifestsIn(item, `${at}[${i}]`, out);
        return;
    }
    if (value === null || typeof value !== "object") return;
    const object = value as Record<string, unknown>;
    if ("tilesets" in object && ("name" in object || "id" in object) && !("type" in object)) {
        out.push({ label: at, manifest: object });
        return;
    }
    for (const [key, child] of Object.entries(object)) manifestsIn(child, `${at}.${key}`, out);
}

const CASES: ManifestFixture[] = [];
for (const file of fs.readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).sort()) {
    if (file.endsWith(".json") && !file.startsWith(`hostile${path.sep}`)) {
        manifestsIn(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8")), file, CASES);
    }
}

test("every manifest fixture outside the hostile corpus is judged: at least 100", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
});

test.each(CASES.map((c): [string, unknown] => [c.label, c.manifest]))("%s: the provider and the emulator agree", async (_, manifest) => {
    const checked = await externalImageProvider.check({}, { imageManifest: manifest });
    expect(disagreement(manifest, checked)).toBeUndefined();
});

describe.each(INTENDED_DIFFERENCES.map((d): [string, (typeof INTENDED_DIFFERENCES)[number]] => [d.rule, d]))(
    "intended difference %s",
    (_, difference) => {
        test("its example is refused by check for that reason and accepted by the emulator as written", async () => {
            const hostile = difference.example.startsWith("hostile: ")
                ? loadCorpus().find((c) => c.name === difference.example.slice("hostile: ".length))
                : undefined;
            const inputs = hostile
                ? inputsOf(hostile)
                : {
                      imageManifest: (JSON.parse(fs.readFileSync(path.join(FIXTURES, difference.example), "utf8")) as { manifest: unknown })
                          .manifest,
                  };
            const checked = await externalImageProvider.check({}, inputs);
            expect(checked.failures?.some((f) => f.reason.includes(difference.reasonIncludes))).toBe(true);
            const answer = emulatorAnswer({ imageManifest: inputs.imageManifest });
            expect("unsendable" in answer || answer.accepted).toBe(true);
        });
    },
);
