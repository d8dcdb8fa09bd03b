/**
 * Asset names as the service reads them. The REST reference gives the form `projects/*\/assets/**`
 * (ImageManifest.name); the service's refusal quoted in r-spatial/rgee#101 (2020) gives the rest:
 * "Invalid asset name. Folder names must be separated with '/', and at most 10 folders are allowed
 * in the path. Names must contain only the following characters: A..Z, ..." (the report's title is
 * cut there; letters, digits, '_' and '-' are the characters seen accepted). Google documents no
 * length limit, so none is enforced. Legacy ids `users/<user>/...` name
 * `projects/earthengine-legacy/assets/users/<user>/...` (image manifest guide).
 */

export const LEGACY_PROJECT = "earthengine-legacy";

// Project ids, numbers and domain-scoped ids (example.com:p).
const PROJECT_ID = "[A-Za-z0-9][-A-Za-z0-9_.:]*";
const FOLDER = "[A-Za-z0-9_-]+";
const FULL_NAME = new RegExp(`^projects/(${PROJECT_ID})/assets/(${FOLDER}(?:/${FOLDER}){0,9})$`);
const LEGACY_NAME = new RegExp(`^users/${FOLDER}(?:/${FOLDER}){1,9}$`);

/** What the service says about a name it cannot read (the reported words, completed with the characters). */
export const ASSET_NAME_RULE =
    "Folder names must be separated with '/', and at most 10 folders are allowed in the path. Names must contain only the following characters: A..Z, a..z, 0..9, '_' or '-'.";

/** The full name of a legacy id; other names unchanged. */
export function fullAssetName(name: string): string {
    return LEGACY_NAME.test(name) ? `projects/${LEGACY_PROJECT}/assets/${name}` : name;
}

/** `{project, path}` of a name the service can read, or undefined. */
export function splitAssetName(name: string): { project: string; path: string } | undefined {
    const m = FULL_NAME.exec(fullAssetName(name));
    return m ? { project: m[1], path: m[2] } : undefined;
}

export function isAssetName(name: string): boolean {
    return splitAssetName(name) !== undefined;
}

/** The container the asset sits in, or undefined when it sits in a project root. */
export function parentOf(name: string): string | undefined {
    const parts = splitAssetName(name);
    const cut = parts ? parts.path.lastIndexOf("/") : -1;
    return parts && cut >= 0 ? `projects/${parts.project}/assets/${parts.path.slice(0, cut)}` : undefined;
}

/** `Invalid asset name '<name>'. <rule>` */
export function invalidAssetNameMessage(name: string): string {
    return `Invalid asset name '${name}'. ${ASSET_NAME_RULE}`;
}
