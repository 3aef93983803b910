package publish

import (
	"crypto/sha256"
	"encoding/hex"
)

// maxInputSize bounds the input file read for its fingerprint.
const maxInputSize = 64 << 20

// inputFingerprint is the first 16 hex digits of the SHA-256 of the input
// file's bytes, "" when it cannot be read.
func inputFingerprint(path string) string {
	data, err := ReadFile(path, maxInputSize)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:16]
}
