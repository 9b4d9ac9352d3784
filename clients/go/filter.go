package netweave

import (
	"strings"
	"unicode"
)

// Filter builds an O-RAN filter: (op,attribute,value[,value…]) criteria joined by ";", all
// of which must match. A value holding a comma, parenthesis, semicolon, quote or whitespace
// (or an empty one) is single-quoted, a quote inside written twice.
//
//	netweave.NewFilter().Eq("extensions/country", "ES").In("name", "a,b", "c").String()
//	// (eq,extensions/country,ES);(in,name,'a,b',c)
type Filter struct{ criteria []string }

// NewFilter starts an empty filter.
func NewFilter() *Filter { return &Filter{} }

// Quote writes one filter value.
func Quote(v string) string {
	plain := v != "" && !strings.ContainsAny(v, ",();'") && strings.IndexFunc(v, unicode.IsSpace) < 0
	if plain {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", "''") + "'"
}

func (f *Filter) with(op, attribute string, values []string) *Filter {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = Quote(v)
	}
	f.criteria = append(f.criteria, "("+op+","+attribute+","+strings.Join(quoted, ",")+")")
	return f
}

func (f *Filter) Eq(attribute, value string) *Filter { return f.with("eq", attribute, []string{value}) }
func (f *Filter) Neq(attribute, value string) *Filter {
	return f.with("neq", attribute, []string{value})
}
func (f *Filter) Gt(attribute, value string) *Filter { return f.with("gt", attribute, []string{value}) }
func (f *Filter) Gte(attribute, value string) *Filter {
	return f.with("gte", attribute, []string{value})
}
func (f *Filter) Lt(attribute, value string) *Filter { return f.with("lt", attribute, []string{value}) }
func (f *Filter) Lte(attribute, value string) *Filter {
	return f.with("lte", attribute, []string{value})
}
func (f *Filter) Cont(attribute, value string) *Filter {
	return f.with("cont", attribute, []string{value})
}
func (f *Filter) Ncont(attribute, value string) *Filter {
	return f.with("ncont", attribute, []string{value})
}
func (f *Filter) In(attribute string, values ...string) *Filter {
	return f.with("in", attribute, values)
}
func (f *Filter) Nin(attribute string, values ...string) *Filter {
	return f.with("nin", attribute, values)
}

// String is the filter's wire form.
func (f *Filter) String() string { return strings.Join(f.criteria, ";") }
