#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from "commander";
import { emulatorMain } from "../emulator/cli";
import { runImport } from "./import/command";
import type { ImportRequest } from "./import/request";
import { addSettingsOptions, configValuesOf } from "./settings";

/**
 * `pulumi-earthengine`: the package's one command, with subcommands (commander 14: maintained,
 * CommonJS, Node >= 20; commander 15 and yargs 18 are ESM-only or need Node 22).
 *   pulumi-earthengine emulator [...]   the local Earth Engine (as pulumi-earthengine-emulator)
 *   pulumi-earthengine import <asset>   write a Pulumi project that adopts a live asset tree
 */

/** What the subcommands do; a parameter so tests can parse command lines without running them. */
export interface Actions {
    emulator(argv: readonly string[]): Promise<void>;
    import(request: ImportRequest): Promise<void>;
}

export const DEFAULT_BATCH_THRESHOLD = 500;
export type { ImportRequest };

function wholeNumber(value: string): number {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`a whole number (0 or more) is needed, got "${value}"`);
    return Number(value);
}

/** The command line parser, calling `actions`. */
export function buildProgram(actions: Actions): Command {
    const program = new Command("pulumi-earthengine")
        .description("Google Earth Engine assets as Pulumi resources: tools beside the Pulumi package")
        .showHelpAfterError("(run with --help for usage)");

    program
        .command("emulator")
        .description("run the local Earth Engine emulator (the same as pulumi-earthengine-emulator; --help lists its flags)")
        .helpOption(false)
        .allowUnknownOption()
        .allowExcessArguments()
        .argument("[flags...]")
        .action((flags: string[]) => actions.emulator(flags));

    const importCommand = program
        .command("import")
        .description(
            "write a Pulumi project that adopts a live asset tree (folders, collections, external images, IAM) without writing to Earth Engine",
        )
        .argument("<asset>", "asset to adopt: projects/<project>/assets/<path>, or projects/<project> for every asset of the project")
        .option(
            "-r, --recursive",
            "walk every folder below the asset (without it: the asset and its direct children; sub-folders are declared, not read; a collection always comes with its images)",
            false,
        )
        .option("-o, --out <dir>", "directory of the generated project (default: ./<last segment of the asset name>)")
        .addOption(
            new Option("--format <format>", "ts: a TypeScript program; json: declarations.json read by a short program")
                .choices(["ts", "json"])
                .default("ts"),
        )
        .option(
            "--batch-threshold <n>",
            "collections with more images than this use batch mode (one ExternalImageSet)",
            wholeNumber,
            DEFAULT_BATCH_THRESHOLD,
        )
        .option("--no-protect", "leave protect: true out of the generated resources (then destroy deletes the adopted assets)")
        .addOption(
            new Option(
                "--iam <form>",
                "binding: one AssetIamBinding per non-owner role; policy: one AssetIamPolicy per asset; none: no IAM",
            )
                .choices(["binding", "policy", "none"])
                .default("binding"),
        )
        .option(
            "--package <spec>",
            "what the generated package.json depends on for pulumi-earthengine (default: ^<this version>; e.g. a packed tarball's path)",
        )
        .addOption(new Option("--progress <form>", "bar or lines (default: a bar when stderr is a terminal)").choices(["bar", "lines"]));
    addSettingsOptions(importCommand).action((assetName: string, options: Record<string, unknown>) =>
        actions.import({
            assetName,
            recursive: options.recursive === true,
            out: options.out as string | undefined,
            format: options.format as ImportRequest["format"],
            batchThreshold: options.batchThreshold as number,
            protect: options.protect !== false,
            iam: options.iam as ImportRequest["iam"],
            packageSpec: options.package as string | undefined,
            config: configValuesOf(options),
            progress: options.progress as ImportRequest["progress"],
        }),
    );
    return program;
}

async function main(): Promise<void> {
    const actions: Actions = { emulator: (argv) => emulatorMain(argv, "pulumi-earthengine emulator"), import: runImport };
    try {
        await buildProgram(actions).parseAsync(process.argv);
    } catch (error) {
        console.error(`pulumi-earthengine: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    }
}

if (require.main === module) void main();
