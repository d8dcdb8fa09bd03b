/** The Cloud Storage stand-in for tests: fake-gcs-server, shared with the demo through scripts/fake-gcs.js. */
export { FAKE_GCS_BIN_ENV, type FakeGcs, type FakeGcsOptions, fakeGcsBinary, startFakeGcs } from "../../scripts/fake-gcs";
