package final9

import (
	"reflect"
	"testing"

	"github.com/budgetpub/budgetpub/internal/printed"
)

// docs/facts.md's final-9 section lists every field of Facts, in order,
// and each is described for open data (factAbout).
func TestFactsDocumented(t *testing.T) {
	printed.FactsDocumented(t, "../../docs/facts.md", "## 版式 final-9", reflect.TypeOf(Facts{}), factAbout)
}
