import type { ConfigValues } from "../../provider/earthengine";

/** What `pulumi-earthengine import` was asked to do. */
export interface ImportRequest {
    /** The asset to adopt: `projects/<p>/assets/<path>`, a legacy `users/<u>/<path>`, or a project root `projects/<p>`. */
    assetName: string;
    /** Walk every folder below the asset; without it, the asset and its direct children (a collection always with its images). */
    recursive: boolean;
    /** The project directory to write (default `./<last segment of the asset name>`). */
    out?: string;
    format: "ts" | "json";
    /** Collections with more images than this are generated in batch mode (default 500). */
    batchThreshold: number;
    /** Give every generated resource `protect: true` (default; `--no-protect` leaves it out). */
    protect: boolean;
    /** `binding`: one AssetIamBinding per non-owner role (default); `policy`: one AssetIamPolicy per asset; `none`: no IAM. */
    iam: "binding" | "policy" | "none";
    /** The dependency spec package.json gives pulumi-earthengine (default `^<this version>`), e.g. a packed tarball's path. */
    packageSpec?: string;
    /** Settings from the flags named after config keys. */
    config: ConfigValues;
    /** Progress bar on a terminal, plain lines otherwise (default: whether stderr is a TTY). */
    progress?: "bar" | "lines";
}
