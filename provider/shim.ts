import type * as pulumi from "@pulumi/pulumi";

/*
 * This module IS the provider object handed to `dynamic.Resource`: its exports are the seven
 * provider methods and nothing else. When the package sits in node_modules (as it does for every
 * consumer), Pulumi's closure serializer recognises the object as this module's exports and
 * stores just `require("pulumi-earthengine/provider/shim")` in state as `__provider`, a few
 * hundred bytes whatever the implementation's size, and upgrades of the package apply to
 * existing resources. The methods load the implementation by package name when they run, so
 * even a by-value copy of this file (a symlinked checkout) keeps working.
 */

type Implementation = Required<pulumi.dynamic.ResourceProvider>;

const implementation = (): Implementation => require("pulumi-earthengine/provider").externalImageProvider;

export function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return implementation().configure(req);
}
export function check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return implementation().check(olds, news);
}
export function diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    return implementation().diff(id, olds, news);
}
export function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    return implementation().create(inputs);
}
export function read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    return implementation().read(id, props);
}
export function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
    return implementation().update(id, olds, news);
}
// `delete` is a reserved word, so the export is renamed.
function remove(id: string, props: Record<string, unknown>): Promise<void> {
    return implementation().delete(id, props);
}

export { remove as delete };
