import * as path from "node:path";
import * as ts from "typescript";

// TypeScript's own error for a mistyped manifest field names the public input type, not an
// expanded `Input<{ name: Input<string>; tilesets: ... }>`.
test("a mistyped manifest field is reported against ImageManifestArgs", () => {
    const file = path.join(__dirname, "../fixtures/types/manifest-typo.ts");
    const program = ts.createProgram([file], {
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
    const messages = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName === file)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(messages).toEqual([
        "Object literal may only specify known properties, and 'tileset' does not exist in type 'Input<ImageManifestArgs>'.",
    ]);
});
