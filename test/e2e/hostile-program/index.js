// Declares one ExternalImage per entry of the JSON file named by HOSTILE_INPUTS:
// { "<resource name>": <ExternalImage args> }. A file, not stack config, because hostile inputs
// are far larger than a command-line argument may be.
const fs = require("node:fs");
const { ExternalImage } = require("pulumi-earthengine");

const declared = JSON.parse(fs.readFileSync(process.env.HOSTILE_INPUTS, "utf8"));
for (const [name, args] of Object.entries(declared)) new ExternalImage(name, args);
