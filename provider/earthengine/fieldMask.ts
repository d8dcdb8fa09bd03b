/**
 * The update-mask path for one property, in the form the official clients send:
 * `properties."key"` (google/earthengine-api at 8c13e9c150e04823a1c17225e82f6331a4e2836d,
 * javascript/src/data.js `ee.data.setAssetProperties` and python/ee/data.py `setAssetProperties`).
 * Quoting keeps the key as-is whatever it holds; `"` and `\` are escaped with a backslash
 * (property keys the service accepts hold neither).
 */
export function propertyMaskPath(key: string): string {
    return `properties."${key.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
