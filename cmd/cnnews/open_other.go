//go:build !unix

package main

import "os"

// inputFile is a file opened for reading.
type inputFile struct{ *os.File }

// openInput opens a file for reading.
func openInput(name string) (*inputFile, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &inputFile{f}, nil
}

// stat tells what the file is and its size.
func (f *inputFile) stat() (fileStat, error) {
	st, err := f.Stat()
	if err != nil {
		return fileStat{}, err
	}
	return fileStat{size: st.Size(), dir: st.IsDir(), regular: st.Mode().IsRegular()}, nil
}
