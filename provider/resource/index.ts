export { type ChangeAction, summarizeChange } from "./changeSummary";
export { booleanFailures, checkedField, projectFailures, unknownInputs } from "./checks";
export { clientFor, configureClients } from "./clients";
export { explain, PartialWriteError, ResourceError, WrittenButUnreadError } from "./errors";
export type { CheckedArgs, KindContext, Props, ResourceKind } from "./kind";
export { CHANGE_SUMMARY, PROVIDER_KEY, providerFor } from "./provider";
export { readAfterWrite } from "./readAfterWrite";
