package convert

import (
	"io"
	"sync"
	"sync/atomic"
)

// ConvertParallel is [Converter.Convert] on several goroutines: it reads
// r in blocks of about 1 MiB, cuts each where no dictionary key and no
// ideographic description sequence can straddle the cut (after a line
// break, a space or other ASCII no key contains), converts the pieces on
// up to workers goroutines at once and writes them to w in order. The
// output is exactly Convert's; the memory held is about 2 MiB a worker.
// workers below 2 is Convert.
func (c *Converter) ConvertParallel(w io.Writer, r io.Reader, workers int) (int64, error) {
	if workers < 2 {
		return c.Convert(w, r)
	}
	const block = 1 << 20
	type job struct {
		in   []byte
		done chan []byte
	}
	jobs := make(chan *job, workers)
	order := make(chan *job, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				in := c.normalize(j.in)
				j.done <- c.Append(make([]byte, 0, len(in)+len(in)/4), in)
			}
		}()
	}
	// the reader cuts pieces and hands them out in order
	var rerr error
	var stop atomic.Bool // set when writing failed: read no more
	go func() {
		defer close(order)
		defer close(jobs)
		var buf []byte
		for !stop.Load() {
			if cap(buf)-len(buf) < block/2 {
				grown := make([]byte, len(buf), 2*cap(buf)+block)
				copy(grown, buf)
				buf = grown
			}
			n, err := io.ReadFull(r, buf[len(buf):len(buf)+block/2])
			buf = buf[:len(buf)+n]
			atEOF := err == io.EOF || err == io.ErrUnexpectedEOF
			if err != nil && !atEOF {
				rerr = err
				return
			}
			cut := len(buf)
			if !atEOF {
				cut = c.pieceCut(buf)
			}
			if cut > 0 && (cut >= block/2 || atEOF) {
				j := &job{in: buf[:cut:cut], done: make(chan []byte, 1)}
				order <- j
				jobs <- j
				rest := make([]byte, len(buf)-cut, max(block, 2*(len(buf)-cut)))
				copy(rest, buf[cut:])
				buf = rest
			}
			if atEOF {
				return
			}
		}
	}()
	var written int64
	var werr error
	for j := range order {
		out := <-j.done
		if werr == nil {
			m, err := w.Write(out)
			written += int64(m)
			if werr = err; err != nil {
				stop.Store(true)
			}
		}
	}
	wg.Wait()
	if werr != nil {
		return written, werr
	}
	return written, rerr
}

// pieceCut returns the end of the last byte of b after which b can be cut
// into pieces converted apart with the output of converting it whole, or
// 0: a byte no key of any dictionary (normalization, segmentation, steps)
// contains, with no ideographic description character shortly before it.
func (c *Converter) pieceCut(b []byte) int {
	j := c.safeCut(b, 0, len(b))
	if c.norm != nil {
		for j > 0 && !c.norm.barrier[b[j-1]] {
			j = c.safeCut(b, 0, j-1)
		}
	}
	return j
}
