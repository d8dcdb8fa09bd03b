/**
 * Earth Engine's rules for band ids and property keys, with the service's own messages (the
 * emulator answers with them; `check` gives the path and a fix first).
 */

import { foldMarks } from "../values/asciiFold";

/**
 * Band ids start with a letter and hold letters, digits, '_' and '-', at most 100 characters.
 * Source: the service's 400 answer quoted in eMapR/LT-GEE#25 (2021), `Band ID "1999" is invalid. ...`.
 */
export const BAND_ID = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;

/** Property keys hold letters, digits and underscores (tracek/gee_asset_manager#59, 2019). */
export const PROPERTY_KEY = /^[A-Za-z0-9_]+$/;

/** The service's message for a band id that breaks BAND_ID. */
export function bandIdServiceMessage(id: string): string {
    return `Band ID "${id}" is invalid. Band IDs must start with a..z or A..Z and must contain only the following characters: a..z, A..Z, 0..9, "_", or "-". Band IDs must be at most 100 characters long.`;
}

/** The service's message for a property key that breaks PROPERTY_KEY. */
export function propertyKeyServiceMessage(key: string): string {
    return `Property key "${key}" is invalid. Property keys must contain only letters, digits, and underscores.`;
}

/** `check`'s reason for a bad band id, with a valid id to use instead. */
export function bandIdReason(id: string): string {
    const cleaned = foldMarks(id).replace(/[^A-Za-z0-9_-]/gu, "_");
    const suggestion = (/^[A-Za-z]/.test(cleaned) ? cleaned : `b${cleaned}`).slice(0, 100);
    return `band id "${shorten(id)}" is invalid: Earth Engine band ids start with a letter and hold only letters, digits, '_' and '-', at most 100 characters; rename it, e.g. "${shorten(suggestion)}"`;
}

/** `check`'s reason for a bad property key, with a valid key to use instead. */
export function propertyKeyReason(key: string): string {
    const system = key.startsWith("system:")
        ? " (system: properties are set by Earth Engine; use startTime/endTime for system:time_start/end)"
        : "";
    return `property key "${shorten(key)}" may only hold letters, digits and '_'${system}; rename it, e.g. "${shorten(foldMarks(key).replace(/[^A-Za-z0-9_]/gu, "_") || "key")}"`;
}

function shorten(text: string): string {
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Extra data on a schema issue: the message the real service answers for the same problem. */
export interface ServiceIssueParams {
    serviceMessage: string;
}
