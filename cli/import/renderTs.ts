import type { CollectionDeclaration, Declaration, Declarations, FolderDeclaration, IamDeclaration, ImageDeclaration } from "./declarations";
import { NOT_RECOVERABLE } from "./declarations";
import type { Files } from "./project";

const RESERVED = new Set(
    (
        "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
        "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
        "private protected public await pulumi ee fs path options data externalImages"
    ).split(" "),
);

/** A readable, unique TypeScript identifier for a resource name: `archive/scenes-2020` → `archiveScenes2020`. */
function identifierFor(name: string, used: Set<string>): string {
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    let id = words.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join("") || "asset";
    if (/^\d/.test(id)) id = `asset${id}`;
    if (RESERVED.has(id)) id = `${id}Asset`;
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}${n}`;
    used.add(unique);
    return unique;
}

/** The data file of a resource: its name with `/` as `.` (asset ids hold no dots). */
export function dataFile(name: string, suffix = ""): string {
    return `${name.replaceAll("/", ".")}${suffix}.json`;
}

/** A JSON value as a TypeScript literal (keys unquoted where they can be), on one line when it fits, else indented from `indent`. */
function literal(value: unknown, indent: string): string {
    const oneLine = tsLiteral(value, undefined);
    return oneLine.length + indent.length <= 100 ? oneLine : tsLiteral(value, indent);
}

function tsLiteral(value: unknown, indent: string | undefined): string {
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    const inner = indent === undefined ? undefined : `${indent}    `;
    const items = Array.isArray(value)
        ? value.map((v) => tsLiteral(v, inner))
        : Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${tsLiteral(v, inner)}`);
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{ ", " }"];
    if (items.length === 0) return Array.isArray(value) ? "[]" : "{}";
    if (inner === undefined) return `${open}${items.join(", ")}${close}`;
    return `${open.trim()}\n${items.map((item) => `${inner}${item},`).join("\n")}\n${indent}${close.trim()}`;
}

const q = (text: string) => JSON.stringify(text);

/**
 * `--format ts`: one declaration per folder, collection and IAM grant, parents referenced by
 * variable so the engine orders them; each collection's images in `data/<name>.json`, and the
 * external images directly in a folder in `data/<folder>.images.json`.
 */
export function renderTs(declarations: Declarations, header: string): Files {
    const files: Files = {};
    const used = new Set<string>();
    const vars = new Map<string, string>();
    const assets = new Map<string, Declaration>();
    for (const d of declarations.resources) if (d.type !== "AssetIamBinding" && d.type !== "AssetIamPolicy") assets.set(d.name, d);
    const lines: string[] = [];

    const nameExpression = (d: FolderDeclaration | CollectionDeclaration): string => {
        const parentVar = d.parent ? vars.get(d.parent) : undefined;
        if (!parentVar) return q(d.assetName);
        return `pulumi.interpolate\`\${${parentVar}.assetName}/${d.assetName.slice(d.assetName.lastIndexOf("/") + 1)}\``;
    };

    // External images directly in a folder (or at the root), one data file and one loop per folder.
    const looseImages = new Map<string, ImageDeclaration[]>();
    for (const d of declarations.resources) {
        if (d.type !== "ExternalImage") continue;
        const key = d.parent ?? "";
        looseImages.set(key, [...(looseImages.get(key) ?? []), d]);
    }
    const looseVars = new Map<string, string>();
    const emitLoose = (parent: string): void => {
        const images = looseImages.get(parent);
        if (!images) return;
        const first = images[0];
        const parentAssetName = first.assetName.slice(0, first.assetName.lastIndexOf("/"));
        const file = dataFile(parent || "root", ".images");
        const variable = identifierFor(`${parent || "root"}Images`, used);
        looseVars.set(parent, variable);
        files[`data/${file}`] =
            `${JSON.stringify(Object.fromEntries(images.map((i) => [i.assetName.slice(parentAssetName.length + 1), i.imageManifest])), null, 2)}\n`;
        const parentVar = parent ? vars.get(parent) : undefined;
        const folderName = parentVar ? `${parentVar}.assetName` : q(parentAssetName);
        lines.push(`// ${NOT_RECOVERABLE_SHORT}`);
        const prefix = first.name.slice(0, first.name.lastIndexOf("/") + 1);
        lines.push(`const ${variable} = externalImages(${q(prefix)}, ${folderName}, ${q(file)});`);
        lines.push("");
    };

    for (const d of declarations.resources) {
        if (d.type === "Folder") {
            const variable = identifierFor(d.name, used);
            vars.set(d.name, variable);
            if (d.notWalked) lines.push(`// ${d.assetName}: its contents were not read (run the import with --recursive to adopt them).`);
            lines.push(`const ${variable} = new ee.Folder(${q(d.name)}, { name: ${nameExpression(d)} }, options);`);
            lines.push("");
            emitLoose(d.name);
        } else if (d.type === "ExternalImageCollection") {
            const variable = identifierFor(d.name, used);
            vars.set(d.name, variable);
            const count = Object.keys(d.images).length;
            const args = [`        name: ${nameExpression(d)},`];
            for (const [key, value] of Object.entries(d.metadata)) args.push(`        ${key}: ${literal(value, "        ")},`);
            if (count > 0) {
                const file = dataFile(d.name);
                files[`data/${file}`] =
                    `${JSON.stringify({ ...(d.defaults ? { defaults: d.defaults } : {}), images: d.images }, null, 2)}\n`;
                args.push(`        ...collectionImages(${q(file)}), // ${count} image${count === 1 ? "" : "s"}`);
            } else {
                args.push("        images: {},");
            }
            if (d.batch) args.push("        batch: true, // more images than --batch-threshold: one ExternalImageSet owns them");
            if (count > 0) lines.push(`// ${NOT_RECOVERABLE_SHORT}`);
            lines.push(
                `const ${variable} = new ee.ExternalImageCollection(`,
                `    ${q(d.name)},`,
                "    {",
                ...args,
                "    },",
                "    options,",
                ");",
                "",
            );
        }
    }
    // Images at the project root or of a single-image import (no declared parent).
    if (looseImages.has("")) emitLoose("");

    const iam = declarations.resources.filter((d): d is IamDeclaration => d.type === "AssetIamBinding" || d.type === "AssetIamPolicy");
    if (iam.length > 0)
        lines.push(
            "// IAM: one binding per role other than roles/owner (owners are never declared: destroying them would strip the owners).",
        );
    for (const d of iam) {
        const target = assets.get(d.target);
        let assetName: string;
        if (target?.type === "ExternalImage")
            assetName = `${looseVars.get(target.parent ?? "")}[${q(target.assetName.slice(target.assetName.lastIndexOf("/") + 1))}].assetName`;
        else assetName = `${vars.get(d.target)}.assetName`;
        const grant =
            d.type === "AssetIamBinding"
                ? `role: ${q(d.role ?? "")}, members: ${literal(d.members, "    ")}`
                : `bindings: ${literal(d.bindings, "    ")}`;
        const oneLine = `new ee.${d.type}(${q(d.name)}, { assetName: ${assetName}, ${grant} }, options);`;
        lines.push(
            oneLine.length <= 140
                ? oneLine
                : `new ee.${d.type}(\n    ${q(d.name)},\n    { assetName: ${assetName}, ${grant} },\n    options,\n);`,
        );
    }

    files["index.ts"] = [header, PRELUDE(declarations.protect), ...lines].join("\n").replace(/\n+$/, "\n");
    return files;
}

const NOT_RECOVERABLE_SHORT =
    "Not recoverable: memo, manifest-level uriPrefix and defaults, maskBands, footprints (Earth Engine does not return them); fill in if you set them.";

function PRELUDE(protect: boolean): string {
    return `import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ee from "pulumi-earthengine";

// ${NOT_RECOVERABLE}

${
    protect
        ? "// protect: a careless `pulumi destroy` cannot delete the adopted archive (pulumi state unprotect to lift it).\nconst options: pulumi.ResourceOptions = { protect: true };"
        : "// Generated with --no-protect: `pulumi destroy` deletes these assets.\nconst options: pulumi.ResourceOptions = {};"
}

/** A data file beside the program (JSON, read at run time so large collections do not slow type-checking). */
function data<T>(file: string): T {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "data", file), "utf8")) as T;
}

/** A collection's images: the fields they share (defaults) and one entry per image, keyed by image id. */
function collectionImages(file: string): Pick<ee.ExternalImageCollectionArgs, "defaults" | "images"> {
    return data(file);
}

/** The external images directly in a folder, one ExternalImage each, keyed by image id. */
function externalImages(prefix: string, folder: pulumi.Input<string>, file: string): Record<string, ee.ExternalImage> {
    const manifests = data<Record<string, Omit<ee.ImageManifestArgs, "name">>>(file);
    return Object.fromEntries(
        Object.entries(manifests).map(([id, manifest]) => [
            id,
            new ee.ExternalImage(\`\${prefix}\${id}\`, { imageManifest: { ...manifest, name: pulumi.interpolate\`\${folder}/\${id}\` } }, options),
        ]),
    );
}
`;
}
