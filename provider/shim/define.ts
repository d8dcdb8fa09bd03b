import type * as pulumi from "@pulumi/pulumi";

type Implementation = Required<pulumi.dynamic.ResourceProvider>;

/**
 * The provider object for one kind, as `provider/shim/<kind>` exports it. When the package sits
 * in node_modules (as it does for every consumer), Pulumi's closure serializer recognises the
 * object as that module's exports and stores just `require("pulumi-earthengine/provider/shim/<kind>")`
 * as `__provider`: a few hundred bytes whatever the implementation's size, and upgrades of the
 * package apply to existing resources. The methods load the implementation by package name when
 * they run, so even a by-value copy (a symlinked checkout) keeps working.
 */
export function shimFor(typeName: string): Implementation {
    const implementation = (): Implementation => require("pulumi-earthengine/provider").resourceProviders[typeName];
    return {
        configure: (req) => implementation().configure(req),
        // The engine prints a failure's value only for a top-level input (else `{<nil>}`): see failuresForEngine.
        check: async (olds, news) => {
            const result = await implementation().check(olds, news);
            if (!result.failures?.length) return result;
            const { failuresForEngine } = require("pulumi-earthengine/provider");
            return { ...result, failures: failuresForEngine(result.failures, news) };
        },
        diff: (id, olds, news) => implementation().diff(id, olds, news),
        create: (inputs) => implementation().create(inputs),
        read: (id, props) => implementation().read(id, props),
        update: (id, olds, news) => implementation().update(id, olds, news),
        delete: (id, props) => implementation().delete(id, props),
    };
}

/** The module a kind's shim is required by: ExternalImage's predates the per-kind folder. */
export function shimModuleOf(typeName: string): string {
    if (typeName === "ExternalImage") return "pulumi-earthengine/provider/shim";
    return `pulumi-earthengine/provider/shim/${typeName[0].toLowerCase()}${typeName.slice(1)}`;
}
