import * as path from "node:path";
import type { KindContract } from "../../provider/resource/contract";

// Where a registered kind's contract lives, for the shape tests: apart from kindSources.ts, which
// parses sources with TypeScript and loads the SDK, so a test that needs only contracts loads
// neither (kinds.inputs.test.ts: 3.8 -> 2.5 CPU-s).

export const ROOT = path.resolve(__dirname, "../..");

/** The folder of a kind under provider/ (and its shim's name): the type name with a small first letter. */
export const folderOf = (typeName: string) => `${typeName[0].toLowerCase()}${typeName.slice(1)}`;

/** The contracts `provider/<folder>/contract.ts` exports. */
export const contractsIn = (folder: string): KindContract[] =>
    (Object.values(require(path.join(ROOT, "provider", folder, "contract"))) as object[]).filter(
        (value): value is KindContract => "typeName" in value,
    );

/** The contract of a registered kind, from its folder. */
export function contractOf(typeName: string): KindContract {
    const contract = contractsIn(folderOf(typeName)).find((c) => c.typeName === typeName);
    if (contract === undefined) throw new Error(`provider/${folderOf(typeName)}/contract.ts exports no contract for ${typeName}.`);
    return contract;
}
