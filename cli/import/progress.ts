import { SingleBar } from "cli-progress";
import type { WalkProgress } from "./walk";

/** Shows a walk's progress: a bar on a terminal (cli-progress 3: maintained, CommonJS), plain lines otherwise (CI logs). */
export interface ProgressView {
    update(progress: WalkProgress): void;
    stop(): void;
}

/** Plain lines: one each time another `every` assets are done, so a log of a 10,000-asset walk stays short. */
export function lineProgress(write: (line: string) => void, every = 1000): ProgressView {
    let shown = 0;
    return {
        update(progress) {
            if (progress.done - shown < every) return;
            shown = progress.done - (progress.done % every);
            write(`walked ${progress.done} of ${progress.found} assets found so far (${progress.requests} requests)`);
        },
        stop() {},
    };
}

export function barProgress(stream: NodeJS.WriteStream): ProgressView {
    const bar = new SingleBar({
        stream,
        format: "walking |{bar}| {value}/{total} assets | {requests} requests | {duration_formatted}",
        hideCursor: true,
        clearOnComplete: false,
    });
    let started = false;
    return {
        update(progress) {
            if (!started) {
                bar.start(Math.max(progress.found, 1), 0, { requests: 0 });
                started = true;
            }
            bar.setTotal(Math.max(progress.found, 1));
            bar.update(progress.done, { requests: progress.requests });
        },
        stop() {
            if (started) bar.stop();
        },
    };
}
