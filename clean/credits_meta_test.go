package clean

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRemovedCreditsFillMeta checks, over every publisher case, trap and
// labelled case, that each line removed as a byline, an editor's credit
// or a source names something, and that what it names reaches Meta:
// cleaning never throws a credit away unread.
func TestRemovedCreditsFillMeta(t *testing.T) {
	var inputs []string
	files, _ := filepath.Glob("testdata/publishers/*.txt")
	for _, f := range files {
		inputs = append(inputs, readPublisherCase(t, f).in)
	}
	for _, c := range labelledCases {
		inputs = append(inputs, c.in)
	}
	// rules that remove a credit with nothing in it, a notice about an
	// edit, the lines of an account's card, an author's affiliation
	nameless := map[string]bool{"empty-credit": true, "edit-notice": true, "tool-links": true, "account-card": true, "author-note": true}
	c := Default()
	checked := 0
	for _, in := range inputs {
		d := newDoc(in, Text)
		d.paras = splitText(in, &d.norm)
		c.settle(d)
		res := d.result()
		m := res.Meta
		for _, r := range d.removed {
			if r.cat != Byline && r.cat != Editor && r.cat != Source || nameless[r.rule] {
				continue
			}
			text := in[r.start:r.end]
			if len(r.fields) == 0 {
				t.Errorf("%s removed %q and recorded nothing", r.rule, text)
				continue
			}
			checked++
			for _, f := range r.fields {
				if !inMeta(m, f) {
					t.Errorf("%s removed %q: %s %q is not in %+v", r.rule, text, f.Key, f.Value, m)
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d credit lines checked", checked)
	}
	t.Logf("%d removed credit lines fill Meta", checked)
}

// inMeta reports whether Meta holds what a field records. A publisher
// named in a dateline or byline fills Source only when nothing better
// names one; a time only when no earlier one did.
func inMeta(m Meta, f Field) bool {
	v := strings.TrimSpace(f.Value)
	switch f.Key {
	case FieldSource:
		return m.Source != ""
	case fieldOutlet:
		return true // a fallback for Source, checked by TestPublishers
	case FieldEditor:
		return slices.Contains(m.Editors, v)
	case FieldReporter:
		return slices.Contains(m.Reporters, v)
	case FieldPhotographer:
		return slices.Contains(m.Photographers, v)
	case FieldOriginalTitle:
		return m.OriginalTitle != ""
	case FieldDateline:
		return m.Dateline != ""
	case FieldPublished:
		return m.Published != ""
	case FieldTitle:
		return m.Title != ""
	}
	return m.Credits != nil
}
