import { ConfigurationError, EarthEngineError } from "../../provider/earthengine";
import { ResourceError, UnexpectedCallError } from "../../provider/resource/errors";
import { isToldByMessage, withoutHostEcho } from "../../provider/resource/hostEcho";

// The Node dynamic-provider host echoes `${error}: ${error.stack}` on stderr for what check, diff,
// read and delete throw; the engine shows it on the stack beside the resource's own error.
const echo = (error: Error) => console.error(`${error}: ${error.stack}`);

describe("the host's echo of an error", () => {
    let printed: unknown[][];
    let original: typeof console.error;
    beforeEach(() => {
        printed = [];
        original = console.error;
        console.error = (...args: unknown[]) => printed.push(args);
    });
    afterEach(() => {
        console.error = original;
    });

    test("of a failure told by its message is dropped, once; other lines pass", () => {
        const error = new ResourceError("Could not read x: Earth Engine GET ... got no answer");
        withoutHostEcho(error);
        echo(error);
        console.error("another line");
        echo(error); // only the echo that was expected is dropped
        expect(printed).toEqual([["another line"], [`${error}: ${error.stack}`]]);
    });

    test("of the same message from many resources is dropped as often as it was thrown", () => {
        const errors = Array.from({ length: 3 }, () => new ConfigurationError("earthengine:credentials", "No Google credentials found"));
        for (const error of errors) withoutHostEcho(error); // all thrown before the host echoes any
        for (const error of errors) echo(error);
        echo(errors[0]); // a fourth was not thrown
        expect(printed).toHaveLength(1);
    });

    test("of a bug is printed with its stack, to be reported", () => {
        const bug = new ResourceError("Could not read x: y is not a function", { cause: new TypeError("y is not a function") });
        withoutHostEcho(new ConfigurationError("earthengine:endpoint", "bad")); // the filter is in place
        withoutHostEcho(bug);
        echo(bug);
        expect(printed).toHaveLength(1);
        expect(String(printed[0][0])).toContain("at ");
    });
});

test("what is told by its message: settings, Earth Engine's answers, complete resource errors; not bugs", () => {
    const answer = new EarthEngineError(
        { method: "GET", url: "https://earthengine.googleapis.com/v1/projects/p/assets/a", status: 500 },
        { message: "boom" },
    );
    expect(isToldByMessage(new ConfigurationError("earthengine:endpoint", "bad"))).toBe(true);
    expect(isToldByMessage(new ResourceError("Could not read a", { cause: answer }))).toBe(true);
    expect(isToldByMessage(new ResourceError("complete on its own"))).toBe(true);
    expect(isToldByMessage(new UnexpectedCallError("update of a kind without updates"))).toBe(false);
    expect(isToldByMessage(new ResourceError("Could not read a", { cause: new TypeError("x") }))).toBe(false);
    expect(isToldByMessage(new Error("plain"))).toBe(false);
});
