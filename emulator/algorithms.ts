/**
 * `projects.algorithms.list`, which `ee.initialize` (JavaScript) and `ee.Initialize` (Python)
 * call before anything else to build `ee.Image` and the other computed-object classes. The
 * emulator computes nothing, so the listing is minimal: one real signature, `Image.load`. It is
 * not empty because the Python client takes an empty listing as "not loaded yet" and fetches it
 * again before every call.
 */
export function listAlgorithms(): { algorithms: Algorithm[] } {
    return { algorithms: [structuredClone(IMAGE_LOAD)] };
}

interface Algorithm {
    name: string;
    description: string;
    returnType: string;
    arguments: { argumentName: string; type: string; description: string; optional?: boolean }[];
}

// The signature as Google's algorithms listing gives it.
const IMAGE_LOAD: Algorithm = {
    name: "algorithms/Image.load",
    description: "Returns the image given its ID.",
    returnType: "Image",
    arguments: [
        { argumentName: "id", type: "String", description: "The asset ID of the image." },
        {
            argumentName: "version",
            type: "Long",
            description: "The version of the asset. -1 signifies the latest version.",
            optional: true,
        },
    ],
};
