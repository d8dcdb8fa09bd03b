import * as pulumi from "@pulumi/pulumi";

/**
 * The base of every Earth Engine resource class: a dynamic resource of type
 * `pulumi-nodejs:dynamic/earthengine:<typeName>` driven by the kind's shim
 * (`pulumi-earthengine/provider/shim[/<kind>]`), with the kind's outputs present on the instance.
 */
export abstract class EarthEngineResource extends pulumi.dynamic.Resource {
    protected constructor(
        shim: pulumi.dynamic.ResourceProvider,
        typeName: string,
        name: string,
        args: object,
        outputs: readonly string[],
        opts?: pulumi.CustomResourceOptions,
    ) {
        // Output keys must be present in props to exist on the class; a fresh object per resource.
        const props: Record<string, unknown> = { ...Object.fromEntries(outputs.map((key) => [key, undefined])), ...args };
        super(shim, name, props, opts, "earthengine", typeName);
    }
}
