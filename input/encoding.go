package input

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encodings a text file may arrive in. Files saved on a Windows desk by
// 记事本 ("ANSI"), WPS or Excel's CSV export are often GBK/GB18030, or
// UTF-16 ("Unicode"); they are read as such and said so, with positions as
// in the file (lines and characters do not change in the conversion).
const (
	EncodingUTF8    = "UTF-8"
	EncodingGB18030 = "GB18030"
	EncodingUTF16LE = "UTF-16LE"
	EncodingUTF16BE = "UTF-16BE"
)

// ToUTF8 returns a text file's content as UTF-8 and the encoding it was
// in: UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark,
// or GB18030 (which includes GBK). A file that is none of these is an Error
// at the first byte that cannot be read, saying how to save it.
func ToUTF8(file string, data []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return convert(file, data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), EncodingUTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return convert(file, data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), EncodingUTF16BE)
	}
	if utf8.Valid(data) {
		return data, EncodingUTF8, nil
	}
	return convert(file, data, simplifiedchinese.GB18030, EncodingGB18030)
}

// convert decodes data from enc, refusing the file when any byte does not
// decode (the decoder would put U+FFFD in its place).
func convert(file string, data []byte, enc encoding.Encoding, name string) ([]byte, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err == nil && !bytes.ContainsRune(out, utf8.RuneError) {
		return out, name, nil
	}
	return nil, "", &Error{File: file, Pos: firstBadByte(data), Msg: "文件既不是 UTF-8 也不是 GBK 编码的文本，无法读取：请用记事本（或 WPS）打开，选“另存为”，编码选 UTF-8 后保存"}
}

// firstBadByte is the line and column (in characters, counting each byte
// that is not UTF-8 as one) of the first byte that is not valid UTF-8.
func firstBadByte(data []byte) Pos {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return Pos{Line: line, Col: col}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return Pos{Line: line, Col: col}
}

// EncodingNotice says, for a file that was not UTF-8, how it was read.
func EncodingNotice(file, enc string) string {
	switch enc {
	case "", EncodingUTF8:
		return ""
	case EncodingGB18030:
		return file + ": 文件按 GBK（GB18030）编码读取；建议在编辑器中另存为 UTF-8"
	default:
		return file + ": 文件按 " + enc + " 编码读取；建议在编辑器中另存为 UTF-8"
	}
}
