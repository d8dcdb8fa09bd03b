/**
 * Band ids and property keys, with the service's own refusals (emulator/README.md, rules B1, P1).
 */

// eMapR/LT-GEE#25 (2021): `Band ID "1999" is invalid. Band IDs must start with a..z or A..Z and must
// contain only the following characters: a..z, A..Z, 0..9, "_", or "-". Band IDs must be at most 100 characters long.`
const BAND_ID = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;
// tracek/gee_asset_manager#59 (2019): `Property key "system:time_start" is invalid. Property keys must
// contain only letters, digits, and underscores.`
const PROPERTY_KEY = /^[A-Za-z0-9_]+$/;

/** The service's refusal of a band id, or undefined when the id is valid. */
export function bandIdRefusal(id: string): string | undefined {
    if (BAND_ID.test(id)) return undefined;
    return `Band ID "${id}" is invalid. Band IDs must start with a..z or A..Z and must contain only the following characters: a..z, A..Z, 0..9, "_", or "-". Band IDs must be at most 100 characters long.`;
}

/** The service's refusal of a property key, or undefined when the key is valid. */
export function propertyKeyRefusal(key: string): string | undefined {
    if (PROPERTY_KEY.test(key)) return undefined;
    return `Property key "${key}" is invalid. Property keys must contain only letters, digits, and underscores.`;
}
