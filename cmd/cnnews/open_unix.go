//go:build unix

package main

import (
	"os"
	"syscall"
)

// openInput opens a file for reading. A regular file cannot wait for
// data, so it is not handed to the runtime's network poller, as os.Open
// does (with four more system calls per file, a cost seen when a command
// reads thousands of small articles).
func openInput(name string) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}
