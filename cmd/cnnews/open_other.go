//go:build !unix

package main

import "os"

// openInput opens a file for reading.
func openInput(name string) (*os.File, error) { return os.Open(name) }
