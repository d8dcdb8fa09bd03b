import type * as pulumi from "@pulumi/pulumi";
import { EarthEngineError, type IamPolicy } from "../earthengine";
import {
    type CheckedArgs,
    checkInputs,
    deleteIgnoringNotFound,
    GONE,
    inputKeysOf,
    type KindContract,
    type Props,
    ResourceError,
    type ResourceKind,
    readOrGone,
} from "../resource";
import { dropUndefined, sameValue } from "../values/compare";
import type { CheckFailure } from "../values/failures";
import { containsUnknown } from "../values/unknown";
import { declareGrants } from "./declaredGrants";
import { modifyPolicy } from "./readModifyWrite";

/**
 * What distinguishes AssetIamMember, AssetIamBinding and AssetIamPolicy: how each one modifies
 * the asset's policy (terraform-provider-google's one-updater pattern, `tpgiamresource/iam.go`).
 * Pure; each kind's `plan.ts` gives one.
 */
export interface IamPlan {
    /** Inputs whose change replaces the resource (`assetName` always does). */
    replaceKeys: readonly string[];
    /** Rules across inputs that the contract's field schemas cannot see (raw inputs, as written). */
    crossCheck?(news: Props): CheckFailure[];
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
        { cause: error },
    );
}

const assetNameOf = (props: Props) => String(props.assetName);
const projectOf = (props: Props) => (typeof props.project === "string" ? props.project : undefined);

/**
 * An IAM kind on Earth Engine assets: every write is a read-modify-write of the asset's policy
 * under a per-asset lock, with the policy etag (see modifyPolicy). A policy that already holds
 * the declaration is adopted without setIamPolicy. Outputs carry the policy `etag` only when the
 * contract declares it (the whole policy: any other grant on the asset changes the etag, which
 * for a member or a binding would show as drift on every refresh).
 */
export function iamKind(contract: KindContract, plan: IamPlan): ResourceKind {
    const keys = inputKeysOf(contract);
    const exposesEtag = "etag" in contract.outputs.shape;
    /** Inputs without outputs (`etag`) or unset fields. */
    const declaration = (props: Props): Props => dropUndefined(Object.fromEntries(keys.map((key) => [key, props[key]])));
    const outputsOf = (inputs: Props, policy: Pick<IamPolicy, "etag">) => (exposesEtag ? { ...inputs, etag: policy.etag } : inputs);
    const change = async (context: Parameters<ResourceKind["create"]>[1], inputs: Props, edit: (p: IamPolicy) => IamPolicy) => {
        try {
            return await modifyPolicy(context.client(projectOf(inputs)), assetNameOf(inputs), edit);
        } catch (error) {
            throw inheritedAccessHint(error, assetNameOf(inputs));
        }
    };

    return {
        typeName: contract.typeName,
        createNotFoundHint:
            "The asset does not exist (or the caller cannot see it); create it first, and use its assetName output here so Pulumi orders the two.",

        check(news: Props): CheckedArgs {
            const checked = checkInputs(contract, news);
            checked.failures.push(...(plan.crossCheck?.(news) ?? []));
            const { inputs, failures } = checked;
            const grants = failures.length === 0 && !containsUnknown(inputs) ? plan.grants?.(inputs) : undefined;
            if (grants) declareGrants(String(inputs.assetName), ...grants);
            return checked;
        },

        nameOf: (inputs) =>
            typeof inputs.assetName === "string" ? `the ${contract.typeName} on ${inputs.assetName}` : `the ${contract.typeName}`,

        diff(olds: Props, news: Props): pulumi.dynamic.DiffResult {
            const replaces = ["assetName", ...plan.replaceKeys].filter((key) => !sameValue(olds[key], news[key]));
            if (replaces.length > 0) return { changes: true, replaces, deleteBeforeReplace: false };
            return { changes: !sameValue(declaration(olds), declaration(news)) };
        },

        async create(inputs: Props, context) {
            const { policy } = await change(context, inputs, (current) => plan.apply(current, inputs));
            return { id: plan.idOf(inputs), outs: outputsOf(declaration(inputs), policy) };
        },

        async read(id: string, stored: Props, context): Promise<pulumi.dynamic.ReadResult> {
            // The asset gone takes its policy with it.
            const policy = await readOrGone(() => context.client(projectOf(stored)).getIamPolicy(assetNameOf(stored)));
            const observed = policy && plan.observe(policy, stored);
            if (!policy || !observed) return GONE; // removed out of band
            const inputs = declaration({ ...stored, ...observed });
            return { id, props: outputsOf(inputs, policy), inputs };
        },

        async update(_id: string, olds: Props, news: Props, context) {
            if (sameValue(declaration({ ...olds, project: undefined }), declaration({ ...news, project: undefined }))) {
                // Only the consumer project changed.
                return { outs: outputsOf(declaration(news), { etag: typeof olds.etag === "string" ? olds.etag : undefined }) };
            }
            const { policy } = await change(context, news, (current) => plan.apply(current, news));
            return { outs: outputsOf(declaration(news), policy) };
        },

        async delete(_id: string, props: Props, context): Promise<void> {
            // The asset gone takes its policy with it.
            await deleteIgnoringNotFound(() => change(context, props, (current) => plan.remove(current, props)));
        },
    };
}
