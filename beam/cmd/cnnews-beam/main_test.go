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

// TestHelpListsOwnFlagsFirst: --help lists cnnews-beam's flags, then
// Beam's.
func TestHelpListsOwnFlagsFirst(t *testing.T) {
	cmd := exec.Command(os.Args[0], "--help")
	cmd.Env = append(os.Environ(), "CNNEWS_BEAM_MAIN=1")
	out, _ := cmd.CombinedOutput()
	help := string(out)
	beamAt := strings.Index(help, "Apache Beam's flags")
	if beamAt < 0 {
		t.Fatalf("no Beam section:\n%.500s", help)
	}
	for name := range own {
		at := strings.Index(help, "\n  -"+name+" ")
		if at < 0 {
			at = strings.Index(help, "\n  -"+name+"\n")
		}
		if at < 0 || at > beamAt {
			t.Errorf("-%s: not among cnnews-beam's flags (at %d, Beam's from %d)", name, at, beamAt)
		}
	}
	if !strings.Contains(help[beamAt:], "-runner") {
		t.Errorf("Beam's flags lack -runner")
	}
}
