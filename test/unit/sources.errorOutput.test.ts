import * as fs from "node:fs";
import * as path from "node:path";
import * as util from "node:util";
import { RunError } from "@pulumi/pulumi/errors";
import type { ListedObject } from "../../provider/cloudStorage/client";
import { BucketSourceError, entriesFromObjects } from "../../sdk/sources/bucket";
import { KeyCollisionError } from "../../sdk/sources/keys";
import { StacError } from "../../sdk/sources/stac";
import { thrown } from "./support/thrown";

// What a program's error looks like in `pulumi preview`: the nodejs language host
// (@pulumi/pulumi/cmd/run/run.js, its uncaught-error handler) prints a RunError's message alone,
// and any other error through defaultErrorMessage: util.inspect, so the stack and every enumerable
// property. The sources' errors must take the first branch.
// The host's own formatter of other errors (internal to the SDK, so untyped in its .d.ts).
const { defaultErrorMessage } = require("@pulumi/pulumi/cmd/run/error") as { defaultErrorMessage: (error: unknown) => string };
const hostPrints = (error: Error): string => (RunError.isInstance(error) ? error.message : defaultErrorMessage(error));

const hostile = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/sources/hostile-listing.json"), "utf8")) as Record<
    string,
    ListedObject[]
>;

test("a StacError of 10,000 problems prints its bounded message only: no stack, no problems array", () => {
    const problems = Array.from({ length: 10_000 }, (_, i) => `item "scene_${i}": asset data is at https://other.host/${i}.tif`);
    const error = new StacError("catalog.json", problems);
    const printed = hostPrints(error);
    expect(printed).toBe(error.message);
    expect(printed).toMatch(/^STAC source catalog\.json: 10000 problems\n/);
    expect(printed).not.toMatch(/\n\s+at /);
    expect(printed.length).toBeLessThan(2_000);
    // Code still has every problem; inspection (console.log, a debugger) does not dump them.
    expect(error.problems).toHaveLength(10_000);
    expect(Object.keys(error)).not.toContain("problems");
    expect(util.inspect(error)).not.toContain("scene_20");
    // The other branch is what users saw before: the stack and the problems array.
    const plain = Object.assign(new Error(error.message), { problems });
    expect(defaultErrorMessage(plain)).toMatch(/\n\s+at [\s\S]*problems: \[/);
});

test("the bucket source's errors print their message only", () => {
    const hash = thrown(() => entriesFromObjects("b", "h4/", hostile.hashInName, {}));
    expect(hash).toBeInstanceOf(BucketSourceError);
    expect(hostPrints(hash)).toBe(hash.message);
    const collision = thrown(() => entriesFromObjects("b", "cogs/", hostile.collision, {}));
    expect(collision).toBeInstanceOf(KeyCollisionError);
    expect(hostPrints(collision)).toBe(collision.message);
    expect(hostPrints(collision)).toMatch(/^objects under gs:\/\/b\/cogs\/: .* both map to the key "scene_v1"/);
});
