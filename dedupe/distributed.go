package dedupe

import (
	"encoding/binary"
	"errors"

	"github.com/zeebo/xxh3"
)

// The methods in this file let a distributed runner (Apache Beam, Spark)
// find the duplicates [Index.Add] finds, without one shared index: sign
// every document on any worker, group them by band key, and within each
// group, in input order, compare each document with the [Window] documents
// before it using [Index.Duplicates]; group them by exact hash too, where
// every document after the first is a copy. A document is a duplicate
// exactly when Add, fed the same documents in the same order, would
// return a match for it. (Two different bands giving the same 32-bit key,
// once in 2³² pairs, is where the two can differ.)

// BandKeys returns the band keys of a signature, one per band, each with
// its band's number in the top 32 bits so that equal keys of different
// bands do not meet.
func (x *Index) BandKeys(s Signature) []uint64 {
	keys := make([]uint64, x.cfg.bands)
	for b := range keys {
		keys[b] = uint64(b)<<32 | uint64(bandKey(&s.Min, b, x.cfg.rows))
	}
	return keys
}

// Duplicates reports whether a document signed later duplicates one
// signed earlier, by the rule [Index.Add] applies to the candidates its
// bands propose: the same exact hash, or an estimated Jaccard similarity
// or containment at or above the thresholds. The Match has no ID. It
// reads only the exact hashes, the shingle counts and the low 16 bits of
// each MinHash value, as Add does, so signatures sent between workers may
// carry just those.
func (x *Index) Duplicates(earlier, later Signature) (Match, bool) {
	e := newEntry(earlier)
	m, ok, _ := x.judge(&later, &e)
	return m, ok
}

// newEntry is what the index keeps of a signature, without an ID.
func newEntry(s Signature) entry {
	e := entry{exact: s.Exact, shingles: int32(s.Shingles)}
	for i, v := range s.Min {
		e.min[i] = uint16(v)
	}
	return e
}

// signatureSize is the length of a marshalled Signature.
const signatureSize = 16 + 4*K + 8

// MarshalBinary encodes the signature in 536 bytes, for sending between
// workers.
func (s Signature) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, signatureSize)
	b = binary.LittleEndian.AppendUint64(b, s.Exact.Hi)
	b = binary.LittleEndian.AppendUint64(b, s.Exact.Lo)
	for _, v := range s.Min {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return binary.LittleEndian.AppendUint64(b, uint64(s.Shingles)), nil
}

// UnmarshalBinary decodes a signature encoded by MarshalBinary.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) != signatureSize {
		return errors.New("dedupe: signature: wrong length")
	}
	s.Exact = xxh3.Uint128{Hi: binary.LittleEndian.Uint64(b), Lo: binary.LittleEndian.Uint64(b[8:])}
	for i := range s.Min {
		s.Min[i] = binary.LittleEndian.Uint32(b[16+4*i:])
	}
	s.Shingles = int(binary.LittleEndian.Uint64(b[16+4*K:]))
	return nil
}
