import type * as pulumi from "@pulumi/pulumi";
import { AssetNotFoundError, EarthEngineError, type IamPolicy } from "../earthengine";
import { containsUnknown, dropUndefined, ImageManifestSchema, type ManifestFailure, sameValue } from "../manifest";
import { type CheckedArgs, checkedField, type Props, projectFailures, ResourceError, type ResourceKind, unknownInputs } from "../resource";
import { declareGrants } from "./declaredGrants";
import { modifyPolicy } from "./readModifyWrite";

/** What distinguishes AssetIamMember, AssetIamBinding and AssetIamPolicy; the rest is shared. */
export interface IamSpec {
    typeName: string;
    /** Inputs besides `assetName` and `project`. */
    keys: readonly string[];
    /**
     * Whether outputs carry the policy `etag`. Only for the whole policy: any other grant on the
     * asset changes the etag, which for a member or a binding would show as drift on every refresh.
     */
    exposesEtag: boolean;
    /** Inputs whose change replaces the resource (`assetName` always does). */
    replaceKeys: readonly string[];
    /** Checks (and may normalise, in place) the kind's own inputs. */
    check(inputs: Props): ManifestFailure[];
    /** The resource id (`assetName`, then role and member, space-separated as @pulumi/gcp's IAM ids). */
    idOf(inputs: Props): string;
    /** The policy with the declaration applied. */
    apply(policy: IamPolicy, inputs: Props): IamPolicy;
    /** The policy with what this resource manages taken away. */
    remove(policy: IamPolicy, inputs: Props): IamPolicy;
    /** The declaration's inputs as the policy now holds them; undefined when nothing of it is left. */
    observe(policy: IamPolicy, inputs: Props): Props | undefined;
    /** The grants a checked declaration makes, `[role, members]`, recorded for AssetIamPolicy's delete (see declaredGrants.ts). */
    grants?(inputs: Props): [string, string[]] | undefined;
}

const assetNameOf = (props: Props) => String(props.assetName);
const projectOf = (props: Props) => (typeof props.project === "string" ? props.project : undefined);

function checkIam(spec: IamSpec, news: Props): CheckedArgs {
    const inputs: Props = { ...news };
    const failures: ManifestFailure[] = [
        ...unknownInputs(news, spec.typeName, ["assetName", ...spec.keys, "project"]),
        ...projectFailures(news.project),
    ];
    if (news.assetName === undefined)
        failures.push({ property: "assetName", reason: "assetName is required: the asset's projects/<project>/assets/<path>" });
    else {
        const checked = checkedField(news.assetName, "assetName", ImageManifestSchema.shape.name);
        inputs.assetName = checked.value;
        failures.push(...checked.failures.map((f) => ({ ...f, reason: f.reason.replace(/^name is required/, "assetName is required") })));
    }
    failures.push(...spec.check(inputs));
    const grants = failures.length === 0 && !containsUnknown(inputs) ? spec.grants?.(inputs) : undefined;
    if (grants) declareGrants(String(inputs.assetName), ...grants);
    return { inputs, failures };
}

// The service's refusal of a policy write on an image inside an image collection
// (resource-watch/nrt-scripts#46): such images take their access from the collection.
const INHERITED_ACCESS = /Parent of the asset '[^']*' is a collection; operation not allowed/;

/** The refusal of IAM on a collection's image, with what to do instead. */
function inheritedAccessHint(error: unknown, assetName: string): unknown {
    if (!(error instanceof EarthEngineError) || !INHERITED_ACCESS.test(error.serverMessage)) return error;
    const collection = assetName.slice(0, assetName.lastIndexOf("/"));
    return new ResourceError(
        `${assetName} is an image inside the image collection ${collection}, and Earth Engine takes such an image's access from its collection (it refuses a policy of its own). ` +
            `Grant on the collection instead: assetName: ${collection} (its ImageCollection's assetName output).\n${error.message}`,
    );
}

/** Inputs without outputs (`etag`) or unset fields. */
function declaration(spec: IamSpec, props: Props): Props {
    return dropUndefined(Object.fromEntries(["assetName", ...spec.keys, "project"].map((key) => [key, props[key]])));
}

/**
 * An IAM kind on Earth Engine assets: every write is a read-modify-write of the asset's policy
 * under a per-asset lock, with the policy etag (see modifyPolicy). A policy that already holds
 * the declaration is adopted without setIamPolicy.
 */
export function iamKind(spec: IamSpec): ResourceKind {
    const outputsOf = (inputs: Props, policy: IamPolicy) => (spec.exposesEtag ? { ...inputs, etag: policy.etag } : inputs);
    const change = async (context: Parameters<ResourceKind["create"]>[1], inputs: Props, edit: (p: IamPolicy) => IamPolicy) => {
        try {
            return await modifyPolicy(context.client(projectOf(inputs)), assetNameOf(inputs), edit);
        } catch (error) {
            throw inheritedAccessHint(error, assetNameOf(inputs));
        }
    };
    return {
        typeName: spec.typeName,
        createNotFoundHint:
            "The asset does not exist (or the caller cannot see it); create it first, and use its assetName output here so Pulumi orders the two.",
        check: (news) => checkIam(spec, news),
        nameOf: (inputs) => (typeof inputs.assetName === "string" ? `the ${spec.typeName} on ${inputs.assetName}` : `the ${spec.typeName}`),

        diff(olds: Props, news: Props): pulumi.dynamic.DiffResult {
            const replaces = ["assetName", ...spec.replaceKeys].filter((key) => !sameValue(olds[key], news[key]));
            if (replaces.length > 0) return { changes: true, replaces, deleteBeforeReplace: false };
            return { changes: !sameValue(declaration(spec, olds), declaration(spec, news)) };
        },

        async create(inputs: Props, context) {
            const { policy } = await change(context, inputs, (current) => spec.apply(current, inputs));
            return { id: spec.idOf(inputs), outs: outputsOf(declaration(spec, inputs), policy) };
        },

        async read(id: string, stored: Props, context): Promise<pulumi.dynamic.ReadResult> {
            let policy: IamPolicy;
            try {
                policy = await context.client(projectOf(stored)).getIamPolicy(assetNameOf(stored));
            } catch (error) {
                if (error instanceof AssetNotFoundError) return { id: "", props: {} }; // the asset is gone, and its policy with it
                throw error;
            }
            const observed = spec.observe(policy, stored);
            if (!observed) return { id: "", props: {} }; // removed out of band
            const inputs = declaration(spec, { ...stored, ...observed });
            return { id, props: outputsOf(inputs, policy), inputs };
        },

        async update(_id: string, olds: Props, news: Props, context) {
            if (sameValue(declaration(spec, { ...olds, project: undefined }), declaration(spec, { ...news, project: undefined }))) {
                // Only the consumer project changed.
                return { outs: outputsOf(declaration(spec, news), { etag: typeof olds.etag === "string" ? olds.etag : undefined }) };
            }
            const { policy } = await change(context, news, (current) => spec.apply(current, news));
            return { outs: outputsOf(declaration(spec, news), policy) };
        },

        async delete(_id: string, props: Props, context): Promise<void> {
            try {
                await change(context, props, (current) => spec.remove(current, props));
            } catch (error) {
                if (error instanceof AssetNotFoundError) return; // the asset is gone, and its policy with it
                throw error;
            }
        },
    };
}
