//go:build tools

// Package tools pins the Pulumi CLI that the install script builds; nothing imports it.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
