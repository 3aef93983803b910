package input

import _ "embed"

// SampleName is the file name of the bundled sample input.
const SampleName = "datong-gov-office-2024.yaml"

// Sample is the bundled sample input: the whole reference publication of
// 大同市人民政府办公室 for 2024, rendered when no file is named.
//
//go:embed datong-gov-office-2024.yaml
var Sample []byte
