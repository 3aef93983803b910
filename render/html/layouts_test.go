package html

// The layouts, registered for the tests that build publications.
import _ "github.com/budgetpub/budgetpub/layouts"
