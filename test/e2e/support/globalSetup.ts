import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FAKE_GCS_BIN_ENV, fakeGcsBinary } from "../../support/fakeGcs";
import { PULUMI_BIN_ENV, resolvePulumiBinDir } from "./engine";
import { installSdk, PACKED_ENV, packPackage, SDK_DIR_ENV, sdkFloor } from "./sdk";

/**
 * Once per `jest` run that includes e2e suites, before any worker starts: the shared, cached
 * things every e2e suite needs are resolved here and handed to the workers through the
 * environment (workers inherit it), so no two workers build, install or pack the same thing at once.
 * - the Pulumi CLI (scripts/install-pulumi.sh: found, cached or built from Go modules), unless
 *   PULUMI_EARTHENGINE_TEST_PULUMI_BIN already names a directory holding one (for example a wrapper
 *   that logs each command's CPU time);
 * - fake-gcs-server, the Cloud Storage stand-in (scripts/install-fake-gcs.sh: cached or built from Go modules);
 * - `@pulumi/pulumi` at package.json's floor, installed into the cache (scripts/install-sdk.js);
 * - the package as `npm pack` ships it, into a temp dir that globalTeardown removes.
 */
export default function globalSetup(): void {
    process.env[PULUMI_BIN_ENV] ||= resolvePulumiBinDir();
    process.env[FAKE_GCS_BIN_ENV] = fakeGcsBinary();
    const floor = sdkFloor();
    process.env[SDK_DIR_ENV(floor)] = installSdk(floor);
    const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "ee-packed-"));
    process.env[PACKED_ENV] = packPackage(packDir);
}
