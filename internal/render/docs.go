package render

// Document describes one document of the shipped set.
type Document struct {
	ID, Name, Description string
}

// Documents is the shipped set, in the order they are built.
var Documents = []Document{
	{"nda-employee", "入社時秘密保持誓約書 / confidentiality pledge at hiring", "pledge an employee signs on hiring: duties during and after employment, levels, return, carve-outs"},
	{"nda-partner", "秘密保持契約書 / NDA with a business partner", "NDA with a customer, supplier, agent, contractor or joint-venture partner, one-way or mutual"},
	{"labour-clause", "労働契約の秘密保持条項 / labour-contract clauses", "confidentiality (and, when enabled, non-compete) articles to insert in a labour contract"},
	{"noncompete", "競業避止契約書 / non-compete agreement", "stand-alone post-employment non-compete: scope, territory, period, compensation, release, breach"},
	{"exit-pledge", "退職時誓約書 / exit pledge", "pledge on leaving: materials returned, information accessed, continuing duties, non-compete status"},
	{"regulations", "営業秘密管理規程 / trade-secret management regulations", "internal regulations: levels, designation, marking, access, storage, transmission, disposal, incidents, discipline"},
	{"classification-guide", "機密区分ガイド / classification-label guide", "each level's label per language, criteria, marking and handling rules"},
	{"secret-register", "秘密情報管理台帳 / register of confidential information", "one row per confidential item: level, owner, location, access, designation and review dates"},
}

// IsDocument tells whether id is a shipped document.
func IsDocument(id string) bool {
	for _, d := range Documents {
		if d.ID == id {
			return true
		}
	}
	return false
}
