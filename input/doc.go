// Package input is the master input of budgetpub: the YAML schema as Go
// types, a decoder that keeps every value's line and column and reads amounts
// as exact decimals from the YAML text, the validation rules of the master
// input, and the embedded classification catalog.
package input
