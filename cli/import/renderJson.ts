import { type Declarations, NOT_RECOVERABLE } from "./declarations";
import type { Files } from "./project";

/**
 * `--format json`: the declarations as data (declarations.json) beside a short, fixed program that
 * declares them, for users who generate their programs themselves. Still a runnable project.
 */
export function renderJson(declarations: Declarations, header: string): Files {
    const { skipped: _, ...document } = declarations;
    return {
        "declarations.json": `${JSON.stringify({ notRecoverable: NOT_RECOVERABLE, ...document }, null, 2)}\n`,
        "index.ts": `${header}\n${DECLARATIONS_PROGRAM}`,
    };
}

/** The program of `--format json`, the same for every tree (test/fixtures/import/json-program/index.ts is a copy that `npm run lint` type-checks). */
export const DECLARATIONS_PROGRAM = `import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ee from "pulumi-earthengine";

/** One entry of declarations.json (see README "Adopting an existing archive"). */
interface Declaration {
    type: "Folder" | "ExternalImageCollection" | "ExternalImage" | "AssetIamBinding" | "AssetIamPolicy";
    /** The Pulumi resource name. */
    name: string;
    assetName?: string;
    /** The resource name of the parent folder or collection, whose assetName prefixes this one's. */
    parent?: string;
    metadata?: Omit<ee.ImageCollectionArgs, "name">;
    batch?: boolean;
    defaults?: ee.ImageDefaultsArgs;
    images?: Record<string, ee.ImageEntryArgs>;
    imageManifest?: Omit<ee.ImageManifestArgs, "name">;
    /** IAM: the resource name of the asset. */
    target?: string;
    role?: string;
    members?: string[];
    bindings?: { role: string; members: string[] }[];
}

const document: { protect: boolean; resources: Declaration[] } = JSON.parse(
    fs.readFileSync(path.join(__dirname, "declarations.json"), "utf8"),
);
const options: pulumi.ResourceOptions = document.protect ? { protect: true } : {};
const assets = new Map<string, ee.Folder | ee.ExternalImageCollection | ee.ExternalImage>();

/** The asset's name, through its parent's assetName so the engine creates the parent first. */
function nameOf(d: Declaration): pulumi.Input<string> {
    const assetName = d.assetName ?? "";
    const parent = d.parent === undefined ? undefined : assets.get(d.parent);
    return parent ? pulumi.interpolate\`\${parent.assetName}/\${assetName.slice(assetName.lastIndexOf("/") + 1)}\` : assetName;
}

/** The asset an IAM declaration is about. */
function targetOf(d: Declaration): pulumi.Input<string> {
    const target = assets.get(d.target ?? "");
    if (!target) throw new Error(\`declarations.json: \${d.name} names \${d.target}, which is not declared before it\`);
    return target.assetName;
}

for (const d of document.resources) {
    switch (d.type) {
        case "Folder":
            assets.set(d.name, new ee.Folder(d.name, { name: nameOf(d) }, options));
            break;
        case "ExternalImageCollection":
            assets.set(
                d.name,
                new ee.ExternalImageCollection(
                    d.name,
                    { name: nameOf(d), ...d.metadata, defaults: d.defaults, images: d.images ?? {}, batch: d.batch },
                    options,
                ),
            );
            break;
        case "ExternalImage":
            assets.set(
                d.name,
                new ee.ExternalImage(
                    d.name,
                    { imageManifest: { ...(d.imageManifest as Omit<ee.ImageManifestArgs, "name">), name: nameOf(d) } },
                    options,
                ),
            );
            break;
        case "AssetIamBinding":
            new ee.AssetIamBinding(d.name, { assetName: targetOf(d), role: d.role ?? "", members: d.members ?? [] }, options);
            break;
        case "AssetIamPolicy":
            new ee.AssetIamPolicy(d.name, { assetName: targetOf(d), bindings: d.bindings ?? [] }, options);
            break;
    }
}
`;
