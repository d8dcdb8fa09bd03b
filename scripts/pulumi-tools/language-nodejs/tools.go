//go:build tools

// Package tools pins the Node.js language host that the install script builds. Its own module
// (sdk/nodejs/cmd/pulumi-language-nodejs/v3) is refused by the Go module proxy reachable here, so
// it comes from the last sdk/v3 release that still carried it inside (see README, "Engine").
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
)
