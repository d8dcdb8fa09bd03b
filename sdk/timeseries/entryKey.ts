import { parseAssetName } from "../../provider/manifest";

/**
 * Why `key` cannot name an image directly inside a collection, or undefined when it can. An image
 * collection holds images only, so a key is one asset-id segment; the segment rule is the one
 * every asset name in this package follows (provider/manifest/names.ts).
 */
export function entryKeyProblem(key: string): string | undefined {
    if (key.includes("/")) {
        return `an image collection holds images directly, so a key is one path segment without '/'; write for example "${suggestKey(key)}"`;
    }
    if (parseAssetName(`projects/p/assets/${key}`) === undefined) {
        return `a key is an asset id: letters, digits, '_' and '-' only; write for example "${suggestKey(key)}"`;
    }
    return undefined;
}

function suggestKey(key: string): string {
    return key.replace(/[^A-Za-z0-9_-]/g, "_") || "image_1";
}
