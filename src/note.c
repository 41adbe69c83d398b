/*
 * The notes of an open article: resolving it in the store, anchoring its
 * notes, the marks on passages and their counterparts, and the edits.
 *
 * Anchoring on open writes back what it learnt, in one transaction: the
 * orphan flag, and the selectors of a note found at its position (fresh
 * context) or found exactly elsewhere (new position). An approximate match
 * never overwrites the quote the note was made on; it is found again each
 * time the version is opened.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "align.h"
#include "note.h"
#include "store.h"

/* The notes' codes are the store's. */
_Static_assert((int)NOTES_ERROR == (int)STORE_ERROR &&
    (int)NOTES_READONLY == (int)STORE_READONLY &&
    (int)NOTES_FULL == (int)STORE_FULL &&
    (int)NOTES_CORRUPT == (int)STORE_CORRUPT &&
    (int)NOTES_BUSY == (int)STORE_BUSY &&
    (int)NOTES_NEWER == (int)STORE_NEWER &&
    (int)NOTES_NOTFOUND == (int)STORE_NOTFOUND,
    "the NOTES_* codes are the STORE_* codes");
_Static_assert(ARTICLE_MAXVERS <= STORE_MAXVERS,
    "the store resolves every version of an article");

static int	notes_open_texts(struct notes **, struct store *,
		    const struct article *, struct note_text **, int, char **);

const char *
notes_strerror(int code)
{
	return (store_strerror(code));
}

void
note_release(struct note *n)
{
	store_note_release(&n->rec);
	memset(n, 0, sizeof *n);
}

int
note_list_stored(struct store *st, int64_t article, struct note **out,
    size_t *nout, char **cause)
{
	struct store_note	*rec;
	size_t			 n, i;
	int			 r;

	*out = NULL;
	*nout = 0;
	if ((r = store_notes_list(st, article, &rec, &n, cause)) != 0)
		return (r);
	if (n == 0)
		return (0);
	*out = xcalloc(n, sizeof **out);
	for (i = 0; i < n; i++) {
		(*out)[i].rec = rec[i];
		(*out)[i].state = NOTE_UNOPENED;
		(*out)[i].vers = DOC_NOPOS;
	}
	free(rec);		/* the strings are the notes' now */
	*nout = n;
	return (0);
}

void
note_free_array(struct note *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		note_release(&v[i]);
	free(v);
}

const char *
note_state_name(enum note_state s)
{
	switch (s) {
	case NOTE_AT_POSITION:
		return ("anchored");
	case NOTE_EXACT:
		return ("moved");
	case NOTE_FUZZY:
		return ("fuzzy");
	case NOTE_ORPHAN:
		return ("orphan");
	default:
		return ("unopened");
	}
}

char *
note_range_text(const struct doc *d, struct doc_pos a, struct doc_pos b)
{
	struct strbuf	sb = STRBUF_INIT;
	size_t		blk, s, e;

	for (blk = a.block; blk <= b.block && blk < d->nblocks; blk++) {
		s = blk == a.block ? a.off : 0;
		e = blk == b.block ? b.off : d->blocks[blk].len;
		e = PR_MIN(e, d->blocks[blk].len);
		s = PR_MIN(s, e);
		if (blk != a.block)
			strbuf_add(&sb, "\n\n", 2);
		strbuf_add(&sb, d->blocks[blk].text + s, e - s);
	}
	return (strbuf_detach(&sb, NULL));
}

char *
note_source_uri(const char *source)
{
	char	 buf[PATH_MAX], *abs, *uri;
	xmlChar	*esc;

	if (strstr(source, "://") != NULL)
		return (xstrdup(source));
	if (realpath(source, buf) != NULL)
		abs = xstrdup(buf);
	else if (*source == '/')
		abs = xstrdup(source);
	else if (getcwd(buf, sizeof buf) != NULL)
		abs = xstrprintf("%s/%s", buf, source);
	else
		abs = xstrdup(source);
	esc = xmlURIEscapeStr((const xmlChar *)abs, (const xmlChar *)"/");
	if (esc == NULL)
		fatalx("cannot escape a path");
	uri = xstrprintf("file://%s", (const char *)esc);
	xmlFree(esc);
	free(abs);
	return (uri);
}

/* ---- The notes of an article ---- */

/* Sorting group: anchored, orphans, then versions not open. */
static int
note_group(const struct note *n)
{
	switch (n->state) {
	case NOTE_AT_POSITION:
	case NOTE_EXACT:
	case NOTE_FUZZY:
		return (0);
	case NOTE_ORPHAN:
		return (1);
	default:
		return (2);
	}
}

/* Order notes: anchored by version and place, then the rest by age. */
static int
note_cmp(const void *va, const void *vb)
{
	const struct note	*a = va, *b = vb;
	int			 ga = note_group(a), gb = note_group(b), c;

	if (ga != gb)
		return (ga < gb ? -1 : 1);
	if (ga == 0) {
		if (a->vers != b->vers)
			return (a->vers < b->vers ? -1 : 1);
		if ((c = doc_pos_cmp(a->start, b->start)) != 0)
			return (c);
	}
	if ((c = strcmp(a->rec.created != NULL ? a->rec.created : "",
	    b->rec.created != NULL ? b->rec.created : "")) != 0)
		return (c);
	return (a->rec.id < b->rec.id ? -1 : a->rec.id > b->rec.id);
}

/* Order marks by version, then start. */
static int
mark_cmp(const void *va, const void *vb)
{
	const struct note_mark	*a = va, *b = vb;
	int			 c;

	if (a->vers != b->vers)
		return (a->vers < b->vers ? -1 : 1);
	if ((c = doc_pos_cmp(a->start, b->start)) != 0)
		return (c);
	if (a->counterpart != b->counterpart)
		return (a->counterpart - b->counterpart);
	return (a->note < b->note ? -1 : a->note > b->note);
}

/* True if two selectors differ. */
static int
selector_differs(const struct note_selector *a, const struct note_selector *b)
{
	return (a->start != b->start || a->end != b->end ||
	    strcmp(a->exact, b->exact) != 0 ||
	    strcmp(a->prefix, b->prefix) != 0 ||
	    strcmp(a->suffix, b->suffix) != 0);
}

/*
 * Anchor note n in the open article; 1 if its stored data changed. An
 * orphan of the orphan cache is not searched for again (nor, with a
 * budget, one whose search was cut before); what the search learnt for
 * the cache is put in *o (*put set).
 */
static int
notes_anchor_one(struct notes *ns, struct note *n,
    const struct timespec *deadline, struct store_orphan *o, int *put)
{
	struct note_match	 m;
	struct note_selector	 sel;
	char			*cause = NULL;
	const char		*hash;
	size_t			 v;
	int			 changed = 0, known;

	*put = 0;
	n->vers = DOC_NOPOS;
	n->state = NOTE_UNOPENED;
	for (v = 0; v < ns->article->n; v++) {
		if (ns->version_id[v] == n->rec.version) {
			n->vers = v;
			break;
		}
	}
	if (n->vers == DOC_NOPOS)
		return (0);
	hash = note_text_hash(ns->text[v]);
	known = n->rec.orphan ? store_orphan_get(ns->store, n->rec.id, hash,
	    &cause) : 0;
	if (known < 0) {
		free(cause);	/* no cache: search */
		cause = NULL;
		known = 0;
	}
	if (known == STORE_ORPHAN_COMPLETE || (known == STORE_ORPHAN_CUT &&
	    deadline != NULL)) {
		memset(&m, 0, sizeof m);
		m.state = NOTE_ORPHAN;
		m.cut = known == STORE_ORPHAN_CUT;
	} else {
		note_anchor_until(ns->text[v], &n->rec.sel, deadline, &m);
		o->note = n->rec.id;
		o->hash = m.state == NOTE_ORPHAN ? hash : NULL;
		o->complete = !m.cut;
		*put = m.state == NOTE_ORPHAN || known != 0;
	}
	n->state = m.state;
	n->score = m.score;
	if (m.state == NOTE_ORPHAN) {
		ns->ncut += m.cut != 0;
		changed = !n->rec.orphan;
		n->rec.orphan = 1;
		return (changed);
	}
	n->start = note_text_pos(ns->text[v], m.start);
	n->end = note_text_pos(ns->text[v], m.end);
	changed = n->rec.orphan;
	n->rec.orphan = 0;
	if (m.state == NOTE_FUZZY)
		return (changed);
	if (note_selector_make(ns->text[v], n->start, n->end, &sel,
	    &cause) != 0) {
		free(cause);
		return (changed);
	}
	if (selector_differs(&sel, &n->rec.sel)) {
		store_selector_release(&n->rec.sel);
		n->rec.sel = sel;
		return (1);
	}
	store_selector_release(&sel);
	return (changed);
}

int
notes_open(struct notes **np, struct store *st, const struct article *a,
    char **cause)
{
	return (notes_open_budget(np, st, a, NOTES_BUDGET_MS, cause));
}

struct notes_prep {
	const struct article	*a;
	struct note_text	*text[ARTICLE_MAXVERS];
	pthread_t		 thread;
	int			 threaded;	/* thread to join */
};

/* Make the texts of prep (on its thread). */
static void *
prep_main(void *arg)
{
	struct notes_prep	*p = arg;
	size_t			 i;

	for (i = 0; i < p->a->n; i++)
		p->text[i] = note_text_create(p->a->docs[i]);
	return (NULL);
}

struct notes_prep *
notes_prepare(const struct article *a)
{
	struct notes_prep	*p = xcalloc(1, sizeof *p);

	p->a = a;
	if (pthread_create(&p->thread, NULL, prep_main, p) == 0)
		p->threaded = 1;
	else
		prep_main(p);
	return (p);
}

/* Wait for the texts of prep. */
static void
prep_wait(struct notes_prep *p)
{
	if (p->threaded) {
		pthread_join(p->thread, NULL);
		p->threaded = 0;
	}
}

void
notes_prep_free(struct notes_prep *p)
{
	size_t	i;

	if (p == NULL)
		return;
	prep_wait(p);
	for (i = 0; i < ARTICLE_MAXVERS; i++)
		note_text_free(p->text[i]);
	free(p);
}

int
notes_open_prepared(struct notes **np, struct store *st,
    struct notes_prep *p, char **cause)
{
	int	r;

	prep_wait(p);
	r = notes_open_texts(np, st, p->a, p->text, NOTES_BUDGET_MS, cause);
	memset(p->text, 0, sizeof p->text);	/* the notes' now */
	notes_prep_free(p);
	return (r);
}

int
notes_open_budget(struct notes **np, struct store *st,
    const struct article *a, int budget_ms, char **cause)
{
	struct note_text	*text[ARTICLE_MAXVERS];
	size_t			 i;

	memset(text, 0, sizeof text);
	for (i = 0; i < a->n; i++)
		text[i] = note_text_create(a->docs[i]);
	return (notes_open_texts(np, st, a, text, budget_ms, cause));
}

/*
 * notes_open_budget() on the texts of a's versions made already (it takes
 * them, and frees them on failure).
 */
static int
notes_open_texts(struct notes **np, struct store *st,
    const struct article *a, struct note_text **text, int budget_ms,
    char **cause)
{
	struct notes		*ns;
	struct store_version	 sv[ARTICLE_MAXVERS];
	char			*src[ARTICLE_MAXVERS], *w;
	struct store_note	**changed;
	struct store_orphan	*orph;
	struct timespec		 deadline, *dl = NULL;
	size_t			 i, nchanged = 0, norph = 0;
	int			 r, put;

	*np = NULL;
	ns = xcalloc(1, sizeof *ns);
	ns->store = st;
	ns->article = a;
	for (i = 0; i < a->n; i++) {
		ns->text[i] = text[i];
		src[i] = note_source_uri(a->docs[i]->source);
		sv[i].source = src[i];
		sv[i].hash = note_text_hash(ns->text[i]);
		sv[i].lang = a->docs[i]->lang;
		sv[i].title = a->docs[i]->title;
	}
	r = store_article_resolve(st, sv, a->n, &ns->article_id,
	    ns->version_id, cause);
	for (i = 0; i < a->n; i++)
		free(src[i]);
	if (r != 0 || (r = note_list_stored(st, ns->article_id, &ns->v,
	    &ns->n, cause)) != 0) {
		notes_free(ns);
		return (r);
	}
	ns->alloc = ns->n;
	if (budget_ms > 0 && clock_gettime(CLOCK_MONOTONIC, &deadline) == 0) {
		deadline.tv_sec += budget_ms / 1000;
		deadline.tv_nsec += (long)(budget_ms % 1000) * 1000000L;
		if (deadline.tv_nsec >= 1000000000L) {
			deadline.tv_sec++;
			deadline.tv_nsec -= 1000000000L;
		}
		dl = &deadline;
	}
	changed = xcalloc(ns->n + 1, sizeof *changed);
	orph = xcalloc(ns->n + 1, sizeof *orph);
	for (i = 0; i < ns->n; i++) {
		if (notes_anchor_one(ns, &ns->v[i], dl, &orph[norph], &put))
			changed[nchanged++] = &ns->v[i].rec;
		norph += put != 0;
	}
	/* On failure they are still anchored; the next open redoes it. */
	if (nchanged > 0)
		(void)store_notes_reanchor(st, changed, nchanged, &ns->warning);
	/* The cache after: a changed selector forgets its entry. */
	if (norph > 0) {
		w = NULL;
		(void)store_orphans_put(st, orph, norph, &w);
		free(w);	/* a read-only or full store: search again */
	}
	free(orph);
	free(changed);
	if (ns->ncut > 0 && ns->warning == NULL) {
		ns->warning = xstrprintf("%zu note%s not searched in full "
		    "(over the %d ms limit): listed as orphans; 'polyread notes "
		    "list FILE...' searches for %s", ns->ncut, ns->ncut == 1 ?
		    "" : "s", NOTES_BUDGET_MS, ns->ncut == 1 ? "it" : "them");
	}
	if (ns->n > 1)
		qsort(ns->v, ns->n, sizeof *ns->v, note_cmp);
	notes_map(ns, NULL);
	*np = ns;
	return (0);
}

void
notes_free(struct notes *ns)
{
	size_t	i;

	if (ns == NULL)
		return;
	for (i = 0; i < ARTICLE_MAXVERS; i++)
		note_text_free(ns->text[i]);
	note_free_array(ns->v, ns->n);
	free(ns->marks);
	free(ns->warning);
	free(ns);
}

/* Append a mark. */
static void
mark_add(struct notes *ns, size_t note, size_t vers, struct doc_pos s,
    struct doc_pos e, int counterpart)
{
	struct note_mark	*mk;

	XGROW(ns->marks, ns->amarks, ns->nmarks + 1);
	mk = &ns->marks[ns->nmarks++];
	mk->note = note;
	mk->vers = vers;
	mk->start = s;
	mk->end = e;
	mk->counterpart = counterpart;
}

void
notes_map(struct notes *ns, const struct alignment *al)
{
	const struct article	*a = ns->article;
	struct doc_pos		 os, oe;
	size_t			 i, w;
	int			 same = al != NULL && al->nvers == a->n;

	for (w = 0; same && w < a->n; w++)
		same = al->docs[w] == a->docs[w];
	ns->al = same ? al : NULL;
	ns->nmarks = 0;
	for (i = 0; i < ns->n; i++) {
		const struct note	*n = &ns->v[i];

		if (note_group(n) != 0)
			continue;
		mark_add(ns, i, n->vers, n->start, n->end, 0);
		for (w = 0; ns->al != NULL && w < a->n; w++) {
			if (w == n->vers)
				continue;
			if (align_map(ns->al, n->vers, n->start, n->end, w,
			    &os, &oe) == 0)
				mark_add(ns, i, w, os, oe, 1);
		}
	}
	if (ns->nmarks > 1)
		qsort(ns->marks, ns->nmarks, sizeof *ns->marks, mark_cmp);
}

const struct note_mark *
notes_mark_at(const struct notes *ns, size_t vers, struct doc_pos pos)
{
	size_t	lo = 0, hi = ns->nmarks, mid, i;

	/* The first mark of vers. */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (ns->marks[mid].vers < vers)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < ns->nmarks && ns->marks[i].vers == vers; i++) {
		if (doc_pos_cmp(pos, ns->marks[i].start) < 0)
			break;
		if (doc_pos_cmp(pos, ns->marks[i].end) < 0)
			return (&ns->marks[i]);
	}
	return (NULL);
}

int
notes_block_marked(const struct notes *ns, size_t vers, size_t blk)
{
	const struct note_mark	*mk;
	size_t			 i;

	for (i = 0; i < ns->nmarks; i++) {
		mk = &ns->marks[i];
		if (mk->vers != vers || mk->start.block > blk)
			continue;
		if (mk->end.block > blk || (mk->end.block == blk &&
		    (mk->end.off > 0 || mk->start.block == blk)))
			return (1);
	}
	return (0);
}

size_t
notes_find_id(const struct notes *ns, int64_t id)
{
	size_t	i;

	for (i = 0; i < ns->n; i++) {
		if (ns->v[i].rec.id == id)
			return (i);
	}
	return (DOC_NOPOS);
}

/* Sort the notes again and redo the marks; the index of note id. */
static size_t
notes_resort(struct notes *ns, int64_t id)
{
	if (ns->n > 1)
		qsort(ns->v, ns->n, sizeof *ns->v, note_cmp);
	notes_map(ns, ns->al);
	return (notes_find_id(ns, id));
}

int
notes_add(struct notes *ns, size_t vers, struct doc_pos start,
    struct doc_pos end, const char *text, const char *lang, char **tags,
    size_t ntags, char **cause)
{
	struct note		 n;
	const struct doc	*d;
	char			*src;
	size_t			 i;
	int			 r;

	if (vers >= ns->article->n) {
		*cause = xstrprintf("no version %zu", vers);
		return (NOTES_ERROR);
	}
	d = ns->article->docs[vers];
	memset(&n, 0, sizeof n);
	if (note_selector_make(ns->text[vers], start, end, &n.rec.sel,
	    cause) != 0)
		return (NOTES_ERROR);
	n.rec.version = ns->version_id[vers];
	n.rec.text = xstrdup(text != NULL ? text : "");
	if (lang != NULL && *lang != '\0')
		n.rec.lang = xstrdup(lang);
	else if (d->lang != NULL)
		n.rec.lang = xstrdup(d->lang);
	n.rec.tags = store_tags_copy(tags, ntags);
	n.rec.ntags = ntags;
	if ((r = store_note_add(ns->store, &n.rec, cause)) != 0) {
		note_release(&n);
		return (r);
	}
	src = note_source_uri(d->source);
	n.rec.source = src;
	n.rec.vlang = d->lang != NULL ? xstrdup(d->lang) : NULL;
	n.state = NOTE_AT_POSITION;
	n.score = 1.0;
	n.vers = vers;
	n.start = note_text_pos(ns->text[vers], n.rec.sel.start);
	n.end = note_text_pos(ns->text[vers], n.rec.sel.end);
	XGROW(ns->v, ns->alloc, ns->n + 1);
	ns->v[ns->n++] = n;
	i = notes_resort(ns, n.rec.id);
	return ((int)PR_MIN(i, INT_MAX));
}

int
notes_edit(struct notes *ns, size_t i, const char *text, const char *lang,
    char **tags, size_t ntags, char **cause)
{
	struct note	*n, tmp;
	int		 r;

	if (i >= ns->n) {
		*cause = xstrprintf("no note %zu", i);
		return (NOTES_NOTFOUND);
	}
	n = &ns->v[i];
	tmp = *n;
	tmp.rec.text = xstrdup(text != NULL ? text : "");
	tmp.rec.lang = lang != NULL ? (*lang != '\0' ? xstrdup(lang) : NULL) :
	    (n->rec.lang != NULL ? xstrdup(n->rec.lang) : NULL);
	tmp.rec.tags = tags != NULL ? store_tags_copy(tags, ntags) :
	    store_tags_copy(n->rec.tags, n->rec.ntags);
	tmp.rec.ntags = tags != NULL ? ntags : n->rec.ntags;
	tmp.rec.modified = xstrdup(n->rec.modified != NULL ? n->rec.modified : "");
	if ((r = store_note_update(ns->store, &tmp.rec, cause)) != 0) {
		free(tmp.rec.text);
		free(tmp.rec.lang);
		store_tags_free(tmp.rec.tags, tmp.rec.ntags);
		free(tmp.rec.modified);
		return (r);
	}
	free(n->rec.text);
	free(n->rec.lang);
	store_tags_free(n->rec.tags, n->rec.ntags);
	free(n->rec.modified);
	n->rec.text = tmp.rec.text;
	n->rec.lang = tmp.rec.lang;
	n->rec.tags = tmp.rec.tags;
	n->rec.ntags = tmp.rec.ntags;
	n->rec.modified = tmp.rec.modified;
	return (0);
}

int
notes_delete(struct notes *ns, size_t i, char **cause)
{
	int	r;

	if (i >= ns->n) {
		*cause = xstrprintf("no note %zu", i);
		return (NOTES_NOTFOUND);
	}
	r = store_note_delete(ns->store, ns->v[i].rec.id, cause);
	if (r == NOTES_NOTFOUND) {
		/* Deleted by another polyread: gone all the same. */
		free(*cause);
		*cause = NULL;
		r = 0;
	}
	if (r != 0)
		return (r);
	note_release(&ns->v[i]);
	memmove(&ns->v[i], &ns->v[i + 1], (ns->n - i - 1) * sizeof *ns->v);
	ns->n--;
	notes_map(ns, ns->al);
	return (0);
}

int
notes_mark_read(struct notes *ns, char **cause)
{
	const struct article	*a = ns->article;
	const char		*title = NULL, *site = NULL;
	size_t			 i;

	for (i = 0; i < a->n; i++) {
		if (title == NULL && a->docs[i]->title != NULL &&
		    *a->docs[i]->title != '\0')
			title = a->docs[i]->title;
		if (site == NULL && a->docs[i]->site != NULL &&
		    *a->docs[i]->site != '\0')
			site = a->docs[i]->site;
	}
	return (store_article_read(ns->store, ns->article_id, title, site,
	    cause));
}

int
notes_get_position(const struct notes *ns, size_t *vers, struct doc_pos *pos)
{
	const struct doc	*d;
	int64_t			 version;
	size_t			 block, off, v;
	char			*cause = NULL;

	if (store_position_get(ns->store, ns->article_id, &version, &block,
	    &off, &cause) != 0) {
		free(cause);
		return (-1);
	}
	for (v = 0; v < ns->article->n; v++) {
		if (ns->version_id[v] != version)
			continue;
		d = ns->article->docs[v];
		if (d->nblocks == 0)
			return (-1);
		*vers = v;
		pos->block = PR_MIN(block, d->nblocks - 1);
		pos->off = PR_MIN(off, d->blocks[pos->block].len);
		return (0);
	}
	return (-1);
}

int
notes_save_position(struct notes *ns, size_t vers, struct doc_pos pos,
    char **cause)
{
	if (vers >= ns->article->n) {
		*cause = xstrprintf("no version %zu", vers);
		return (NOTES_ERROR);
	}
	return (store_position_set(ns->store, ns->article_id,
	    ns->version_id[vers], pos.block, pos.off, cause));
}
