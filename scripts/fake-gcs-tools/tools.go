//go:build tools

// Package tools pins the fake-gcs-server that scripts/install-fake-gcs.sh builds; nothing imports it.
package tools

import (
	_ "github.com/fsouza/fake-gcs-server"
)
