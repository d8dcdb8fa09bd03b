import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

// TypeScript's own error for a mistyped manifest field names the public input type, not an
// expanded `Input<{ name: Input<string>; tilesets: ... }>`.
const FIXTURES = path.join(__dirname, "../fixtures/types");
let diagnostics: readonly ts.Diagnostic[] = [];

// One program for every fixture: creating a TypeScript program is most of this suite's time.
beforeAll(() => {
    const files = fs.readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name));
    const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        esModuleInterop: true,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        target: ts.ScriptTarget.ES2022,
        baseUrl: path.join(__dirname, "../.."),
        paths: { "pulumi-earthengine": ["sdk/index.ts"] },
    });
    diagnostics = ts.getPreEmitDiagnostics(program);
});

/** TypeScript's messages for one fixture file of the program. */
function compileErrors(fixture: string): string[] {
    const file = path.join(FIXTURES, fixture);
    return diagnostics.filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

test("a mistyped manifest field is reported against ImageManifestArgs", () => {
    expect(compileErrors("manifest-typo.ts")).toEqual([
        "Object literal may only specify known properties, and 'tileset' does not exist in type 'Input<ImageManifestArgs>'.",
    ]);
});

test("a typo inside a tileset is reported against TilesetArgs, not an expanded type", () => {
    const [message, ...rest] = compileErrors("nested-typo.ts");
    expect(rest).toEqual([]);
    expect(message).toContain("'source' does not exist in type 'Input<TilesetArgs>'");
    expect(message).not.toMatch(/Input<\{/);
});

test("every nested manifest object accepts plain values, Outputs and lists of Outputs", () => {
    expect(compileErrors("nested-valid.ts")).toEqual([]);
});
