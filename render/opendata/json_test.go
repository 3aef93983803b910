package opendata

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"
)

func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("open-data.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("open-data.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func instance(t *testing.T, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// (a) The JSON of every fixture validates against the schema.
func TestJSONValidatesAgainstSchema(t *testing.T) {
	s := compiledSchema(t)
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			data, err := JSON(f.pub, f.doc)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(instance(t, data)); err != nil {
				t.Fatalf("the JSON does not validate: %v", err)
			}
		})
	}
}

// The schema is precise: it rejects what the writer never writes.
func TestSchemaRejectsWhatIsNotWritten(t *testing.T) {
	s := compiledSchema(t)
	f := fixtures(t)[0]
	data, err := JSON(f.pub, f.doc)
	if err != nil {
		t.Fatal(err)
	}
	firstRow := func(v map[string]any) map[string]any {
		return v["tables"].(map[string]any)["T3"].(map[string]any)["rows"].([]any)[0].(map[string]any)
	}
	for _, c := range []struct {
		name   string
		change func(v map[string]any)
	}{
		{"amount as a number", func(v map[string]any) { firstRow(v)["amounts"].(map[string]any)["total"] = json.Number("2306.74") }},
		{"amount with one decimal", func(v map[string]any) { firstRow(v)["amounts"].(map[string]any)["total"] = "2306.7" }},
		{"exact amount not a decimal", func(v map[string]any) { firstRow(v)["exact"] = map[string]any{"total": "1e3"} }},
		{"fact decimal as a number", func(v map[string]any) { v["facts"].(map[string]any)["total"] = json.Number("5103.42") }},
		{"prior without set", func(v map[string]any) { delete(v["facts"].(map[string]any)["prior_total"].(map[string]any), "set") }},
		{"unknown role", func(v map[string]any) { firstRow(v)["key"].(map[string]any)["role"] = "sum" }},
		{"missing key", func(v map[string]any) { delete(firstRow(v), "key") }},
		{"unknown key", func(v map[string]any) { v["extra"] = "x" }},
		{"table id", func(v map[string]any) { ts := v["tables"].(map[string]any); ts["Table3"] = ts["T3"] }},
		{"missing fact", func(v map[string]any) { delete(v["facts"].(map[string]any), "year") }},
		{"column kind", func(v map[string]any) {
			v["tables"].(map[string]any)["T3"].(map[string]any)["columns"].([]any)[0].(map[string]any)["kind"] = "number"
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := decodeJSON(t, data)
			c.change(v)
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(instance(t, b)); err == nil {
				t.Error("the schema accepts it")
			}
		})
	}
}

// The schema is valid JSON with Chinese descriptions throughout, draft 2020-12.
func TestSchemaShape(t *testing.T) {
	v := decodeJSON(t, Schema())
	if v["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", v["$schema"])
	}
	facts := v["$defs"].(map[string]any)["facts"].(map[string]any)["properties"].(map[string]any)
	if len(facts) != len(FactKeys()) {
		t.Errorf("%d facts in the schema, %d written", len(facts), len(FactKeys()))
	}
	han := regexp.MustCompile(`\p{Han}`)
	for k, p := range facts {
		if d, _ := p.(map[string]any)["description"].(string); !han.MatchString(d) {
			t.Errorf("fact %s: no Chinese description (%q)", k, d)
		}
	}
}

// Every field of render.Facts is described, written under a unique
// snake_case key, and of a type the writer knows.
func TestEveryFactDescribed(t *testing.T) {
	keyRe := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	seen := map[string]string{}
	for _, f := range factFields(defaultProfile().Wording.Data) {
		if _, ok := defaultProfile().Wording.About[f.name]; !ok {
			t.Errorf("render.Facts.%s has no description in its profile's Wording.About", f.name)
		}
		if f.kind == factUnknown {
			t.Errorf("render.Facts.%s: a type the open data cannot write", f.name)
		}
		if !keyRe.MatchString(f.key) {
			t.Errorf("render.Facts.%s: key %q", f.name, f.key)
		}
		if other, dup := seen[f.key]; dup {
			t.Errorf("render.Facts.%s and %s are both written as %q", f.name, other, f.key)
		}
		seen[f.key] = f.name
	}
	for _, c := range []struct{ in, want string }{
		{"GPCurrent", "gp_current"}, {"FiscalGP", "fiscal_gp"}, {"EquipmentOver500k", "equipment_over_500k"},
		{"EquipmentOver1m", "equipment_over_1m"}, {"PriorYear", "prior_year"}, {"AsOf", "as_of"}, {"Dept", "dept"},
	} {
		if got := snake(c.in); got != c.want {
			t.Errorf("snake(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// (b) Every table and row of the publication appears in the JSON, in
// order, with its key, texts, printed amounts equal to Cell.Amount and
// exact amounts where they differ.
func TestJSONHasEveryTableAndRow(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			data, err := JSON(f.pub, f.doc)
			if err != nil {
				t.Fatal(err)
			}
			v := decodeJSON(t, data)
			if v["year"] != json.Number(strconv.Itoa(f.pub.Year)) {
				t.Errorf("year = %v", v["year"])
			}
			if v["department"] != f.pub.Department || v["unit"] != "万元" {
				t.Errorf("department %v, unit %v", v["department"], v["unit"])
			}
			tables := v["tables"].(map[string]any)
			if len(tables) != len(f.pub.Tables) {
				t.Errorf("%d tables written, %d in the publication", len(tables), len(f.pub.Tables))
			}
			differ := 0
			for _, tab := range f.pub.Tables {
				jt, ok := tables[string(tab.ID)].(map[string]any)
				if !ok {
					t.Errorf("%s missing", tab.ID)
					continue
				}
				if jt["number"] != json.Number(strconv.Itoa(tab.Number)) || jt["title"] != tab.Title {
					t.Errorf("%s: number %v title %v", tab.ID, jt["number"], jt["title"])
				}
				differ += checkTable(t, tab, jt)
			}
			if unit := f.doc.AmountUnit; unit == "元" && differ == 0 {
				t.Error("an input in 元 has no exact amount that differs from its printed one")
			} else if unit == "万元" && differ != 0 {
				t.Errorf("an input in 万元 with two decimals has %d exact amounts apart from the printed ones", differ)
			}
		})
	}
}

// checkTable compares one table with its JSON and counts the exact amounts
// written because they differ from the printed ones.
func checkTable(t *testing.T, tab *render.Table, jt map[string]any) int {
	t.Helper()
	cols := jt["columns"].([]any)
	if len(cols) != len(tab.Columns) {
		t.Fatalf("%s: %d columns, want %d", tab.ID, len(cols), len(tab.Columns))
	}
	twoSided := false
	for i, c := range tab.Columns {
		jc := cols[i].(map[string]any)
		if jc["key"] != string(c.Key) || jc["kind"] != kindNames[c.Kind] || jc["title"] == "" {
			t.Errorf("%s column %d: %v", tab.ID, i, jc)
		}
		twoSided = twoSided || c.Side == render.SideLeft
	}
	rows := jt["rows"].([]any)
	if len(rows) != len(tab.Rows) {
		t.Fatalf("%s: %d rows, want %d", tab.ID, len(rows), len(tab.Rows))
	}
	differ := 0
	for n, r := range tab.Rows {
		jr := rows[n].(map[string]any)
		where := string(tab.ID) + " row " + r.Key.ID + "/" + r.Key.Sub
		sameKey(t, where, r.Key, jr["key"])
		if twoSided {
			sameKey(t, where+" (left)", r.LeftKey, jr["left_key"])
		} else if _, ok := jr["left_key"]; ok {
			t.Errorf("%s: left_key in a one-sided table", where)
		}
		texts, amounts := jr["texts"].(map[string]any), jr["amounts"].(map[string]any)
		exact, _ := jr["exact"].(map[string]any)
		for i, c := range tab.Columns {
			empty := c.Side == render.SideLeft && r.LeftKey.Role == render.RoleNone ||
				twoSided && c.Side == render.SideMain && r.Key.Role == render.RoleNone
			key := string(c.Key)
			cell := r.Cells[i]
			if c.Kind != render.KindAmount {
				got, ok := texts[key]
				if empty && ok || !empty && got != cell.Text {
					t.Errorf("%s %s: text %v, want %q (empty half %v)", where, key, got, cell.Text, empty)
				}
				continue
			}
			got, ok := amounts[key].(string)
			if empty {
				if ok {
					t.Errorf("%s %s: an amount in the empty half", where, key)
				}
				continue
			}
			if got != cell.Amount.StringFixed(2) {
				t.Errorf("%s %s: amount %q, want %s", where, key, got, cell.Amount.StringFixed(2))
			}
			if d, err := decimal.NewFromString(got); err != nil || !d.Equal(cell.Amount) {
				t.Errorf("%s %s: amount %q is not Cell.Amount %s", where, key, got, cell.Amount)
			}
			e, has := exact[key].(string)
			switch {
			case cell.Exact.Equal(cell.Amount) && has:
				t.Errorf("%s %s: exact %s written though it equals the printed amount", where, key, e)
			case !cell.Exact.Equal(cell.Amount):
				differ++
				if d, err := decimal.NewFromString(e); !has || err != nil || !d.Equal(cell.Exact) {
					t.Errorf("%s %s: exact %q, want %s", where, key, e, cell.Exact)
				}
			}
		}
		if want := len(tab.Columns); len(texts)+len(amounts) > want {
			t.Errorf("%s: %d cells written for %d columns", where, len(texts)+len(amounts), want)
		}
	}
	return differ
}

func sameKey(t *testing.T, where string, k render.RowKey, v any) {
	t.Helper()
	if k.Role == render.RoleNone {
		if v != nil {
			t.Errorf("%s: key %v, want null", where, v)
		}
		return
	}
	m, ok := v.(map[string]any)
	role, _ := RoleName(k.Role)
	if !ok || m["role"] != role || m["id"] != k.ID || m["sub"] != k.Sub {
		t.Errorf("%s: key %v, want %s/%s/%s", where, v, role, k.ID, k.Sub)
	}
}

// The figures of 第三部分 are written from render.Facts: decimals as exact
// strings, counts as numbers, prior values as {value, set}.
func TestJSONFacts(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			data, err := JSON(f.pub, f.doc)
			if err != nil {
				t.Fatal(err)
			}
			facts := decodeJSON(t, data)["facts"].(map[string]any)
			fv := reflect.ValueOf(f.pub.Facts).Elem()
			for _, ff := range factFields(defaultProfile().Wording.Data) {
				got, ok := facts[ff.key]
				if !ok {
					t.Errorf("%s missing", ff.key)
					continue
				}
				field := fv.Field(ff.index).Interface()
				switch x := field.(type) {
				case decimal.Decimal:
					sameDecimal(t, ff.key, got, x)
				case render.Prior:
					m := got.(map[string]any)
					sameDecimal(t, ff.key, m["value"], x.Value)
					if m["set"] != x.Set {
						t.Errorf("%s.set = %v, want %v", ff.key, m["set"], x.Set)
					}
				case []render.Item:
					list := got.([]any)
					if len(list) != len(x) {
						t.Fatalf("%s: %d items, want %d", ff.key, len(list), len(x))
					}
					for i, it := range x {
						m := list[i].(map[string]any)
						if m["name"] != it.Name {
							t.Errorf("%s[%d].name = %v", ff.key, i, m["name"])
						}
						sameDecimal(t, ff.key, m["amount"], it.Amount)
					}
				case int:
					if got != json.Number(strconv.Itoa(x)) {
						t.Errorf("%s = %v, want %d", ff.key, got, x)
					}
				case string, bool:
					if got != x {
						t.Errorf("%s = %v, want %v", ff.key, got, x)
					}
				case []string:
					list := got.([]any)
					if len(list) != len(x) {
						t.Errorf("%s: %v, want %v", ff.key, list, x)
					}
				}
			}
		})
	}
}

func sameDecimal(t *testing.T, key string, got any, want decimal.Decimal) {
	t.Helper()
	s, ok := got.(string)
	d, err := decimal.NewFromString(s)
	if !ok || err != nil || !d.Equal(want) || !regexp.MustCompile(DecimalPattern).MatchString(s) {
		t.Errorf("%s = %v, want the decimal string of %s", key, got, want)
	}
}

// No amount is written as a JSON number: every number in the JSON is an
// integer (years, numbers, levels, counts).
func TestJSONHasNoFractionalNumbers(t *testing.T) {
	for _, f := range fixtures(t) {
		data, err := JSON(f.pub, f.doc)
		if err != nil {
			t.Fatal(err)
		}
		var walk func(v any)
		walk = func(v any) {
			switch x := v.(type) {
			case json.Number:
				if strings.ContainsAny(string(x), ".eE") {
					t.Errorf("%s: a number with a fraction: %s", f.name, x)
				}
			case map[string]any:
				for _, e := range x {
					walk(e)
				}
			case []any:
				for _, e := range x {
					walk(e)
				}
			}
		}
		walk(decodeJSON(t, data))
	}
}

// (e) The same input gives byte-identical JSON, schema, CSV and package,
// also from a second decode and build.
func TestDeterministic(t *testing.T) {
	first, second := fixtures(t), fixtures(t)
	var resources [2][]Resource
	for i, f := range first {
		g := second[i]
		j1, err1 := JSON(f.pub, f.doc)
		j2, err2 := JSON(g.pub, g.doc)
		j3, err3 := JSON(f.pub, f.doc)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		if !bytes.Equal(j1, j2) || !bytes.Equal(j1, j3) {
			t.Errorf("%s: the JSON differs between runs", f.name)
		}
		c1, err1 := CSV(f.doc, f.pub)
		c2, err2 := CSV(g.doc, g.pub)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(c1, c2) {
			t.Errorf("%s: the CSV differs between runs", f.name)
		}
		resources[0] = append(resources[0], NewResource(f.name+".csv", f.doc, c1))
		resources[1] = append(resources[1], NewResource(g.name+".csv", g.doc, c2))
	}
	if !bytes.Equal(Schema(), Schema()) {
		t.Error("the schema differs between runs")
	}
	p1, err1 := DataPackage(resources[0])
	p2, err2 := DataPackage(resources[1])
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !bytes.Equal(p1, p2) {
		t.Error("the data package differs between runs")
	}
}

// A publication without facts, or a document missing, is refused.
func TestJSONRefusesIncompleteInput(t *testing.T) {
	f := fixtures(t)[0]
	if _, err := JSON(nil, f.doc); err == nil {
		t.Error("no publication: no error")
	}
	if _, err := JSON(f.pub, nil); err == nil {
		t.Error("no document: no error")
	}
	noFacts := *f.pub
	noFacts.Facts = nil
	if _, err := JSON(&noFacts, f.doc); err == nil {
		t.Error("no facts: no error")
	}
}
