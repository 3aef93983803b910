package publish

// Every layout budgetpub knows is registered before the pipeline's first
// build (package layouts imports each profile's package).
import _ "github.com/budgetpub/budgetpub/layouts"
