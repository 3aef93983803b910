package input

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Files saved by 记事本 "ANSI" (GBK) or "Unicode" (UTF-16) decode as their
// UTF-8 text would, with the same line:column, and say how they were read.
func TestDecodeOtherEncodings(t *testing.T) {
	doc := strings.Replace(validDoc, "测试部门", "测试部门（GBK）", 1)
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(doc))
	for name, data := range map[string][]byte{
		"utf8-bom": append([]byte{0xEF, 0xBB, 0xBF}, doc...),
		"gbk":      gbk(t, doc),
		"utf16":    utf16le,
	} {
		d, err := Decode(name+".yaml", data, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d.Department.Name.Value != "测试部门（GBK）" {
			t.Errorf("%s: department %q", name, d.Department.Name.Value)
		}
		note := EncodingNotice(name+".yaml", d.Encoding)
		if (name == "utf8-bom") != (note == "") || name == "gbk" && !strings.Contains(note, "GBK") {
			t.Errorf("%s: encoding %q, notice %q", name, d.Encoding, note)
		}
	}
	// An error in a GBK file is at the same line and column as in UTF-8.
	bad := strings.Replace(doc, "basic: 10.00", "basc: 10.00", 1)
	for _, data := range [][]byte{[]byte(bad), gbk(t, bad)} {
		_, err := Decode("bad.yaml", data, nil)
		if err == nil || !strings.HasPrefix(err.Error(), "bad.yaml:7:23: 未知的键 basc") {
			t.Errorf("error %v", err)
		}
	}
	// Neither UTF-8 nor GBK: said in Chinese, at the first bad byte.
	junk := []byte("schema: 1\nyear: 2024\nname: \x80\x80\xff\n")
	_, err := Decode("junk.yaml", junk, nil)
	if err == nil || !strings.Contains(err.Error(), "junk.yaml:3:7: 文件既不是 UTF-8 也不是 GBK") || !strings.Contains(err.Error(), "另存为") {
		t.Errorf("junk: %v", err)
	}
}
