//go:build unix

package main

import (
	"io"
	"os"
	"syscall"
)

// inputFile is a file opened for reading by its descriptor alone. A
// regular file cannot wait for data, so it is not handed to the runtime's
// network poller, as os.Open does (with four more system calls per file, a
// cost seen when a command reads thousands of small articles), nor wrapped
// in an os.File, which asks the kernel for the descriptor's flags.
type inputFile struct {
	fd   int
	name string
}

// openInput opens a file for reading.
func openInput(name string) (*inputFile, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
		return &inputFile{fd: fd, name: name}, nil
	}
}

// Read reads from the file as os.File.Read does: io.EOF at the end, other
// errors naming the file.
func (f *inputFile) Read(b []byte) (int, error) {
	for {
		n, err := syscall.Read(f.fd, b)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, &os.PathError{Op: "read", Path: f.name, Err: err}
		case n == 0 && len(b) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

// Close closes the file.
func (f *inputFile) Close() error {
	if err := syscall.Close(f.fd); err != nil {
		return &os.PathError{Op: "close", Path: f.name, Err: err}
	}
	return nil
}

// stat tells what the file is and its size.
func (f *inputFile) stat() (fileStat, error) {
	var st syscall.Stat_t
	for {
		err := syscall.Fstat(f.fd, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return fileStat{}, &os.PathError{Op: "stat", Path: f.name, Err: err}
		}
		mode := st.Mode & syscall.S_IFMT
		return fileStat{size: st.Size, dir: mode == syscall.S_IFDIR, regular: mode == syscall.S_IFREG}, nil
	}
}
