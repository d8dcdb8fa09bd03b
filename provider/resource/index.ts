export { boundedList, type ChangeAction, summarizeChange } from "./changeSummary";
export { checkedField, checkInputs, type FieldCheck, oneFailurePerTypo, unknownInputs } from "./checks";
export { clientFor, configureClients } from "./clients";
export { defineContract, type InputsOf, inputKeysOf, type KindContract, type OutputsOf, outputKeysOf } from "./contract";
export {
    type AssetConflict,
    AssetConflictError,
    explain,
    PartialWriteError,
    ResourceError,
    UnexpectedCallError,
    WrittenButUnreadError,
} from "./errors";
export { assetOutputs, optionalBoolean, project } from "./fields";
export { type CheckedArgs, type KindContext, PROVIDER_KEY, type Props, type ResourceKind } from "./kind";
export { deleteIgnoringNotFound, GONE, readOrGone } from "./lifecycle";
export { metadataPatch, type PatchBody } from "./metadataPatch";
export { CHANGE_SUMMARY, providerFor } from "./provider";
export { readAfterWrite } from "./readAfterWrite";
