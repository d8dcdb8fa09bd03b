import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

// TypeScript's own error for a mistyped manifest field names the public input type, not an
// expanded `Input<{ name: Input<string>; tilesets: ... }>`.
const FIXTURES = path.join(__dirname, "../fixtures/types");
let diagnostics: readonly ts.Diagnostic[] = [];
let program: ts.Program;

// One program for every fixture: creating a TypeScript program is most of this suite's time. Its
// options are the project's tsconfig's (ES2022 lib without the DOM, Node's types only, JSON modules),
// and only the fixtures are type-checked: the SDK's own files are lint's (`tsc --noEmit`) to check,
// and checking them here too doubled the suite's time.
beforeAll(() => {
    const files = fs.readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name));
    program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        esModuleInterop: true,
        resolveJsonModule: true,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2022.d.ts"],
        types: ["node"],
        baseUrl: path.join(__dirname, "../.."),
        paths: { "pulumi-earthengine": ["sdk/index.ts"] },
    });
    diagnostics = files.flatMap((file) => {
        const source = program.getSourceFile(file);
        if (!source) throw new Error(`${file} is not in the program`);
        return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    });
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

test("a typo in a collection's defaults or entries is reported against ImageDefaultsArgs and ImageEntryArgs", () => {
    const messages = compileErrors("collection-typo.ts");
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain("'tileset' does not exist in type 'Input<ImageDefaultsArgs>'");
    expect(messages[1]).toContain("'start_tme' does not exist in type 'Input<ImageEntryArgs>'");
    for (const message of messages) expect(message).not.toMatch(/Input<\{/);
});

test("collection defaults and entries accept plain values, Outputs and nulls", () => {
    expect(compileErrors("collection-valid.ts")).toEqual([]);
});

test("every nested manifest object accepts plain values, Outputs and lists of Outputs", () => {
    expect(compileErrors("nested-valid.ts")).toEqual([]);
});

// ExternalImageArgs comes from the kind's contract (issue 17): each field's documentation is
// written once, in provider/externalImage/contract.ts, and is what an editor shows on the args.
test("ExternalImageArgs carries the contract's documentation on every field", () => {
    const index = path.join(__dirname, "../../sdk/index.ts");
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(index);
    if (!source) throw new Error("sdk/index.ts not found");
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source) as ts.Symbol);
    const argsSymbol = exported.find((symbol) => symbol.name === "ExternalImageArgs");
    if (!argsSymbol) throw new Error("sdk/index.ts does not export ExternalImageArgs");
    const args = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(argsSymbol));
    const docs = Object.fromEntries(
        checker.getPropertiesOfType(args).map((p) => [p.name, ts.displayPartsToString(p.getDocumentationComment(checker))]),
    );
    expect(Object.keys(docs).sort()).toEqual(["adopt", "imageManifest", "project"]);
    expect(docs.project).toMatch(/^Consumer project for quota and billing/);
    expect(docs.imageManifest).toMatch(/^The image: name, tilesets/);
    expect(docs.adopt).toMatch(/^Take over an asset that already exists and differs/);
});
