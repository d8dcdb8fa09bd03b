import { type Declarations, NOT_RECOVERABLE } from "./declarations";

/** What was declared, by kind: the summary's and the report's counts. */
export interface DeclaredCounts {
    folders: number;
    collections: number;
    batchCollections: number;
    images: number;
    iam: number;
    skipped: number;
}

export function countDeclared(declarations: Declarations): DeclaredCounts {
    const counts: DeclaredCounts = {
        folders: 0,
        collections: 0,
        batchCollections: 0,
        images: 0,
        iam: 0,
        skipped: declarations.skipped.length,
    };
    for (const d of declarations.resources) {
        if (d.type === "Folder") counts.folders++;
        else if (d.type === "ExternalImageCollection") {
            counts.collections++;
            if (d.batch) counts.batchCollections++;
            counts.images += Object.keys(d.images).length;
        } else if (d.type === "ExternalImage") counts.images++;
        else counts.iam++;
    }
    return counts;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line of counts: `1 folder, 2 image collections (1 in batch mode), 230 external images, 3 IAM resources, 2 skipped`. */
export function countsLine(counts: DeclaredCounts): string {
    const batch = counts.batchCollections > 0 ? ` (${counts.batchCollections} in batch mode)` : "";
    return [
        plural(counts.folders, "folder"),
        `${plural(counts.collections, "image collection")}${batch}`,
        plural(counts.images, "external image"),
        plural(counts.iam, "IAM resource"),
        `${counts.skipped} skipped`,
    ].join(", ");
}

/**
 * import-report.md: what was declared, every asset left out with the reason, the folders not
 * read, and what an import cannot recover. No times: the same tree gives the same report.
 */
export function renderReport(declarations: Declarations): string {
    const lines = [
        `# Import of ${declarations.source}`,
        "",
        `Declared: ${countsLine(countDeclared(declarations))}.`,
        "",
        `## Skipped (${declarations.skipped.length})`,
        "",
        declarations.skipped.length === 0
            ? "None: every asset found is declared."
            : "Assets pulumi-earthengine cannot manage; the generated program leaves them alone.\n",
        ...declarations.skipped.map((s) => `- \`${s.assetName}\` (${s.type}): ${s.reason}`),
    ];
    const notWalked = declarations.resources.filter((d) => d.type === "Folder" && d.notWalked);
    if (notWalked.length > 0) {
        lines.push(
            "",
            `## Folders not read (${notWalked.length})`,
            "",
            "Declared, but their contents were not read: run the import with --recursive to adopt them.",
            "",
        );
        for (const d of notWalked) lines.push(`- \`${"assetName" in d ? d.assetName : d.name}\``);
    }
    lines.push("", "## Not recoverable", "", NOT_RECOVERABLE, "");
    return lines.join("\n");
}
