// Command fetchopencc fetches OpenCC's data from the npm registry and
// writes the parts package convert builds on: the configurations, the
// source dictionaries and the licence. It runs `npm pack`, checks the
// tarball's SHA-256 and extracts:
//
//	package/LICENSE              → OUT/LICENSE
//	package/data/config/*.json   → OUT/config/
//	package/data/dictionary/*.txt → OUT/dictionary/
//
// Usage (from package convert, through go generate):
//
//	go run ./internal/fetchopencc -version 1.4.2 -sha256 HEX -out opencc
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	version := flag.String("version", "", "npm version of the opencc package")
	sum := flag.String("sha256", "", "expected SHA-256 of the tarball, in hex")
	out := flag.String("out", "opencc", "directory to write")
	flag.Parse()
	if err := run(*version, *sum, *out); err != nil {
		fmt.Fprintln(os.Stderr, "fetchopencc:", err)
		os.Exit(1)
	}
}

func run(version, sum, out string) error {
	if version == "" || sum == "" {
		return fmt.Errorf("-version and -sha256 are required")
	}
	tmp, err := os.MkdirTemp("", "fetchopencc")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", tmp, "opencc@"+version)
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("npm pack opencc@%s: %w", version, err)
	}
	tgz, err := os.ReadFile(filepath.Join(tmp, strings.TrimSpace(string(name))))
	if err != nil {
		return err
	}
	if got := sha256.Sum256(tgz); hex.EncodeToString(got[:]) != sum {
		return fmt.Errorf("opencc@%s: SHA-256 %x, want %s", version, got, sum)
	}
	files, err := extract(tgz)
	if err != nil {
		return err
	}
	for _, dir := range []string{"config", "dictionary"} {
		if err := os.RemoveAll(filepath.Join(out, dir)); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(out, dir), 0o755); err != nil {
			return err
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("fetchopencc: opencc@%s: %d files written to %s\n", version, len(files), out)
	return nil
}

// extract returns the files to keep, by their path under the output
// directory.
func extract(tgz []byte) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		var to string
		switch dir, base := path.Split(h.Name); {
		case h.Name == "package/LICENSE":
			to = "LICENSE"
		case dir == "package/data/config/" && strings.HasSuffix(base, ".json"):
			to = "config/" + base
		case dir == "package/data/dictionary/" && strings.HasSuffix(base, ".txt"):
			to = "dictionary/" + base
		default:
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[to] = data
	}
}
