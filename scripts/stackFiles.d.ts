/** The stack's latest deployment as the file backend in `backendDir` stored it (`pulumi stack export`'s `deployment`). */
export declare function storedDeployment(backendDir: string, stackName: string): { resources?: Record<string, unknown>[] };
/** The newest of a backend's `<stack>-<unix nanoseconds>.history.json` names (any directory prefix), if any. */
export declare function newestHistoryFile(names: string[]): string | undefined;
/** The stack's last command as the file backend in `backendDir` recorded it (`pulumi stack history`'s first entry). */
export declare function storedLastUpdate(
    backendDir: string,
    stackName: string,
): { kind: string; result: string; resourceChanges?: Record<string, number> };
/** The name of the project in `workDir` (its Pulumi.yaml's `name`). */
export declare function projectName(workDir: string): string;
/** Adds plain `values` to `Pulumi.<stack>.yaml` in `workDir`, as `pulumi config set --plaintext` does. */
export declare function writePlainConfig(workDir: string, stackName: string, values: Record<string, string>): void;
