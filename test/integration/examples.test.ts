import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type MockCreate, runMockedProgram } from "../support/mockedProgram";
import { kindUnderTest } from "./support/kinds";

// The programs in examples/ against the emulator, each Earth Engine resource made by its kind's own
// provider (check, then create, in the order the program's outputs allow), and then what a no-change
// `pulumi preview` asks of the provider (check against the recorded inputs, diff against the recorded
// outputs): nothing to change. The engine itself is mocked: what only the engine shows (its display,
// ordering across steps, replacement, the dynamic-provider host, the packed package) is walked with
// the same kinds by lifecycle, tree, timeseries, sdkFloor and readmeUsage in test/e2e; `npm run lint`
// type-checks examples/*/index.ts. examples/bucket and examples/stac have their own suites
// (sources.bucket, sources.stac), with the sources' stand-ins.
const DYNAMIC_TYPE = /^pulumi-nodejs:dynamic\/earthengine:(\w+)$/;

let emulator: RunningEmulator;
beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());

/** Each kind's provider, configured for the emulator once per suite (configure builds its clients). */
const kinds = new Map<string, ReturnType<typeof kindUnderTest>>();
function kindFor(typeName: string): ReturnType<typeof kindUnderTest> {
    let kind = kinds.get(typeName);
    if (kind === undefined) {
        kind = kindUnderTest(typeName, emulator);
        kinds.set(typeName, kind);
    }
    return kind;
}

interface Made {
    typeName: string;
    name: string;
    id: string;
    inputs: Record<string, unknown>;
    outs: Record<string, unknown>;
}

/** A MockCreate that makes each custom resource with its kind's provider against the emulator, recording what it made. */
function createdByProviders(made: Made[]): MockCreate {
    return async (args) => {
        if (!args.custom) return { id: "", state: {} }; // a component: the engine makes nothing for it
        const typeName = DYNAMIC_TYPE.exec(args.type)?.[1];
        if (typeName === undefined) throw new Error(`${args.name}: ${args.type} is not a pulumi-earthengine kind`);
        const { __provider, ...declared } = args.inputs;
        const kind = await kindFor(typeName);
        const { id, inputs, outs } = await kind.created(declared);
        made.push({ typeName, name: args.name, id, inputs, outs });
        return { id, state: outs };
    };
}

const monthly = Array.from(
    { length: 12 },
    (_, m) => `projects/example-project/assets/archive/ndvi_monthly/2024_${String(m + 1).padStart(2, "0")}`,
);

// The first name is the program's assetName output; then the kinds the program makes, in order.
test.each([
    ["basic", "earthengine-basic", ["projects/example-project/assets/dem"], ["ExternalImage"]],
    ["multiband", "earthengine-multiband", ["projects/example-project/assets/scene_20260601"], ["ExternalImage"]],
    [
        "timeseries",
        "earthengine-timeseries",
        ["projects/example-project/assets/archive/ndvi_monthly", "projects/example-project/assets/archive", ...monthly],
        ["Folder", "ImageCollection", ...monthly.map(() => "ExternalImage"), "AssetIamMember"],
    ],
])(
    "examples/%s: its resources are created as declared, and a no-change preview finds nothing to change",
    async (example, project, assetNames, kinds) => {
        emulator.reset();
        const made: Made[] = [];
        const { outputs } = await runMockedProgram(
            path.join(__dirname, "../../examples", example, "index.ts"),
            project,
            { assetProject: "example-project", bucket: "example-bucket" },
            createdByProviders(made),
        );
        expect(outputs.assetName).toBe(assetNames[0]);
        expect(
            emulator
                .assets()
                .map((a) => a.name)
                .sort(),
        ).toEqual([...assetNames].sort());

        const writes = emulator.requests().length;
        for (const resource of made) {
            const { provider } = await kindFor(resource.typeName);
            const checked = await provider.check(resource.inputs, resource.inputs);
            expect({ name: resource.name, failures: checked.failures ?? [] }).toEqual({ name: resource.name, failures: [] });
            const diff = await provider.diff(resource.id, resource.outs, checked.inputs);
            expect({ name: resource.name, changes: diff.changes }).toEqual({ name: resource.name, changes: false });
        }
        expect(made.map((resource) => resource.typeName).sort()).toEqual([...kinds].sort());
        expect(emulator.requests().slice(writes)).toEqual([]); // preview makes no Earth Engine call
    },
);
