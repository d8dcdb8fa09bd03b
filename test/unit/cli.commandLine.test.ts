import { buildProgram, DEFAULT_BATCH_THRESHOLD, type ImportRequest } from "../../cli/main";
import { flagOf, settingsFrom } from "../../cli/settings";
import { ConfigurationError } from "../../provider/earthengine";

// The pulumi-earthengine command line: subcommands on commander 14, flags named after config keys.

/** Parses `args` and returns what the subcommands were called with (nothing runs). */
async function parse(...args: string[]): Promise<{ imports: ImportRequest[]; emulator: (readonly string[])[] }> {
    const calls = { imports: [] as ImportRequest[], emulator: [] as (readonly string[])[] };
    const program = buildProgram({
        import: async (request) => {
            calls.imports.push(request);
        },
        emulator: async (argv) => {
            calls.emulator.push(argv);
        },
    });
    program.exitOverride();
    for (const command of program.commands)
        command.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    await program.parseAsync(args, { from: "user" });
    return calls;
}

test("import takes the asset and defaults to TypeScript, threshold 500, protect, one binding per role", async () => {
    const { imports } = await parse("import", "projects/p/assets/archive");
    expect(imports).toEqual([
        {
            assetName: "projects/p/assets/archive",
            recursive: false,
            out: undefined,
            format: "ts",
            batchThreshold: DEFAULT_BATCH_THRESHOLD,
            protect: true,
            iam: "binding",
            packageSpec: undefined,
            config: {},
            progress: undefined,
        },
    ]);
    expect(DEFAULT_BATCH_THRESHOLD).toBe(500);
});

test("import reads its options and the flags named after config keys", async () => {
    const { imports } = await parse(
        "import",
        "projects/p/assets/archive",
        "--recursive",
        "--out",
        "adopted",
        "--format=json",
        "--batch-threshold",
        "100",
        "--no-protect",
        "--iam",
        "policy",
        "--project",
        "quota-project",
        "--max-concurrent-requests",
        "5",
        "--max-requests-per-second=9",
        "--endpoint",
        "http://127.0.0.1:8085",
        "--package",
        "../pulumi-earthengine-0.1.0.tgz",
    );
    expect(imports[0]).toMatchObject({
        recursive: true,
        out: "adopted",
        format: "json",
        batchThreshold: 100,
        protect: false,
        iam: "policy",
        packageSpec: "../pulumi-earthengine-0.1.0.tgz",
        config: { project: "quota-project", maxConcurrentRequests: "5", maxRequestsPerSecond: "9", endpoint: "http://127.0.0.1:8085" },
    });
});

test.each([
    [["import", "x", "--format", "yaml"], /Allowed choices are ts, json/],
    [["import", "x", "--batch-threshold", "many"], /a whole number \(0 or more\) is needed, got "many"/],
    [["import", "x", "--credentials", "{}"], /unknown option '--credentials'/],
    [["import"], /missing required argument 'asset'/],
])("refuses %j with a message saying what to change", async (args, message) => {
    await expect(parse(...args)).rejects.toThrow(message);
});

test("emulator passes its flags through to the emulator's own parser, --help included", async () => {
    const { emulator } = await parse("emulator", "--port", "8085", "--state=./ee.json", "--help");
    expect(emulator).toEqual([["--port", "8085", "--state=./ee.json", "--help"]]);
});

test("a flag's bad value is reported under the flag's name, an environment variable's under its own", () => {
    expect(flagOf("maxConcurrentRequests")).toBe("--max-concurrent-requests");
    expect(() => settingsFrom({ maxConcurrentRequests: "0" }, {})).toThrow(
        new ConfigurationError("--max-concurrent-requests", '--max-concurrent-requests "0" must be a whole number from 1 to 1000'),
    );
    expect(() => settingsFrom({}, { EARTHENGINE_ENDPOINT: "http://example.com" })).toThrow(
        /earthengine:endpoint "http:\/\/example.com" must use https/,
    );
    expect(settingsFrom({ maxConcurrentRequests: "7" }, { EARTHENGINE_PROJECT: "env-project" })).toMatchObject({
        project: "env-project",
        reliability: { limits: { maxConcurrentRequests: 7 } },
    });
});
