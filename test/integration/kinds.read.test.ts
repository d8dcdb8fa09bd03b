import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { KINDS } from "../../provider/kinds";
import { inputKeysOf } from "../../provider/resource/contract";
import { sameValue } from "../../provider/values/compare";
import { contractOf } from "../support/kindSources";
import { kindUnderTest, outOfBand } from "./support/kinds";

// A shape test of every registered kind against the emulator: create, then read (what refresh
// runs), gives back every input of its contract as declared, and the next diff finds nothing.
// A kind whose read drops an input (containerKind's read rebuilds only the container's own
// inputs) loses it on every refresh and previews a change forever.
const FIXTURE = "test/fixtures/kinds/inputs.json";
const declarations: Record<string, Record<string, unknown>> = JSON.parse(fs.readFileSync(path.join(__dirname, "../..", FIXTURE), "utf8"));
/** Inputs `check` sets itself, never the program (each contract says so); read need not keep them. */
const SET_BY_CHECK: Record<string, string[]> = { ExternalImageSet: ["changeSummary"] };

let emulator: RunningEmulator;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
    emulator.reset();
    expect((await outOfBand(emulator, "POST", `projects/test-project/assets?assetId=kinds`, { type: "FOLDER" })).status).toBe(200);
});

test.each(KINDS.map((kind) => kind.typeName))(
    "%s: read after create echoes every input of its contract, and the next diff is empty",
    async (typeName) => {
        const inputs = inputKeysOf(contractOf(typeName)).filter((key) => !SET_BY_CHECK[typeName]?.includes(key));
        const declared = declarations[typeName];
        if (declared === undefined)
            throw new Error(
                `${FIXTURE} has no ${typeName}: add a declaration that sets every input of its contract (${inputs.join(", ")}).`,
            );
        const unset = inputs.filter((key) => !(key in declared));
        if (unset.length > 0)
            throw new Error(
                `${FIXTURE}'s ${typeName} leaves ${unset.join(", ")} unset: set every input, so that read is shown to keep it.`,
            );

        const kind = await kindUnderTest(typeName, emulator);
        const { inputs: checked, id, outs } = await kind.created(declared);
        const read = await kind.provider.read(id, outs);
        const refreshed = (read.inputs ?? {}) as Record<string, unknown>;
        const lost = inputs.filter((key) => !sameValue(refreshed[key], checked[key]));
        if (lost.length > 0) {
            throw new Error(
                `${typeName}'s read does not give back ${lost.map((key) => `${key} (declared ${JSON.stringify(checked[key])}, read ${JSON.stringify(refreshed[key])})`).join(", ")}: ` +
                    'read must return every input of the contract, read from the asset or kept from the stored state, or each refresh drops it (CONTRIBUTING.md, "Adding a resource kind").',
            );
        }
        expect(await kind.provider.diff(id, read.props as Record<string, unknown>, checked)).toMatchObject({ changes: false });
    },
);
