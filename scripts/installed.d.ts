/** Runs `scripts/<script>` with bash (its log on this process's stderr) and returns the last line it printed. */
export function installedPath(script: string): string;
