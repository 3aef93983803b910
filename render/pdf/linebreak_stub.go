package pdf

// Measure returns the advance width of a string.
type Measure func(s string) float64

// BreakLines is a temporary stand-in.
func BreakLines(text string, width float64, m Measure) []string {
	var out []string
	line := ""
	w := 0.0
	for _, r := range text {
		if r == '\n' {
			out = append(out, line)
			line, w = "", 0
			continue
		}
		rw := m(string(r))
		if w+rw > width && line != "" {
			out = append(out, line)
			line, w = "", 0
		}
		line += string(r)
		w += rw
	}
	return append(out, line)
}
