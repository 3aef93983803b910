package review

import (
	"cmp"
	"strings"
	"unicode/utf8"
)

// The order of a whole review's departments (and of the site's): by
// 部门编码, then by name, then by input file, each compared in natural
// order — 第2局 before 第10局, 第二中学 before 第十中学 —; departments
// without a code after those with one.

// Compare orders two departments by code, name and file.
func Compare(codeA, nameA, fileA, codeB, nameB, fileB string) int {
	if (codeA == "") != (codeB == "") {
		if codeA == "" {
			return 1
		}
		return -1
	}
	if c := naturalCompare(codeA, codeB); c != 0 {
		return c
	}
	if c := naturalCompare(nameA, nameB); c != 0 {
		return c
	}
	return strings.Compare(fileA, fileB)
}

// naturalCompare compares a and b piece by piece: a run of digits (ASCII
// or full-width) by its number, a run of Chinese numerals after 第 by its
// number, anything else character by character. Equal numbers written
// differently (02 and 2) are ordered by their text last.
func naturalCompare(a, b string) int {
	ra, rb := a, b
	for ra != "" && rb != "" {
		na, restA, okA := number(ra, a)
		nb, restB, okB := number(rb, b)
		switch {
		case okA && okB:
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			ra, rb = restA, restB
			continue
		case okA != okB: // a number before a character
			if okA {
				return -1
			}
			return 1
		}
		ca, sa := utf8.DecodeRuneInString(ra)
		cb, sb := utf8.DecodeRuneInString(rb)
		if c := cmp.Compare(ca, cb); c != 0 {
			return c
		}
		ra, rb = ra[sa:], rb[sb:]
	}
	switch {
	case ra != "": // b is a's beginning
		return 1
	case rb != "":
		return -1
	}
	return strings.Compare(a, b)
}

// number reads the number at the start of rest (a suffix of whole): its
// value (saturated), what follows, and whether there is one. Chinese
// numerals count only right after 第, where they are a rank.
func number(rest, whole string) (n uint64, after string, ok bool) {
	add := func(d uint64) {
		if n <= (1<<63)/10 {
			n = n*10 + d
		}
	}
	i := 0
	for i < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[i:])
		switch {
		case r >= '0' && r <= '9':
			add(uint64(r - '0'))
		case r >= '０' && r <= '９':
			add(uint64(r - '０'))
		default:
			if i == 0 && strings.HasSuffix(whole[:len(whole)-len(rest)], "第") {
				if v, size, ok := chineseNumber(rest); ok {
					return v, rest[size:], true
				}
			}
			return n, rest[i:], i > 0
		}
		i += size
	}
	return n, "", i > 0
}

// chineseNumber reads a Chinese numeral below 10 000 at the start of s
// (一 … 九千九百九十九, with 零 and 〇, and 两): its value and length.
func chineseNumber(s string) (n uint64, size int, ok bool) {
	digits := map[rune]uint64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]uint64{'十': 10, '百': 100, '千': 1000}
	var digit uint64
	seen := false
	for size < len(s) {
		r, w := utf8.DecodeRuneInString(s[size:])
		if d, isDigit := digits[r]; isDigit {
			digit, seen = d, true
		} else if u, isUnit := units[r]; isUnit {
			if !seen && u == 10 {
				digit = 1 // 十一: 十 alone is ten
			}
			n += digit * u
			digit, seen = 0, true
		} else {
			break
		}
		size += w
	}
	return n + digit, size, seen
}
