package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// profiling holds the --cpuprofile and --memprofile flags of the
// commands that run long (run, clean, dedupe), for go tool pprof.
type profiling struct {
	cpu, mem string
	f        *os.File
}

func profileFlags(fs *flag.FlagSet) *profiling {
	p := &profiling{}
	fs.StringVar(&p.cpu, "cpuprofile", "", "write a CPU profile of the command to `FILE` (for go tool pprof)")
	fs.StringVar(&p.mem, "memprofile", "", "write a memory profile (allocations, and memory in use at the end) to `FILE`")
	return p
}

// start starts the CPU profile, if one was asked for.
func (p *profiling) start() error {
	if p.cpu == "" {
		return nil
	}
	f, err := os.Create(p.cpu)
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", p.cpu, err)
	}
	p.f = f
	return nil
}

// stop ends the CPU profile and writes the memory profile; failures are
// said on stderr and make the exit status at least 1.
func (p *profiling) stop(stderr io.Writer, status int) int {
	if p.f != nil {
		pprof.StopCPUProfile()
		if err := p.f.Close(); err != nil {
			fmt.Fprintf(stderr, "cnnews: %v\n", err)
			status = max(status, 1)
		}
	}
	if p.mem != "" {
		runtime.GC() // the memory in use is what is still reachable
		err := writeProfile(p.mem)
		if err != nil {
			fmt.Fprintf(stderr, "cnnews: %v\n", err)
			status = max(status, 1)
		}
	}
	return status
}

func writeProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	return f.Close()
}
