/**
 * The channel that takes a provider-side warning to the person running `pulumi preview`/`up`.
 * `check` results carry failures only, and the dynamic provider process's `pulumi.log` has no
 * engine connection (it prints to its own stderr, which the engine shows at most as info lines).
 * The engine starts that process with the address of its Engine service as first argument
 * (`pulumi-resource-pulumi-nodejs <engine>`); `Engine.Log` with severity WARNING is what
 * `pulumi.log.warn` sends from a program, so the message is shown among the run's warnings.
 * Outside that process (unit tests, the bench) warnings go to the sink set by the caller.
 */

export type WarningSink = (message: string) => Promise<void> | void;

let sink: WarningSink | undefined;

/** Sends `message` as a warning of the current run; resolves once the engine has it (or could not take it). */
export async function warn(message: string): Promise<void> {
    sink ??= engineSink() ?? ((text) => void process.stderr.write(`warning: ${text}\n`));
    await sink(message);
}

/** Replaces the channel (tests; the bench). Returns the previous one. */
export function setWarningSink(next: WarningSink | undefined): WarningSink | undefined {
    const previous = sink;
    sink = next;
    return previous;
}

const WARNING = 2; // pulumirpc.LogSeverity.WARNING
const LOG_TIMEOUT_MS = 5000;

function engineSink(): WarningSink | undefined {
    const address = engineAddress();
    if (!address) return undefined;
    // The gRPC stubs and grpc-js that @pulumi/pulumi itself uses for the same call.
    const pulumiDir = require.resolve("@pulumi/pulumi");
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
    const { EngineClient } = require("@pulumi/pulumi/proto/engine_grpc_pb");
    const { LogRequest } = require("@pulumi/pulumi/proto/engine_pb");
    const client = new EngineClient(address, grpc.credentials.createInsecure());
    return (message) =>
        new Promise<void>((resolve) => {
            const request = new LogRequest();
            request.setSeverity(WARNING);
            request.setMessage(message);
            const deadline = new Date(Date.now() + LOG_TIMEOUT_MS);
            // A warning that cannot be delivered must not fail the check; stderr still has it.
            client.log(request, { deadline }, (error: Error | null) => {
                if (error) process.stderr.write(`warning: ${message}\n`);
                resolve();
            });
        });
}

/** The engine's address when this is the dynamic provider host (`.../cmd/dynamic-provider <engine>`). */
function engineAddress(): string | undefined {
    const script = process.argv[1] ?? "";
    if (!/cmd[/\\]dynamic-provider/.test(script)) return undefined;
    const address = process.argv[2];
    return address && /^[\w.[\]:-]+:\d+$/.test(address) ? address : undefined;
}
