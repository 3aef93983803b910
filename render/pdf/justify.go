package pdf

import (
	"unicode"
	"unicode/utf8"
)

// linePiece is a run of a justified line drawn as one text: from x (from
// the line's start) with spacing added after each of its characters.
type linePiece struct {
	x       float64
	text    string
	spacing float64
}

// How much space, in characters, a justified line adds at one gap.
//
// pdftotext (poppler), and so a reader's search and copy, takes characters
// more than 0.1 of a character apart for two words. A line is spread first
// evenly up to cleanJustify at every gap, which keeps it one word; what
// slack is left goes to the gaps between a Chinese character and a number
// or Latin word — where Chinese typesetting puts a little space anyway and
// a space in the extracted text is harmless ("总计 5,103.42万元") — up to
// maxBoundary each. A line with no such gap, or needing more, is spread
// evenly up to maxJustify at every gap (its text then extracts with spaces
// between the characters; the same without white space); a line needing
// more still (one broken early before a long figure) is left as it is.
const (
	cleanJustify = 0.095
	maxBoundary  = 0.75
	maxJustify   = 0.15
)

// justify sets a line of body text flush on both sides, as Chinese text is
// set: the line's slack (target less its width measured by m) is spread
// over the gaps between the units the line breaker cuts it into — between
// Chinese characters and punctuation, and between a number or word and its
// neighbours — as the constants above say, but never inside a unit (a
// number such as 5,103.42, a percentage 39.45%, a Latin word) nor between
// a number and its unit of money or percent sign (5,103.42万元, 12亿元,
// 45.20％: figureUnit), which keep their natural advances. It returns the
// pieces to draw: runs of characters followed by the same space, each
// drawn at its x with that character spacing; the last character of a
// piece carries the gap after it. A line with no gap, one that is full
// already or one that would need more than the constants allow is one
// piece without spacing.
func justify(line string, target, size float64, m Measure) []linePiece {
	whole := []linePiece{{text: line}}
	if line == "" {
		return whole
	}
	units := breakUnits(line, m)
	plain, bound, w := 0, 0, 0.0
	for k, u := range units {
		w += u.width + u.space
		if k+1 < len(units) && !figureUnit(u.last, units[k+1].first) {
			if scriptBoundary(u.last, units[k+1].first) {
				bound++
			} else {
				plain++
			}
		}
	}
	gaps, slack := plain+bound, target-w
	if gaps == 0 || !(slack > 0) {
		return whole
	}
	// sPlain and sBound: the space at a gap inside the Chinese text and at
	// a gap between it and a number or word.
	sPlain := slack / float64(gaps)
	sBound := sPlain
	if sPlain > cleanJustify*size {
		if b := (slack - cleanJustify*size*float64(plain)) / float64(bound); bound > 0 && b <= maxBoundary*size {
			sPlain, sBound = cleanJustify*size, b
		} else if sPlain > maxJustify*size {
			return whole
		}
	}
	var pieces []linePiece
	x := 0.0
	// add appends text whose characters are each followed by space a.
	add := func(text string, a float64) {
		if text == "" {
			return
		}
		if n := len(pieces); n > 0 && pieces[n-1].spacing == a {
			pieces[n-1].text += text
		} else {
			pieces = append(pieces, linePiece{x: x, text: text, spacing: a})
		}
		x += m(text) + float64(utf8.RuneCountInString(text))*a
	}
	for k, u := range units {
		span := line[u.start:u.spaceEnd]
		a := 0.0
		if k+1 < len(units) && !figureUnit(u.last, units[k+1].first) {
			a = sPlain
			if scriptBoundary(u.last, units[k+1].first) {
				a = sBound
			}
		}
		_, n := utf8.DecodeLastRuneInString(span)
		add(span[:len(span)-n], 0)
		add(span[len(span)-n:], a)
	}
	return pieces
}

// scriptBoundary tells a gap between a Chinese character and a number or
// Latin letter (either way round; a percent sign counts with its number).
func scriptBoundary(a, b rune) bool {
	return unicode.Is(unicode.Han, a) && western(b) || western(a) && unicode.Is(unicode.Han, b)
}

// western is an ASCII or full-width digit or letter, or a percent sign.
func western(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '%'
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '％', r == '﹪':
		return true
	}
	return false
}
