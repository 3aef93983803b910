package workbench

import (
	"archive/zip"
	"encoding/binary"
	"hash/crc32"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The names in a zip made on Chinese Windows (Explorer's 发送到 → 压缩文件夹,
// WinRAR, 好压, 2345 and Bandizip by default) are in GBK, without the flag
// that says UTF-8 (general purpose bit 11): read as UTF-8 they come out as
// "ϳе1-2024.yaml". entryName reads such a name as GBK.

// utf8Flag is bit 11 of a zip entry's general purpose flags: its name is
// UTF-8.
const utf8Flag = 0x800

// unicodePathExtra is the Info-ZIP Unicode Path extra field: the entry's
// name in UTF-8, beside a name in the system's code page.
const unicodePathExtra = 0x7075

// entryName is a zip entry's name as its maker meant it: as it is when the
// entry says UTF-8 (or it is plain ASCII); the UTF-8 name of an Info-ZIP
// Unicode Path field that belongs to it; else read as GBK (GB18030, its
// superset) when it is not UTF-8, or when both readings are possible and
// only GBK's is Chinese text (GBK bytes can happen to be valid UTF-8 of
// Greek or Cyrillic letters, never of Chinese characters).
func entryName(f *zip.FileHeader) string {
	raw := f.Name
	if f.Flags&utf8Flag != 0 || ascii(raw) {
		return raw
	}
	if u, ok := unicodePath(f.Extra, raw); ok {
		return u
	}
	gbk, err := simplifiedchinese.GB18030.NewDecoder().String(raw)
	gbkOK := err == nil && !strings.ContainsRune(gbk, utf8.RuneError)
	switch {
	case !utf8.ValidString(raw) && gbkOK:
		return gbk
	case utf8.ValidString(raw) && !chinese(raw) && gbkOK && chinese(gbk):
		return gbk
	}
	return raw
}

// unicodePath is the UTF-8 name of an Info-ZIP Unicode Path extra field,
// when there is one for this name (its CRC-32 is the name's).
func unicodePath(extra []byte, raw string) (string, bool) {
	for len(extra) >= 4 {
		tag, size := binary.LittleEndian.Uint16(extra), int(binary.LittleEndian.Uint16(extra[2:]))
		extra = extra[4:]
		if size > len(extra) {
			return "", false
		}
		data := extra[:size]
		extra = extra[size:]
		if tag != unicodePathExtra || len(data) < 5 || data[0] != 1 {
			continue
		}
		if binary.LittleEndian.Uint32(data[1:]) != crc32.ChecksumIEEE([]byte(raw)) {
			return "", false // the name was changed since: the field is stale
		}
		if name := string(data[5:]); utf8.ValidString(name) && name != "" {
			return name, true
		}
	}
	return "", false
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// chinese tells whether every letter of s beyond ASCII is a Chinese
// character or the punctuation and full-width forms Chinese names use.
func chinese(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf, unicode.Is(unicode.Han, r),
			r >= 0x3000 && r <= 0x303f, // CJK symbols and punctuation: 、。《》【】
			r >= 0xff00 && r <= 0xffef, // full-width forms: （）：１
			r >= 0x2010 && r <= 0x206f, // general punctuation: —“”…
			r == 0xb7:                  // ·
		default:
			return false
		}
	}
	return true
}
