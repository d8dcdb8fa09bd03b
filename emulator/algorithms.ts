/**
 * `projects.algorithms.list`, which `ee.initialize` (JavaScript) and `ee.Initialize` (Python)
 * call before anything else to build `ee.Image`, `ee.Feature` and the other computed-object
 * classes. The emulator computes nothing, so the listing is empty: the clients initialise, and
 * the asset functions (`ee.data.*`) work; a computed-object method fails as undefined.
 */
export function listAlgorithms(): { algorithms: never[] } {
    return { algorithms: [] };
}
