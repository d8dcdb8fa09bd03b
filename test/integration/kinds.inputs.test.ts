import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { KINDS } from "../../provider/kinds";
import { inputKeysOf } from "../../provider/resource/contract";
import { sameValue } from "../../provider/values/compare";
import { contractOf } from "../support/kindContracts";
import { kindUnderTest, outOfBand } from "./support/kinds";

// A shape test of every registered kind against the emulator: read after create (what refresh
// runs) gives back every input of its contract as declared, and the next diff finds nothing; and
// each input changed alone shows as a change. A kind that drops an input in read loses it on
// every refresh and previews a change forever; one whose plan ignores an input never applies it.
// Both happen to a kind built on containerKind with an input of its own (CONTRIBUTING.md).
const FIXTURE = "test/fixtures/kinds/inputs.json";
type Props = Record<string, unknown>;
const fixtures: Record<string, { declared: Props; changed: Props }> = JSON.parse(
    fs.readFileSync(path.join(__dirname, "../..", FIXTURE), "utf8"),
);
/** Inputs `check` sets itself, never the program (each contract says so): no declaration sets them. */
const SET_BY_CHECK: Record<string, string[]> = { ExternalImageSet: ["changeSummary"] };
const TYPE_NAMES = KINDS.map((kind) => kind.typeName);

let emulator: RunningEmulator;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
    emulator.reset();
    expect((await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=kinds", { type: "FOLDER" })).status).toBe(200);
});

/** The kind's declaration and changes from the fixture (failing with what to add), the inputs they must cover, and the kind made from it. */
async function createdFromFixture(typeName: string) {
    const inputs = inputKeysOf(contractOf(typeName)).filter((key) => !SET_BY_CHECK[typeName]?.includes(key));
    const fixture = fixtures[typeName];
    if (fixture === undefined) {
        throw new Error(
            `${FIXTURE} has no ${typeName}: add { "declared": ..., "changed": ... } setting every input of its contract (${inputs.join(", ")}).`,
        );
    }
    for (const part of ["declared", "changed"] as const) {
        const unset = inputs.filter((key) => !(key in (fixture[part] ?? {})));
        if (unset.length > 0)
            throw new Error(`${FIXTURE}'s ${typeName}.${part} leaves ${unset.join(", ")} unset: set every input of the contract.`);
    }
    const kind = await kindUnderTest(typeName, emulator);
    return { inputs, fixture, kind, made: await kind.created(fixture.declared) };
}

test.each(TYPE_NAMES)("%s: read after create gives back every input of its contract, and the next diff is empty", async (typeName) => {
    const { inputs, kind, made } = await createdFromFixture(typeName);
    const read = await kind.provider.read(made.id, made.outs);
    const refreshed = (read.inputs ?? {}) as Props;
    const lost = inputs.filter((key) => !sameValue(refreshed[key], made.inputs[key]));
    if (lost.length > 0) {
        const shown = lost.map((key) => `${key} (declared ${JSON.stringify(made.inputs[key])}, read ${JSON.stringify(refreshed[key])})`);
        throw new Error(
            `${typeName}'s read does not give back ${shown.join(", ")}: read must return every input of the contract, read from the asset ` +
                'or kept from the stored state, or each refresh drops it (CONTRIBUTING.md, "Adding a resource kind").',
        );
    }
    expect(await kind.provider.diff(made.id, read.props as Props, made.inputs)).toMatchObject({ changes: false });
});

test.each(TYPE_NAMES)("%s: each input of its contract, changed alone, shows as a change", async (typeName) => {
    const { inputs, fixture, kind, made } = await createdFromFixture(typeName);
    const ignored: string[] = [];
    for (const key of inputs) {
        const diff = await kind.provider.diff(made.id, made.outs, await kind.checked({ ...fixture.declared, [key]: fixture.changed[key] }));
        if (!diff.changes) ignored.push(key);
    }
    if (ignored.length > 0) {
        throw new Error(
            `${typeName}'s diff finds no change when ${ignored.join(", ")} changes: its plan must compare every input of the contract, ` +
                'or a change to it is never applied (CONTRIBUTING.md, "Adding a resource kind").',
        );
    }
});
