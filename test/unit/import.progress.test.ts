import { PassThrough } from "node:stream";
import { barProgress, lineProgress } from "../../cli/import/progress";

// Progress of a long walk: a bar on a terminal, a plain line per 1,000 assets otherwise (CI logs).

test("on a terminal, a cli-progress bar shows assets done of found and the requests sent", () => {
    const stream = Object.assign(new PassThrough(), {
        isTTY: true,
        columns: 120,
        cursorTo: () => true,
        clearLine: () => true,
        moveCursor: () => true,
    });
    let text = "";
    stream.on("data", (chunk) => {
        text += String(chunk);
    });
    const bar = barProgress(stream as unknown as NodeJS.WriteStream);
    bar.update({ found: 40, done: 10, requests: 12 });
    bar.update({ found: 40, done: 40, requests: 45 });
    bar.stop();
    expect(text).toMatch(/walking \|[^|]+\| 40\/40 assets \| 45 requests/);
});

test("without a terminal, one line each time another 1,000 assets are done", () => {
    const lines: string[] = [];
    const view = lineProgress((line) => lines.push(line));
    for (const done of [1, 999, 1000, 1500, 2100, 2200]) view.update({ found: 5000, done, requests: done * 2 });
    view.stop();
    expect(lines).toEqual([
        "walked 1000 of 5000 assets found so far (2000 requests)",
        "walked 2100 of 5000 assets found so far (4200 requests)",
    ]);
});
