import { propertyMaskPath } from "../earthengine/fieldMask";
import { isObject, sameValue } from "../values/compare";

const MASK_NAMES = { startTime: "start_time", endTime: "end_time", title: "title", description: "description" } as const;

/** The asset fields an `assets.patch` of metadata may carry. */
export interface PatchBody {
    properties?: Record<string, string | number>;
    startTime?: string;
    endTime?: string;
    /** v1alpha only; containers. */
    title?: string;
    /** v1alpha only; containers. */
    description?: string;
}

type Props = Record<string, unknown>;

/**
 * The `assets.patch` body and exact update mask that take an asset's metadata (properties,
 * start and end time, title, description) from `before` to `after`: one mask path per changed
 * property (`properties."key"`, as the official clients send it; a key in the mask but absent
 * from the body is deleted) and per changed field. Pure; shared by every kind that patches.
 */
export function metadataPatch(before: Props, after: Props): { updateMask: string[]; asset: PatchBody } {
    const updateMask: string[] = [];
    const asset: PatchBody = {};
    const oldProps = (isObject(before.properties) ? before.properties : {}) as Record<string, string | number>;
    const newProps = (isObject(after.properties) ? after.properties : {}) as Record<string, string | number>;
    const keys = [...new Set([...Object.keys(oldProps), ...Object.keys(newProps)])].sort();
    for (const key of keys) {
        if (sameValue(oldProps[key], newProps[key])) continue;
        updateMask.push(propertyMaskPath(key));
        if (key in newProps) asset.properties = { ...asset.properties, [key]: newProps[key] };
    }
    for (const field of Object.keys(MASK_NAMES) as (keyof typeof MASK_NAMES)[]) {
        if (sameValue(before[field], after[field])) continue;
        updateMask.push(MASK_NAMES[field]);
        if (typeof after[field] === "string") asset[field] = after[field] as string;
    }
    return { updateMask, asset };
}
