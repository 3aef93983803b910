package workbench

import (
	"container/list"
	"sync"

	"github.com/budgetpub/budgetpub/render/publish"
)

// The check results kept between pages, for every workspace together,
// within a byte budget (Config.ResultBytes): memory is bounded by it, not
// by the number of workspaces open. The least recently used result goes
// first and is checked again when its page is next shown.

// defaultResultBytes is the budget unless configured.
const defaultResultBytes = 128 << 20

// resultCost is what a check result of a text of n bytes is counted as:
// 20 bytes a byte of text (a result holds the document, the tables and
// the findings: measured 9 to 17 bytes a byte, the sample to a department
// of 9 000 projects), and 64 KiB.
func resultCost(n int) int64 { return 20*int64(n) + 64<<10 }

// results is the cache, by workspace id.
type results struct {
	mu     sync.Mutex
	budget int64
	used   int64
	order  *list.List               // of *kept, the most recently used first
	by     map[string]*list.Element // by workspace id
}

// kept is a workspace's result: of the text of version ver.
type kept struct {
	id   string
	ver  version
	res  *publish.Result
	cost int64
}

func newResults(budget int64) *results {
	return &results{budget: budget, order: list.New(), by: map[string]*list.Element{}}
}

// get is the workspace's result of version ver, if kept.
func (c *results) get(id string, ver version) *publish.Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.by[id]
	if e == nil || e.Value.(*kept).ver != ver {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*kept).res
}

// put keeps the workspace's result of a text of n bytes, in place of its
// previous one, dropping the least recently used to stay in the budget.
// A result over the whole budget is not kept.
func (c *results) put(id string, ver version, res *publish.Result, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropLocked(id)
	k := &kept{id: id, ver: ver, res: res, cost: resultCost(n)}
	if k.cost > c.budget {
		return
	}
	for c.used+k.cost > c.budget {
		c.dropLocked(c.order.Back().Value.(*kept).id)
	}
	c.by[id] = c.order.PushFront(k)
	c.used += k.cost
}

// drop forgets the workspace's result.
func (c *results) drop(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropLocked(id)
}

func (c *results) dropLocked(id string) {
	if e := c.by[id]; e != nil {
		c.used -= e.Value.(*kept).cost
		c.order.Remove(e)
		delete(c.by, id)
	}
}

// held is how many results are kept and the bytes they count.
func (c *results) held() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len(), c.used
}
