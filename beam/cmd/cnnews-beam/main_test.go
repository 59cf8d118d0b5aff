package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain runs the command itself when the test binary is started with
// CNNEWS_BEAM_MAIN set, so that tests can run it as a user would.
func TestMain(m *testing.M) {
	if os.Getenv("CNNEWS_BEAM_MAIN") != "" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestMissingFlags: without --input or --output the command says in one
// line what is missing and exits 2.
func TestMissingFlags(t *testing.T) {
	for args, want := range map[string]string{
		"":            "cnnews-beam: missing --input GLOB and --output DIR (cnnews-beam --help lists every flag)\n",
		"--input x":   "cnnews-beam: missing --output DIR (cnnews-beam --help lists every flag)\n",
		"--output /x": "cnnews-beam: missing --input GLOB (cnnews-beam --help lists every flag)\n",
	} {
		cmd := exec.Command(os.Args[0], strings.Fields(args)...)
		cmd.Env = append(os.Environ(), "CNNEWS_BEAM_MAIN=1")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || stderr.String() != want {
			t.Errorf("cnnews-beam %s: %v, stderr %q, want %q", args, err, stderr.String(), want)
		}
	}
}
