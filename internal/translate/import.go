package translate

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tsdraft/tsdraft/internal/catalog"
)

// Import and mark-current are planned first, written second: a Plan holds the new content
// of every file that changes and what happens to each entry, so that tests compare bytes,
// --dry-run can show it, and a refused unit never leaves a half-written file.

// Action is what import or mark-current does with one entry.
type Action struct {
	Ref  catalog.Ref
	File string // shown path of the file written (or that would be)
	What string // added, updated, confirmed, stamped, unchanged, skipped
	Why  string // for skipped and unchanged
}

// Plan is the outcome of import or mark-current before anything is written.
type Plan struct {
	Dir      string            // the locales directory written into
	Root     string            // how its files are shown
	Changes  map[string][]byte // path relative to Dir → new content; only files that change
	Actions  []Action
	Problems []catalog.Problem // refused units (errors) and notices (warnings)
}

// Count returns how many actions are of kind what.
func (p *Plan) Count(what string) int {
	n := 0
	for _, a := range p.Actions {
		if a.What == what {
			n++
		}
	}
	return n
}

// ChangedFiles lists the changed files as shown to the user, sorted.
func (p *Plan) ChangedFiles() []string {
	var out []string
	for _, rel := range slices.Sorted(maps.Keys(p.Changes)) {
		out = append(out, p.Root+"/"+rel)
	}
	return out
}

// target returns the layer writes go to: the last override directory.
func (c *Tree) target() (int, error) {
	layers := c.Layers()
	last := len(layers) - 1
	if last < 0 || layers[last].Dir == "" {
		return 0, fmt.Errorf("no locales directory to write into: pass %s", c.opt(OptLocales))
	}
	return last, nil
}

// pendingEdit is an edit planned for one file of the target directory.
type pendingEdit struct {
	entryEdit
	ref    catalog.Ref
	unit   catalog.Problem // where the request came from, for errors found while editing
	action int             // index into Plan.Actions
}

// planner collects edits per file and the master texts to record in the history.
type planner struct {
	c       *Tree
	layer   int
	plan    *Plan
	edits   map[string][]pendingEdit // rel → edits
	history map[string]string
	files   map[string][]*catalog.FileEntry // rel → entries of the target file as they are
}

func (c *Tree) newPlanner() (*planner, error) {
	layer, err := c.target()
	if err != nil {
		return nil, err
	}
	return &planner{
		c: c, layer: layer,
		plan:    &Plan{Dir: c.Layers()[layer].Dir, Root: c.Layers()[layer].Root, Changes: map[string][]byte{}},
		edits:   map[string][]pendingEdit{},
		history: map[string]string{},
		files:   map[string][]*catalog.FileEntry{},
	}, nil
}

func (p *planner) read(rel string) (string, error) {
	data, err := fs.ReadFile(p.c.Layers()[p.layer].FS, rel)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading %s/%s: %w", p.plan.Root, rel, err)
	}
	return string(data), nil
}

// inTarget reports whether the target directory's file already holds the entry.
func (p *planner) inTarget(r catalog.Ref) bool {
	rel := r.RelFile()
	entries, ok := p.files[rel]
	if !ok {
		src, err := p.read(rel)
		if err == nil {
			entries, _ = catalog.ParseFile(rel, src)
		}
		p.files[rel] = entries
	}
	return findEntry(entries, r.Table()) != nil
}

func (p *planner) add(r catalog.Ref, ed entryEdit, what, masterText string, from catalog.Problem) {
	p.plan.Actions = append(p.plan.Actions, Action{Ref: r, File: p.plan.Root + "/" + r.RelFile(), What: what})
	rel := r.RelFile()
	p.edits[rel] = append(p.edits[rel], pendingEdit{entryEdit: ed, ref: r, unit: from, action: len(p.plan.Actions) - 1})
	if ed.source != "" {
		p.history[ed.source] = masterText
	}
}

func (p *planner) note(r catalog.Ref, what, why string) {
	p.plan.Actions = append(p.plan.Actions, Action{Ref: r, File: p.plan.Root + "/" + r.RelFile(), What: what, Why: why})
}

// masterOrder lists the tables of the master file matching rel's jurisdiction and stem.
func (c *Tree) masterOrder(r catalog.Ref) []string {
	var es []*catalog.Entry
	for _, e := range c.All() {
		if e.Lang == catalog.Master && e.Jur == r.Jur && e.Stem() == r.Stem() {
			es = append(es, e)
		}
	}
	slices.SortFunc(es, catalog.CompareEntries)
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Table()
	}
	return out
}

// finish turns the collected edits into file contents.
func (p *planner) finish() (*Plan, error) {
	for _, rel := range slices.Sorted(maps.Keys(p.edits)) {
		pend := p.edits[rel]
		src, err := p.read(rel)
		if err != nil {
			return nil, err
		}
		eds := make([]entryEdit, len(pend))
		for i, pe := range pend {
			eds[i] = pe.entryEdit
		}
		out, err := editFile(p.plan.Root+"/"+rel, src, eds, p.c.masterOrder(pend[0].ref))
		if err != nil {
			// The file cannot take the edits (say, it is invalid TOML): refuse its units.
			for _, pe := range pend {
				u := pe.unit
				u.Level, u.Rule = catalog.Error, "write"
				u.Message = pe.ref.ID() + ": not written: " + err.Error()
				p.plan.Problems = append(p.plan.Problems, u)
				p.plan.Actions[pe.action].What = "refused"
			}
			continue
		}
		if out != src {
			p.plan.Changes[rel] = []byte(out)
		}
	}
	if len(p.history) > 0 {
		src, err := p.read(historyFile)
		if err != nil {
			return nil, err
		}
		old, problems := parseHistory(p.plan.Root+"/"+historyFile, src)
		if src != "" && len(problems) > 0 {
			return nil, fmt.Errorf("%s: %s; fix or delete it, then run again", problems[0].File, problems[0].Message)
		}
		merged := map[string]string{}
		for k, v := range old {
			merged[k] = v
		}
		grew := false
		for k, v := range p.history {
			if _, ok := merged[k]; !ok {
				merged[k] = v
				grew = true
			}
		}
		if grew {
			p.plan.Changes[historyFile] = formatHistory(merged)
		}
	}
	catalog.SortProblems(p.plan.Problems)
	return p.plan, nil
}

// confirmedStates are target states that mean a person accepted the target.
var confirmedStates = []string{"translated", "final", "signed-off"}

// copyStates are target states under which a target equal to the source is a copy of it
// waiting for translation, not a translation.
var copyStates = []string{"new", "needs-translation"}

// inUnit is one unit of a returned file, XLIFF or PO, as import judges it.
type inUnit struct {
	line      int
	id        string   // entry ID
	src       string   // the master text the translator worked from
	text      string   // the translation
	hasTarget bool     // there is a translation at all
	problems  []string // inline codes that match nothing in the source
	confirmed bool     // the translator accepted the text as it stands
	copyOK    bool     // a text equal to src is a copy waiting for translation
	draft     string   // non-empty: the tool marks the text unfinished (why it is skipped)
}

// PlanImport reads an XLIFF file exported by Export (and translated in a CAT tool) and
// plans writing its targets into the catalogue's last override directory.
//
// A unit is written when its target is new or changed, or when a stale translation came
// back unchanged but confirmed; its source is the hash of the unit's source text, the
// master it was really translated from. What counts as confirmed depends on the profile
// the file was exported in (its tool-id): a state of translated, final or signed-off or
// approved="yes" (generic); any target (okapi, whose stale units have none); a target that
// is not the master (omegat). A unit whose tags differ from its source, whose blocks do
// not nest, or whose text is in another language than the file's is refused: reported,
// never written. An unchanged round trip plans no change at all.
func (c *Tree) PlanImport(name string, data []byte) (*Plan, error) {
	if looksLikePO(data) {
		return c.PlanImportPO(name, data, "")
	}
	p, err := c.newPlanner()
	if err != nil {
		return nil, err
	}
	files, err := readXLIFF(name, data)
	if err != nil {
		return nil, err
	}
	seen := map[catalog.Ref]int{}
	for _, f := range files {
		lang, ok := canonicalLanguage(f.tgtLang)
		if !ok {
			return nil, fmt.Errorf("%s:%d: target-language %q is not one of %s", name, f.line, f.tgtLang, strings.Join(catalog.Languages[1:], " "))
		}
		if lang == catalog.Master {
			return nil, fmt.Errorf("%s:%d: target-language is %s, the master: edit %s/%s/ directly instead", name, f.line, catalog.Master, p.plan.Root, catalog.Master)
		}
		if f.srcLang != "" {
			if sl, ok := canonicalLanguage(f.srcLang); !ok || sl != catalog.Master {
				return nil, fmt.Errorf("%s:%d: source-language %q: the source must be the master, %s", name, f.line, f.srcLang, catalog.Master)
			}
		}
		profile, exported, fromUs := parseToolID(f.toolID)
		if fromUs && exported != lang {
			return nil, fmt.Errorf("%s:%d: target-language is %q but this file was exported for %s (tool-id %q): import it as %s, or export again with %s %s", name, f.line, f.tgtLang, exported, f.toolID, exported, c.opt(OptLang), lang)
		}
		if f.datatype == "po" {
			// po2xliff -t appends a <file> of its own (numeric ids, original = the PO file)
			// instead of merging into the template: its units cannot be matched by key.
			msg := fmt.Sprintf("this <file original=%q> was added by po2xliff, which appends the PO file's units instead of merging them into the export; import the PO file itself: tsdraft locale import %s", f.original, f.original)
			p.plan.Problems = append(p.plan.Problems, catalog.Problem{File: name, Line: f.line, Level: catalog.Error, Rule: "unit", Message: msg})
			for _, u := range f.units {
				p.note(catalog.Ref{Lang: lang, Key: u.id}, "refused", msg)
			}
			continue
		}
		if !fromUs {
			profile = ProfileGeneric
		}
		for _, u := range f.units {
			p.importUnit(name, lang, xliffUnit(u, profile), seen)
		}
	}
	return p.finish()
}

// xliffUnit turns a trans-unit into an inUnit under the rules of its export profile.
func xliffUnit(u *xUnit, profile string) inUnit {
	uid := u.resname
	if uid == "" {
		uid = u.id
	}
	codes := sourceCodes(u.source)
	src, _ := rebuild(u.source, codes)
	in := inUnit{line: u.line, id: uid, src: src, hasTarget: u.hasTarget}
	if u.hasTarget {
		in.text, in.problems = rebuild(u.target, codes)
	}
	switch profile {
	case ProfileOmegaT:
		// The built-in filter keeps the exported state; only the text tells.
		in.copyOK = true
		in.confirmed = in.text != src
	case ProfileOkapi:
		// Stale units went out without a target: any target is a decision.
		in.confirmed = true
		in.copyOK = slices.Contains(copyStates, u.state) || u.state == ""
	default:
		in.confirmed = slices.Contains(confirmedStates, u.state) || u.approved
		in.copyOK = slices.Contains(copyStates, u.state)
	}
	return in
}

func (p *planner) importUnit(name, lang string, u inUnit, seen map[catalog.Ref]int) {
	at := catalog.Problem{File: name, Line: u.line, Level: catalog.Error}
	refuse := func(r catalog.Ref, id, format string, args ...any) {
		pr := at
		pr.Rule, pr.Message = id, u.id+": "+fmt.Sprintf(format, args...)
		p.plan.Problems = append(p.plan.Problems, pr)
		if r.Key == "" {
			r = catalog.Ref{Lang: lang, Key: u.id} // not an entry ID, but still one refused unit
		}
		p.note(r, "refused", pr.Message)
	}
	jur, key, err := catalog.ParseID(u.id)
	if err != nil {
		refuse(catalog.Ref{}, "unit", "%v", err)
		return
	}
	r := catalog.Ref{Lang: lang, Jur: jur, Key: key}
	if first, dup := seen[r]; dup {
		refuse(r, "unit", "appears twice (first at line %d); only the first is imported", first)
		return
	}
	seen[r] = u.line
	m := p.c.Entry(r.Master())
	if m == nil {
		msg := fmt.Sprintf("not in the master (no [%s] in %s) any more: renamed or deleted since the export?", r.Table(), r.Master().RelFile())
		if hint := p.c.KeyHint(r); hint != "" {
			msg += " " + hint
		}
		refuse(r, "unknown-key", "%s", msg)
		return
	}
	src := u.src
	if !u.hasTarget {
		p.note(r, "skipped", "no target")
		return
	}
	text := u.text
	if len(u.problems) > 0 {
		refuse(r, "tags", "%s; fix the target in the translation tool, save, and import again", strings.Join(u.problems, "; "))
		return
	}
	if strings.TrimSpace(text) == "" {
		p.note(r, "skipped", "empty target")
		return
	}
	if u.draft != "" {
		p.note(r, "skipped", u.draft)
		return
	}
	if u.copyOK && text == src {
		p.note(r, "skipped", "target is a copy of the source, not translated")
		return
	}
	if missing, extra := tagDiff(Tags(src), Tags(text)); len(missing)+len(extra) > 0 {
		refuse(r, "tags", "tags differ from the source: %s; fix the target in the translation tool, save, and import again", describeTagDiff(missing, extra))
		return
	}
	if fs := checkBlocks(text); len(fs) > 0 {
		refuse(r, "blocks", "%s; fix the target in the translation tool, save, and import again", fs[0].msg)
		return
	}
	if xmlInvalid(text) >= 0 || xmlInvalid(src) >= 0 {
		refuse(r, "unit", "holds a character XML cannot carry")
		return
	}
	if msg := languageMismatch(lang, text); msg != "" {
		refuse(r, "language", "%s; translate it into %s, or import the file for the language it is in", msg, lang)
		return
	}
	if nums := missingNumbers(lang, src, text); len(nums) > 0 {
		w := at
		w.Level, w.Rule = catalog.Warning, "numbers"
		w.Message = fmt.Sprintf("%s: number(s) of the master missing: %s (master: %q); imported, check it", u.id, strings.Join(nums, ", "), src)
		p.plan.Problems = append(p.plan.Problems, w)
	}
	h := catalog.SourceHash(src)
	cur := p.c.Entry(r)
	switch {
	case cur != nil && cur.Text == text && cur.HasSource && cur.Source == h:
		p.note(r, "unchanged", "")
		return
	case cur != nil && cur.Text == text && !u.confirmed:
		p.note(r, "skipped", "target unchanged and not confirmed; confirm it in the CAT tool, or run mark-current")
		return
	}
	what := "updated"
	switch {
	case !p.inTarget(r):
		what = "added"
	case cur != nil && cur.Text == text:
		what = "confirmed"
	}
	t := text
	p.add(r, entryEdit{table: r.Table(), text: &t, source: h}, what, src, at)
	if h != catalog.SourceHash(m.Text) {
		w := at
		w.Level, w.Rule = catalog.Warning, "master-changed"
		w.Message = fmt.Sprintf("%s: the master changed after this file was exported; the translation is recorded as made from the exported source, so check calls it stale until it is updated to the master now: %q", u.id, m.Text)
		p.plan.Problems = append(p.plan.Problems, w)
	}
}

// PlanMarkCurrent plans setting source to the current master hash for the given entries of
// lang (IDs as in ParseID), or with all for every entry of lang in the target directory
// whose source is missing or old. A reviewer uses it to confirm that a translation still
// fits a changed master. An entry whose tags differ from the master is refused.
func (c *Tree) PlanMarkCurrent(lang string, ids []string, all bool) (*Plan, error) {
	if !catalog.IsLanguage(lang) {
		return nil, fmt.Errorf("unknown language %q (one of %s)", lang, strings.Join(catalog.Languages[1:], " "))
	}
	if lang == catalog.Master {
		return nil, fmt.Errorf("%s is the master: it has no source to mark", catalog.Master)
	}
	if all == (len(ids) > 0) {
		return nil, fmt.Errorf("name the entries to mark (e.g. common.prevailing CN/law.ts_act) or pass %s, not both", c.opt(OptAll))
	}
	p, err := c.newPlanner()
	if err != nil {
		return nil, err
	}
	var refs []catalog.Ref
	if all {
		for _, e := range c.SortedEntries() {
			if e.Lang == lang && e.File.Layer == p.layer {
				refs = append(refs, e.Ref)
			}
		}
	} else {
		for _, id := range ids {
			jur, key, err := catalog.ParseID(id)
			if err != nil {
				return nil, err
			}
			refs = append(refs, catalog.Ref{Lang: lang, Jur: jur, Key: key})
		}
	}
	scopeNotes := map[catalog.Ref]string{}
	if !all {
		for _, r := range refs {
			if c.Entry(r.Master()) == nil {
				continue
			}
			// The same key in another scope the language translates: say which one this is.
			var others []string
			for _, j := range append([]string{""}, catalog.Jurisdictions...) {
				o := catalog.Ref{Lang: lang, Jur: j, Key: r.Key}
				if j != r.Jur && c.Entry(o.Master()) != nil && required(lang, j) {
					others = append(others, o.ID())
				}
			}
			if len(others) > 0 {
				what := "the general text"
				if r.Jur != "" {
					what = r.Jur + "'s own text"
				}
				scopeNotes[r] = fmt.Sprintf("%s is %s; the key also exists as %s (name that ID to mark it)", r.ID(), what, strings.Join(others, ", "))
			}
		}
	}
	for _, r := range refs {
		at := catalog.Problem{File: p.plan.Root + "/" + r.RelFile(), Line: 1, Level: catalog.Error}
		refuse := func(id, format string, args ...any) {
			pr := at
			pr.Rule, pr.Message = id, r.ID()+": "+fmt.Sprintf(format, args...)
			p.plan.Problems = append(p.plan.Problems, pr)
			p.note(r, "refused", pr.Message)
		}
		e := c.Entry(r)
		if e != nil {
			at.Line = e.Line
		}
		if msg, ok := scopeNotes[r]; ok {
			w := at
			w.Level, w.Rule, w.Message = catalog.Warning, "scope", msg
			p.plan.Problems = append(p.plan.Problems, w)
		}
		switch {
		case c.Entry(r.Master()) == nil:
			msg := "no such master key"
			if hint := c.KeyHint(r); hint != "" {
				msg += " " + hint
			}
			refuse("unknown-key", "%s", msg)
			continue
		case e == nil:
			refuse("missing", "there is no such %s entry; translate it first", lang)
			continue
		case e.File.Layer != p.layer:
			refuse("missing", "not in %s (it comes from %s); import a translation or copy the entry there first", at.File, e.File.Path)
			continue
		}
		m := c.Entry(r.Master())
		if missing, extra := tagDiff(Tags(m.Text), Tags(e.Text)); len(missing)+len(extra) > 0 {
			refuse("tags", "not marked: tags differ from the master: %s", describeTagDiff(missing, extra))
			continue
		}
		h := catalog.SourceHash(m.Text)
		if e.HasSource && e.Source == h {
			p.note(r, "unchanged", "already current")
			continue
		}
		p.add(r, entryEdit{table: r.Table(), source: h}, "stamped", m.Text, at)
	}
	return p.finish()
}

// WriteChanges writes a plan's files into its directory. Each file is written to a
// temporary file beside it and renamed over it, all temporaries first, so that a failure
// leaves every file either old or new, never half-written.
func WriteChanges(p *Plan) error {
	type staged struct{ tmp, dst string }
	var done []staged
	cleanup := func() {
		for _, s := range done {
			os.Remove(s.tmp)
		}
	}
	for _, rel := range slices.Sorted(maps.Keys(p.Changes)) {
		dst := filepath.Join(p.Dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			cleanup()
			return err
		}
		f, err := os.CreateTemp(filepath.Dir(dst), ".tsdraft-*.tmp")
		if err != nil {
			cleanup()
			return err
		}
		done = append(done, staged{f.Name(), dst})
		_, werr := f.Write(p.Changes[rel])
		serr := f.Sync()
		cerr := f.Close()
		if err := errors.Join(werr, serr, cerr); err != nil {
			cleanup()
			return fmt.Errorf("writing %s: %w", dst, err)
		}
		mode := os.FileMode(0o644)
		if st, err := os.Stat(dst); err == nil {
			mode = st.Mode().Perm()
		}
		if err := os.Chmod(f.Name(), mode); err != nil {
			cleanup()
			return err
		}
	}
	for i, s := range done {
		if err := os.Rename(s.tmp, s.dst); err != nil {
			for _, rest := range done[i:] {
				os.Remove(rest.tmp)
			}
			return fmt.Errorf("writing %s: %w", s.dst, err)
		}
	}
	return nil
}
