import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import * as sdk from "../../sdk";
import { ROOT } from "./kindContracts";

// What the shape tests read of a kind's sources, parsed by TypeScript rather than matched by regex,
// so that comments, modifiers and line breaks neither hide a break nor invent one.

export { contractOf, contractsIn, folderOf, ROOT } from "./kindContracts";

/** The SDK class of a registered kind, or an error that says how to export it. */
export function sdkClassOf(typeName: string): new (name: string, args: object) => unknown {
    const Class = (sdk as Record<string, unknown>)[typeName];
    if (typeof Class !== "function") {
        throw new Error(
            `pulumi-earthengine exports no class ${typeName}: export ${typeName} from sdk/index.ts (and add it to the class list in its header comment).`,
        );
    }
    return Class as new (
        name: string,
        args: object,
    ) => unknown;
}

/** The source with every comment blanked (line breaks kept, so line numbers still point into the file). */
export function withoutComments(source: string): string {
    const file = ts.createSourceFile("source.ts", source, ts.ScriptTarget.Latest, true);
    const kept = new Array<boolean>(source.length).fill(false);
    // Between two tokens there is only trivia: whitespace and comments. Keep each token's own text.
    const visit = (node: ts.Node): void => {
        const children = node.getChildren(file).filter((child) => !ts.isJSDoc(child));
        if (children.length === 0) kept.fill(true, node.getStart(file), node.end);
        for (const child of children) visit(child);
    };
    visit(file);
    return source
        .split("")
        .map((char, at) => (kept[at] || /\s/.test(char) ? char : " "))
        .join("");
}

/** The lines of `source` (comments blanked) that match `pattern`, as `line N: <the line as written>`. */
export function linesMatching(source: string, pattern: RegExp): string[] {
    const written = source.split("\n");
    return withoutComments(source)
        .split("\n")
        .flatMap((line, at) => (pattern.test(line) ? [`line ${at + 1}: ${written[at].trim()}`] : []));
}

/** The modules a file imports (`from "x"`, `import "x"`, `import x = require("x")`, `require("x")`), comments ignored. */
export function importsOf(source: string): string[] {
    return [...withoutComments(source).matchAll(/(?:\bfrom|\bimport|\brequire\()\s*"([^"]+)"/g)].map((match) => match[1]);
}

export interface SdkClassSource {
    /** The file under sdk/ that declares the class. */
    file: string;
    /** The module the class hands to `super` as its shim, resolved to a path from the repository root (no extension). */
    shimModule?: string;
    /** The contract handed to `super`, as written. */
    contract?: string;
    /** The base class, as written after `extends`. */
    base?: string;
    /** Properties the class declares with `declare` or `!` (what the engine would fill in: outputs). */
    declaredOutputs: string[];
    /** Every property the class declares. */
    properties: string[];
}

/** The exported class `typeName` among sdk/*.ts, as the shape tests read it; undefined if no file declares it. */
export function sdkClassSource(typeName: string): SdkClassSource | undefined {
    for (const name of fs.readdirSync(path.join(ROOT, "sdk")).filter((file) => file.endsWith(".ts"))) {
        const file = `sdk/${name}`;
        const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
        const declaration = source.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === typeName);
        if (declaration) return readClass(file, source, declaration);
    }
    return undefined;
}

function readClass(file: string, source: ts.SourceFile, declaration: ts.ClassDeclaration): SdkClassSource {
    const properties = declaration.members.filter(ts.isPropertyDeclaration);
    const superCall = findSuperCall(declaration);
    const [shim, contract] = superCall?.arguments ?? [];
    return {
        file,
        shimModule: shim && ts.isIdentifier(shim) ? moduleBoundTo(file, source, shim.text) : undefined,
        contract: contract?.getText(source),
        base: declaration.heritageClauses?.[0]?.types[0]?.expression.getText(source),
        declaredOutputs: properties
            .filter((p) => p.exclamationToken !== undefined || p.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword))
            .map((p) => p.name.getText(source)),
        properties: properties.map((p) => p.name.getText(source)),
    };
}

function findSuperCall(node: ts.Node): ts.CallExpression | undefined {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) return node;
    return ts.forEachChild(node, findSuperCall);
}

/** The module an identifier is imported from in `source` (`import x = require(...)`, default or named import), from the root. */
function moduleBoundTo(file: string, source: ts.SourceFile, identifier: string): string | undefined {
    for (const statement of source.statements) {
        let specifier: ts.Expression | undefined;
        if (ts.isImportEqualsDeclaration(statement) && statement.name.text === identifier) {
            const reference = statement.moduleReference;
            if (ts.isExternalModuleReference(reference)) specifier = reference.expression;
        } else if (ts.isImportDeclaration(statement)) {
            const clause = statement.importClause;
            const named = clause?.namedBindings;
            const binds =
                clause?.name?.text === identifier ||
                (named && ts.isNamespaceImport(named) && named.name.text === identifier) ||
                (named && ts.isNamedImports(named) && named.elements.some((element) => element.name.text === identifier));
            if (binds) specifier = statement.moduleSpecifier;
        }
        if (specifier && ts.isStringLiteral(specifier)) return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier.text));
    }
    return undefined;
}
