/*
 * Anchoring notes: the text of a version as one string, the W3C selectors
 * of a passage, and finding a passage again.
 *
 * A version's text is its blocks joined by "\n\n", kept as UTF-8 with a
 * checkpoint every ANCHOR_CKPT code points, so that code point offsets
 * (what the selectors count) and byte offsets convert in bounded time
 * without a 4-byte-per-character copy.
 *
 * Finding a quote follows the Hypothesis client (match-quote.ts): the
 * stored position if the quote is still there; else every exact
 * occurrence, or, failing that, the approximate matches with at most
 * min(ANCHOR_MAXERR, length / 2) edits (Hypothesis caps them at 256 for
 * speed; 1024 here, so that a long passage with a sentence changed still
 * anchors), each scored as
 *
 *	(50 quote + 20 prefix + 20 suffix + 2 position) / 92
 *
 * where quote is 1 - edits / length, prefix and suffix the similarity of
 * the text around the match to the stored context (1 - edits of the
 * context's best match in the text there / its length; 1 when none was
 * stored), and position 1 - distance to the old start / text length. The
 * best wins; an approximate one must reach NOTE_MIN_SCORE, else the note
 * is an orphan.
 *
 * The approximate search is Myers' bit-parallel edit distance (1999) in
 * 64-row blocks over code points, with Ukkonen's cut-off: only the blocks
 * that can hold a value within the error bound are computed, so a search
 * costs about n * (k / 64 + 1) word operations. Each candidate end is a
 * local minimum of the distance; its start comes from the same algorithm
 * run backwards (the reversed pattern against the text before the end,
 * anchored there).
 *
 * An approximate match may start or end inside a word ("the mood was
 * rather di" for a quote that ended "rather dire"): when the quote began
 * (ended) on a word boundary, the match is taken out to the boundary of
 * the word it cuts, by ICU's word break iterator, or back to the word's
 * other side when the word is too long to be one (a URL).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/utf8.h>

#include "note.h"
#include "text.h"

#define ANCHOR_CKPT	256	/* code points between checkpoints */
#define ANCHOR_MAXHITS	256	/* approximate candidates scored */
#define ANCHOR_MAXEXACT	1024	/* exact occurrences scored */
#define ANCHOR_MAXERR	1024	/* edits of an approximate match */
#define ANCHOR_MAXCTX	(4 * NOTE_CONTEXT) /* prefix, suffix used */
#define ANCHOR_MAXWORD	32	/* code points a match grows by to end a
				   word */

#define W_QUOTE		50.0
#define W_PREFIX	20.0
#define W_SUFFIX	20.0
#define W_POS		2.0

struct note_text {
	/*
	 * The blocks joined by "\n\n", built on first use (text_str()) by
	 * a search: an article opened without notes, or with its notes
	 * still at their place, never needs it (text_piece() reads those
	 * from the blocks), and on a book it is a second copy of every
	 * version. Offsets, checkpoints and the hash are counted over the
	 * blocks without it.
	 */
	char			*s;
	const struct doc	*d;
	size_t	 len;
	size_t	 ncp;		/* its length in code points */
	size_t	*bstart;	/* byte offset of each block */
	size_t	*blen;
	size_t	 nblocks;
	size_t	*ckpt;		/* offset of code point i * CKPT */
	size_t	 nckpt;
	char	 hash[32];
};

/* ---- The text ---- */

/* The joined text, built once; the text is only used on one thread. */
static const char *
text_str(const struct note_text *ct)
{
	struct note_text	*t = (struct note_text *)ct;
	size_t			 i;

	if (t->s != NULL)
		return (t->s);
	t->s = xmalloc(t->len + 1);
	for (i = 0; i < t->nblocks; i++) {
		if (i > 0)
			memcpy(t->s + t->bstart[i] - 2, "\n\n", 2);
		memcpy(t->s + t->bstart[i], t->d->blocks[i].text, t->blen[i]);
	}
	t->s[t->len] = '\0';
	return (t->s);
}

/* Count the code points of s[0, n) into t: checkpoints and the hash. */
static void
text_walk(struct note_text *t, const char *s, size_t n, size_t *cp,
    size_t *alloc, uint64_t *h)
{
	int32_t	off = 0, end = (int32_t)PR_MIN(n, INT32_MAX);
	size_t	i;

	for (i = 0; i < n; i++) {
		*h ^= (unsigned char)s[i];
		*h *= 0x100000001b3ULL;
	}
	while (off < end) {
		if (*cp % ANCHOR_CKPT == 0) {
			XGROW(t->ckpt, *alloc, t->nckpt + 1);
			t->ckpt[t->nckpt++] = t->len + (size_t)off;
		}
		U8_FWD_1(s, off, end);
		(*cp)++;
	}
	t->len += n;
}

struct note_text *
note_text_create(const struct doc *d)
{
	struct note_text	*t = xcalloc(1, sizeof *t);
	uint64_t		 h = 0xcbf29ce484222325ULL;	/* FNV-1a */
	size_t			 i, cp = 0, alloc = 0;

	t->d = d;
	t->nblocks = d->nblocks;
	t->bstart = xcalloc(d->nblocks + 1, sizeof *t->bstart);
	t->blen = xcalloc(d->nblocks + 1, sizeof *t->blen);
	for (i = 0; i < d->nblocks; i++) {
		if (i > 0)
			text_walk(t, "\n\n", 2, &cp, &alloc, &h);
		t->bstart[i] = t->len;
		t->blen[i] = d->blocks[i].len;
		text_walk(t, d->blocks[i].text, d->blocks[i].len, &cp, &alloc,
		    &h);
	}
	if (cp % ANCHOR_CKPT == 0) {
		XGROW(t->ckpt, alloc, t->nckpt + 1);
		t->ckpt[t->nckpt++] = t->len;
	}
	snprintf(t->hash, sizeof t->hash, "fnv1a64:%016llx",
	    (unsigned long long)h);
	t->ncp = cp;
	return (t);
}

void
note_text_free(struct note_text *t)
{
	if (t == NULL)
		return;
	free(t->s);
	free(t->bstart);
	free(t->blen);
	free(t->ckpt);
	free(t);
}

const char *
note_text_hash(const struct note_text *t)
{
	return (t->hash);
}

size_t
note_text_length(const struct note_text *t)
{
	return (t->ncp);
}

/* The last i < n with a[i] <= key (a sorted, a[0] <= key; 0 if n is 0). */
static size_t
last_at_most(const size_t *a, size_t n, size_t key)
{
	size_t	lo = 0, hi = n, mid;

	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (a[mid] <= key)
			lo = mid;
		else
			hi = mid;
	}
	return (lo);
}

/*
 * The joined text from byte b on, as far as it lies in one piece: in the
 * string when it is built, else to the end of the block or the separator
 * that holds b (*n bytes). A code point never straddles two pieces, so a
 * passage is read without building the string (the notes anchored at
 * their place, on every opening, need no more).
 */
static const char *
text_piece(const struct note_text *t, size_t b, int32_t *n)
{
	size_t	lo, in;

	if (t->s != NULL) {
		*n = (int32_t)PR_MIN(t->len - b, INT32_MAX);
		return (t->s + b);
	}
	lo = last_at_most(t->bstart, t->nblocks, b);
	in = b - t->bstart[lo];
	if (in < t->blen[lo]) {
		*n = (int32_t)(t->blen[lo] - in);
		return (t->d->blocks[lo].text + in);
	}
	in -= t->blen[lo];		/* in the "\n\n" after it */
	*n = (int32_t)(2 - in);
	return ("\n\n" + in);
}

/* The byte offset k code points on from byte b (a boundary). */
static size_t
text_forward(const struct note_text *t, size_t b, size_t k)
{
	const char	*p;
	int32_t		 i, n;

	while (k > 0 && b < t->len) {
		p = text_piece(t, b, &n);
		for (i = 0; k > 0 && i < n; k--)
			U8_FWD_1(p, i, n);
		b += (size_t)i;
	}
	return (b);
}

/* Bytes [from, to) of the joined text (you own the result). */
static char *
text_copy(const struct note_text *t, size_t from, size_t to)
{
	const char	*p;
	char		*r = xmalloc(to - from + 1);
	size_t		 k, done = 0;
	int32_t		 n;

	while (from + done < to) {
		p = text_piece(t, from + done, &n);
		k = PR_MIN((size_t)n, to - from - done);
		memcpy(r + done, p, k);
		done += k;
	}
	r[done] = '\0';
	return (r);
}

/* True if the joined text holds s (len bytes) at byte b. */
static int
text_holds(const struct note_text *t, size_t b, const char *s, size_t len)
{
	const char	*p;
	size_t		 k, done = 0;
	int32_t		 n;

	if (b > t->len || t->len - b < len)
		return (0);
	while (done < len) {
		p = text_piece(t, b + done, &n);
		k = PR_MIN((size_t)n, len - done);
		if (memcmp(p, s + done, k) != 0)
			return (0);
		done += k;
	}
	return (1);
}

/* The byte offset of code point cp. */
static size_t
text_byte(const struct note_text *t, size_t cp)
{
	if (cp >= t->ncp)
		return (t->len);
	return (text_forward(t, t->ckpt[cp / ANCHOR_CKPT], cp % ANCHOR_CKPT));
}

/* The code point offset of byte b (a boundary). */
static size_t
text_cp(const struct note_text *t, size_t b)
{
	const char	*p;
	size_t		 lo, cp, off;
	int32_t		 i, n;

	if (b >= t->len)
		return (t->ncp);
	lo = last_at_most(t->ckpt, t->nckpt, b);
	cp = lo * ANCHOR_CKPT;
	off = t->ckpt[lo];
	while (off < b) {
		p = text_piece(t, off, &n);
		for (i = 0; i < n && off + (size_t)i < b; cp++)
			U8_FWD_1(p, i, n);
		off += (size_t)i;
	}
	return (cp);
}

size_t
note_text_offset(const struct note_text *t, struct doc_pos p)
{
	size_t	b;

	if (p.block >= t->nblocks)
		return (t->ncp);
	b = t->bstart[p.block] + PR_MIN(p.off, t->blen[p.block]);
	return (text_cp(t, b));
}

struct doc_pos
note_text_pos(const struct note_text *t, size_t cp)
{
	struct doc_pos	p;
	size_t		b = text_byte(t, cp), lo;

	if (t->nblocks == 0) {
		p.block = 0;
		p.off = 0;
		return (p);
	}
	lo = last_at_most(t->bstart, t->nblocks, b);
	p.block = lo;
	p.off = PR_MIN(b - t->bstart[lo], t->blen[lo]);
	return (p);
}

/* Decode [from, to) of s into code points (you own *out). */
static size_t
decode(const char *s, size_t from, size_t to, int32_t **out)
{
	int32_t	i = (int32_t)from, n = (int32_t)to;
	UChar32	c;
	size_t	k = 0;

	*out = xreallocarray(NULL, to - from + 1, sizeof **out);
	while (i < n) {
		U8_NEXT(s, i, n, c);
		(*out)[k++] = c < 0 ? 0xfffd : c;
	}
	return (k);
}

/* Decode a whole string. */
static size_t
decode_str(const char *s, int32_t **out)
{
	return (decode(s, 0, strlen(s), out));
}

int
note_selector_make(const struct note_text *t, struct doc_pos start,
    struct doc_pos end, struct note_selector *sel, char **cause)
{
	size_t		 cs, ce, bs, be, ps, se;

	memset(sel, 0, sizeof *sel);
	cs = note_text_offset(t, start);
	ce = note_text_offset(t, end);
	if (ce <= cs) {
		*cause = xstrdup("the passage is empty");
		return (-1);
	}
	if (ce - cs > NOTE_MAX_QUOTE) {
		*cause = xstrprintf("the passage is too long for a note (%zu "
		    "characters, at most %d)", ce - cs, NOTE_MAX_QUOTE);
		return (-1);
	}
	bs = text_byte(t, cs);
	be = text_byte(t, ce);
	ps = text_byte(t, cs > NOTE_CONTEXT ? cs - NOTE_CONTEXT : 0);
	se = text_byte(t, ce + NOTE_CONTEXT);
	sel->exact = text_copy(t, bs, be);
	sel->prefix = text_copy(t, ps, bs);
	sel->suffix = text_copy(t, be, se);
	sel->start = cs;
	sel->end = ce;
	return (0);
}

/* ---- Myers' bit-parallel approximate matching ---- */

#define MY_W	64

struct myers {
	size_t		 m;		/* pattern length */
	size_t		 nb;		/* blocks */
	uint64_t	 lastbit;	/* last row's bit in the last block */
	uint64_t	*peq;		/* (nsym + 1) * nb; row 0: none */
	int32_t		*sym;		/* symbols, by index - 1 */
	size_t		 nsym;
	uint32_t	 ascii[128];	/* symbol index for ASCII, 0 none */
	uint32_t	*slot;		/* hash: symbol index, 0 empty */
	size_t		 cap;
};

/* The home slot of symbol c in a table of cap (a power of two) slots. */
static size_t
my_hash(int32_t c, size_t cap)
{
	return (((uint32_t)c * 2654435761U) & (cap - 1));
}

/* The symbol index of c (0: not in the pattern). */
static uint32_t
my_lookup(const struct myers *my, int32_t c)
{
	size_t	h;

	if (c >= 0 && c < 128)
		return (my->ascii[c]);
	for (h = my_hash(c, my->cap); my->slot[h] != 0;
	    h = (h + 1) & (my->cap - 1)) {
		if (my->sym[my->slot[h] - 1] == c)
			return (my->slot[h]);
	}
	return (0);
}

/* Prepare pattern p of m > 0 code points (reversed when rev). */
static void
my_init(struct myers *my, const int32_t *p, size_t m, int rev)
{
	size_t		i, h, r;
	uint32_t	idx;
	int32_t		c;

	memset(my, 0, sizeof *my);
	my->m = m;
	my->nb = (m + MY_W - 1) / MY_W;
	my->lastbit = (uint64_t)1 << ((m - 1) % MY_W);
	for (my->cap = 16; my->cap < 2 * m; my->cap *= 2)
		;
	my->slot = xcalloc(my->cap, sizeof *my->slot);
	my->sym = xreallocarray(NULL, m, sizeof *my->sym);
	my->peq = xcalloc((m + 1) * my->nb, sizeof *my->peq);
	for (i = 0; i < m; i++) {
		c = rev ? p[m - 1 - i] : p[i];
		if ((idx = my_lookup(my, c)) == 0) {
			my->sym[my->nsym++] = c;
			idx = (uint32_t)my->nsym;
			if (c >= 0 && c < 128)
				my->ascii[c] = idx;
			else {
				for (h = my_hash(c, my->cap); my->slot[h] != 0;
				    h = (h + 1) & (my->cap - 1))
					;
				my->slot[h] = idx;
			}
		}
		r = i / MY_W;
		my->peq[idx * my->nb + r] |= (uint64_t)1 << (i % MY_W);
	}
}

/* Free a prepared pattern. */
static void
my_free(struct myers *my)
{
	free(my->slot);
	free(my->sym);
	free(my->peq);
}

/* Rows of block b. */
static size_t
my_rows(const struct myers *my, size_t b)
{
	return (b == my->nb - 1 ? my->m - b * MY_W : MY_W);
}

/*
 * Advance one block by one column: eq the pattern positions matching the
 * text character, hin the horizontal delta entering the block's top (-1,
 * 0, +1), hibit the row whose horizontal delta is returned.
 */
static int
my_block(uint64_t *pv, uint64_t *mv, uint64_t eq, int hin, uint64_t hibit)
{
	uint64_t	Pv = *pv, Mv = *mv, Xv, Xh, Ph, Mh;
	uint64_t	hneg = hin < 0, hpos = hin > 0;
	int		hout = 0;

	Xv = eq | Mv;
	eq |= hneg;
	Xh = (((eq & Pv) + Pv) ^ Pv) | eq;
	Ph = Mv | ~(Xh | Pv);
	Mh = Pv & Xh;
	if (Ph & hibit)
		hout = 1;
	else if (Mh & hibit)
		hout = -1;
	Ph = (Ph << 1) | hpos;
	Mh = (Mh << 1) | hneg;
	*pv = Mh | ~(Xv | Ph);
	*mv = Ph & Xv;
	return (hout);
}

/* Keep hit h among the best max (fewest errors) in hits[0..*n). */
static void
hit_keep(struct note_hit *hits, size_t *n, size_t max, struct note_hit h)
{
	size_t	i, worst = 0;

	if (*n < max) {
		hits[(*n)++] = h;
		return;
	}
	for (i = 1; i < *n; i++) {
		if (hits[i].errors > hits[worst].errors)
			worst = i;
	}
	if (hits[worst].errors > h.errors)
		hits[worst] = h;
}

/*
 * The start of the best match of pattern ending at text[end): the reversed
 * pattern aligned globally to the text read backwards from end, over at
 * most m + k characters. Fills *errors with its distance.
 */
static size_t
my_start(const struct myers *rv, const int32_t *text, size_t end, size_t k,
    size_t *errors)
{
	uint64_t	*pv, *mv;
	size_t		 b, j, span, bestj = 0, beste, score, m = rv->m;
	int		 carry;
	uint32_t	 idx;

	pv = xreallocarray(NULL, rv->nb, sizeof *pv);
	mv = xcalloc(rv->nb, sizeof *mv);
	for (b = 0; b < rv->nb; b++)
		pv[b] = ~(uint64_t)0;
	span = PR_MIN(end, m + k);
	score = m;
	beste = m;		/* the empty match */
	for (j = 1; j <= span; j++) {
		idx = my_lookup(rv, text[end - j]);
		carry = 1;	/* D[0][j] = j */
		for (b = 0; b < rv->nb; b++) {
			carry = my_block(&pv[b], &mv[b],
			    rv->peq[idx * rv->nb + b], carry,
			    b == rv->nb - 1 ? rv->lastbit :
			    (uint64_t)1 << (MY_W - 1));
		}
		score = (size_t)((long)score + carry);
		/*
		 * The fewest edits; then the longest (a changed first letter
		 * is a substitution, not a deletion).
		 */
		if (score <= beste) {
			beste = score;
			bestj = j;
		}
	}
	free(pv);
	free(mv);
	*errors = beste;
	return (end - bestj);
}

/* Is the deadline (NULL: none) past? */
static int
deadline_past(const struct timespec *deadline)
{
	struct timespec	now;

	if (deadline == NULL || clock_gettime(CLOCK_MONOTONIC, &now) != 0)
		return (0);
	return (now.tv_sec > deadline->tv_sec || (now.tv_sec ==
	    deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec));
}

/* Text positions between two looks at the clock. */
#define ANCHOR_CLOCK	65536

/*
 * note_approx_search() that gives up when the deadline (NULL: none)
 * passes: 0 hits and *cut set.
 */
static size_t
approx_search(const int32_t *text, size_t n, const int32_t *pattern,
    size_t m, size_t k, struct note_hit *hits, size_t max,
    const struct timespec *deadline, int *cut)
{
	struct myers	 my, rv;
	uint64_t	*pv, *mv, eq;
	size_t		*score, b, y, j, nhits = 0, before = 0;
	size_t		 last = (size_t)-1, last2 = (size_t)-1;
	struct note_hit	 h;
	int		 carry, fresh;
	uint32_t	 idx;

	if (m == 0 || n == 0 || max == 0)
		return (0);
	if (k >= m)
		k = m - 1;
	my_init(&my, pattern, m, 0);
	pv = xreallocarray(NULL, my.nb, sizeof *pv);
	mv = xcalloc(my.nb, sizeof *mv);
	score = xreallocarray(NULL, my.nb, sizeof *score);
	for (b = 0; b < my.nb; b++) {
		pv[b] = ~(uint64_t)0;
		score[b] = b * MY_W + my_rows(&my, b);
	}
	y = k >= 1 ? PR_MIN(my.nb - 1, (k - 1) / MY_W) : 0;
	for (j = 0; j <= n; j++) {
		size_t	cur = (size_t)-1;

		if (j % ANCHOR_CLOCK == ANCHOR_CLOCK - 1 &&
		    deadline_past(deadline)) {
			*cut = 1;
			nhits = 0;
			break;
		}

		if (j < n) {
			idx = my_lookup(&my, text[j]);
			carry = 0;
			for (b = 0; b <= y; b++) {
				carry = my_block(&pv[b], &mv[b],
				    my.peq[idx * my.nb + b], carry,
				    b == my.nb - 1 ? my.lastbit :
				    (uint64_t)1 << (MY_W - 1));
				before = score[b];
				score[b] = (size_t)((long)score[b] + carry);
			}
			/*
			 * Bring in the next blocks that may reach k, assuming
			 * their last column grew by one a row below block y
			 * (an overestimate of values that were over k).
			 */
			fresh = 0;
			while (y + 1 < my.nb && ((!fresh && before <= k) ||
			    score[y] < k)) {
				b = y + 1;
				before += my_rows(&my, b);
				pv[b] = ~(uint64_t)0;
				mv[b] = 0;
				eq = my.peq[idx * my.nb + b];
				carry = my_block(&pv[b], &mv[b], eq, carry,
				    b == my.nb - 1 ? my.lastbit :
				    (uint64_t)1 << (MY_W - 1));
				score[b] = (size_t)((long)before + carry);
				fresh = 1;
				y = b;
			}
			/* Drop the blocks that cannot. */
			while (y > 0 && score[y] >= k + my_rows(&my, y))
				y--;
			if (y == my.nb - 1 && score[y] <= k)
				cur = score[y];
		}
		/* A local minimum ends at j - 1 (a match ending before j). */
		if (last != (size_t)-1 && (last2 == (size_t)-1 ||
		    last <= last2) && (cur == (size_t)-1 || last < cur)) {
			h.end = j;
			h.errors = last;
			h.start = 0;
			hit_keep(hits, &nhits, max, h);
		}
		last2 = last;
		last = cur;
	}
	free(pv);
	free(mv);
	free(score);
	my_free(&my);

	/* The starts. */
	my_init(&rv, pattern, m, 1);
	for (j = 0; j < nhits; j++) {
		hits[j].start = my_start(&rv, text, hits[j].end, k,
		    &hits[j].errors);
	}
	my_free(&rv);
	return (nhits);
}

size_t
note_approx_search(const int32_t *text, size_t n, const int32_t *pattern,
    size_t m, size_t k, struct note_hit *hits, size_t max)
{
	int	cut = 0;

	return (approx_search(text, n, pattern, m, k, hits, max, NULL, &cut));
}

/*
 * Similarity of the context str to the text s (Hypothesis' textMatchScore):
 * 1 - the edits of str's best match in s / its length; 0 if either is
 * empty.
 */
static double
context_score(const int32_t *s, size_t n, const int32_t *str, size_t m)
{
	size_t	*col, i, j, diag, up, best;

	if (m == 0 || n == 0)
		return (0);
	/* Small: a plain dynamic programme, free start and end in s. */
	col = xreallocarray(NULL, m + 1, sizeof *col);
	for (i = 0; i <= m; i++)
		col[i] = i;
	best = m;
	for (j = 0; j < n; j++) {
		diag = col[0];
		col[0] = 0;
		for (i = 1; i <= m; i++) {
			up = col[i];
			col[i] = PR_MIN(PR_MIN(up + 1, col[i - 1] + 1),
			    diag + (str[i - 1] != s[j]));
			diag = up;
		}
		best = PR_MIN(best, col[m]);
	}
	free(col);
	return (1.0 - (double)best / (double)m);
}

/* What anchoring needs of a selector, decoded once. */
struct anchor_ctx {
	const struct note_text	*t;
	int32_t			*prefix;
	size_t			 nprefix;
	int32_t			*suffix;
	size_t			 nsuffix;
	size_t			 hint;
	size_t			 m;	/* quote length */
	const struct timespec	*deadline; /* of the search, or NULL */
	int			 cut;	/* the deadline passed */
};

/* Score a candidate [cs, ce) with e edits. */
static double
anchor_score(const struct anchor_ctx *a, size_t cs, size_t ce, size_t e)
{
	const struct note_text	*t = a->t;
	int32_t			*s;
	size_t			 n, b0, b1;
	double			 q, p = 1.0, sf = 1.0, pos, d;

	q = 1.0 - (double)e / (double)a->m;
	if (a->nprefix > 0) {
		b0 = text_byte(t, cs > a->nprefix ? cs - a->nprefix : 0);
		b1 = text_byte(t, cs);
		n = decode(text_str(t), b0, b1, &s);
		p = context_score(s, n, a->prefix, a->nprefix);
		free(s);
	}
	if (a->nsuffix > 0) {
		b0 = text_byte(t, ce);
		b1 = text_byte(t, ce + a->nsuffix);
		n = decode(text_str(t), b0, b1, &s);
		sf = context_score(s, n, a->suffix, a->nsuffix);
		free(s);
	}
	d = cs > a->hint ? (double)(cs - a->hint) : (double)(a->hint - cs);
	pos = t->ncp > 0 ? 1.0 - d / (double)t->ncp : 1.0;
	return ((W_QUOTE * q + W_PREFIX * p + W_SUFFIX * sf + W_POS * pos) /
	    (W_QUOTE + W_PREFIX + W_SUFFIX + W_POS));
}

/* Find exact occurrences of q: the best-scored one. 0 if none. */
static int
anchor_exact(const struct anchor_ctx *a, const char *q, size_t qlen,
    struct note_match *out)
{
	const struct note_text	*t = a->t;
	const char		*p, *s = text_str(t);
	size_t			 from = 0, cs, count = 0;
	double			 sc;
	int			 found = 0;

	while (from + qlen <= t->len && count < ANCHOR_MAXEXACT &&
	    (p = memmem(s + from, t->len - from, q, qlen)) != NULL) {
		cs = text_cp(t, (size_t)(p - s));
		sc = anchor_score(a, cs, cs + a->m, 0);
		if (!found || sc > out->score) {
			out->start = cs;
			out->end = cs + a->m;
			out->score = sc;
			found = 1;
		}
		count++;
		/* The next occurrence may overlap: step one character. */
		from = (size_t)(p - s) + 1;
		while (from < t->len && ((unsigned char)s[from] & 0xc0) == 0x80)
			from++;
	}
	return (found);
}

/* Approximate matches of the quote: the best-scored one. 0 if none. */
static int
anchor_fuzzy(struct anchor_ctx *a, const int32_t *quote,
    struct note_match *out)
{
	const struct note_text	*t = a->t;
	struct note_hit		*hits;
	int32_t			*text;
	size_t			 n, nh, i, k;
	double			 sc;
	int			 found = 0;

	k = PR_MIN(ANCHOR_MAXERR, a->m / 2);
	if (k == 0)
		return (0);
	if (deadline_past(a->deadline)) {
		a->cut = 1;
		return (0);
	}
	n = decode(text_str(t), 0, t->len, &text);
	hits = xreallocarray(NULL, ANCHOR_MAXHITS, sizeof *hits);
	nh = approx_search(text, n, quote, a->m, k, hits, ANCHOR_MAXHITS,
	    a->deadline, &a->cut);
	for (i = 0; i < nh; i++) {
		sc = anchor_score(a, hits[i].start, hits[i].end,
		    hits[i].errors);
		if (!found || sc > out->score) {
			out->start = hits[i].start;
			out->end = hits[i].end;
			out->score = sc;
			found = 1;
		}
	}
	free(hits);
	free(text);
	return (found && out->score >= NOTE_MIN_SCORE);
}

/*
 * The word around code point cp (a letter or number run by ICU word
 * boundaries, in the document's language) when cp falls strictly inside
 * it: 1 with [*ws, *we), else 0.
 */
static int
word_around(const struct note_text *t, size_t cp, size_t *ws, size_t *we)
{
	const char		*s = text_str(t);
	struct text_range	*w;
	size_t			 lo, hi, blo, b, n, i;
	int			 found = 0;

	if (cp == 0 || cp >= t->ncp)
		return (0);
	/* A window around cp wide enough for any word taken. */
	lo = cp > 2 * ANCHOR_MAXWORD ? cp - 2 * ANCHOR_MAXWORD : 0;
	hi = PR_MIN(cp + 2 * ANCHOR_MAXWORD, t->ncp);
	blo = text_byte(t, lo);
	b = text_byte(t, cp);
	n = text_words(s + blo, text_byte(t, hi) - blo, t->d->lang, &w);
	for (i = 0; i < n && !found; i++) {
		if (blo + w[i].start < b && b < blo + w[i].end) {
			*ws = text_cp(t, blo + w[i].start);
			*we = text_cp(t, blo + w[i].end);
			found = 1;
		}
	}
	free(w);
	return (found);
}

/*
 * Did the quote start (end) on a word boundary where it was made? Its
 * context and itself, as one text, by the same word boundaries. Sets
 * edge[0] for the start and edge[1] for the end.
 */
static void
quote_edges(const struct note_selector *sel, const char *lang, int edge[2])
{
	struct strbuf		 sb = STRBUF_INIT;
	struct text_range	*w;
	size_t			 n, i, at[2];
	int			 k;

	if (sel->prefix != NULL)
		strbuf_addstr(&sb, sel->prefix);
	at[0] = sb.len;
	strbuf_addstr(&sb, sel->exact);
	at[1] = sb.len;
	if (sel->suffix != NULL)
		strbuf_addstr(&sb, sel->suffix);
	edge[0] = edge[1] = 1;
	n = text_words(sb.buf, sb.len, lang, &w);
	for (i = 0; i < n; i++) {
		for (k = 0; k < 2; k++) {
			if (w[i].start < at[k] && at[k] < w[i].end)
				edge[k] = 0;
		}
	}
	free(w);
	strbuf_release(&sb);
}

/*
 * Take an approximate match out to whole words at each edge where the
 * quote was on a word boundary: to the start (end) of the word it cuts,
 * or to its other side when the word is too long to be one.
 */
static void
anchor_words(const struct note_text *t, const struct note_selector *sel,
    struct note_match *out)
{
	size_t	s = out->start, e = out->end, ws, we;
	int	edge[2];

	quote_edges(sel, t->d->lang, edge);
	if (edge[0] && word_around(t, s, &ws, &we))
		s = s - ws <= ANCHOR_MAXWORD ? ws : we;
	if (edge[1] && word_around(t, e, &ws, &we))
		e = we - e <= ANCHOR_MAXWORD ? we : ws;
	if (e > s) {
		out->start = s;
		out->end = e;
	}
}

void
note_anchor(const struct note_text *t, const struct note_selector *sel,
    struct note_match *out)
{
	note_anchor_until(t, sel, NULL, out);
}

void
note_anchor_until(const struct note_text *t, const struct note_selector *sel,
    const struct timespec *deadline, struct note_match *out)
{
	struct anchor_ctx	 a;
	int32_t			*quote;
	size_t			 qlen, bs, be;

	memset(out, 0, sizeof *out);
	out->state = NOTE_ORPHAN;
	if (sel->exact == NULL || *sel->exact == '\0')
		return;
	qlen = strlen(sel->exact);
	memset(&a, 0, sizeof a);
	a.t = t;
	a.m = decode_str(sel->exact, &quote);
	a.hint = sel->start;
	a.deadline = deadline;

	/* 1. The quote is still at its position. */
	if (sel->end > sel->start && sel->end <= t->ncp &&
	    sel->end - sel->start == a.m) {
		bs = text_byte(t, sel->start);
		be = text_byte(t, sel->end);
		if (be - bs == qlen && text_holds(t, bs, sel->exact, qlen)) {
			out->state = NOTE_AT_POSITION;
			out->start = sel->start;
			out->end = sel->end;
			out->score = 1.0;
			free(quote);
			return;
		}
	}
	/* Context beyond what a selector holds is not used (costs m^2). */
	a.nprefix = decode_str(sel->prefix != NULL ? sel->prefix : "",
	    &a.prefix);
	if (a.nprefix > ANCHOR_MAXCTX) {
		memmove(a.prefix, a.prefix + a.nprefix - ANCHOR_MAXCTX,
		    ANCHOR_MAXCTX * sizeof *a.prefix);
		a.nprefix = ANCHOR_MAXCTX;
	}
	a.nsuffix = decode_str(sel->suffix != NULL ? sel->suffix : "",
	    &a.suffix);
	a.nsuffix = PR_MIN(a.nsuffix, ANCHOR_MAXCTX);
	/* 2. The exact quote elsewhere; 3. an approximate match. */
	if (anchor_exact(&a, sel->exact, qlen, out))
		out->state = NOTE_EXACT;
	else if (a.m <= NOTE_MAX_QUOTE && anchor_fuzzy(&a, quote, out)) {
		out->state = NOTE_FUZZY;
		anchor_words(t, sel, out);
	} else {
		memset(out, 0, sizeof *out);
		out->state = NOTE_ORPHAN;
		out->cut = a.cut;
	}
	free(a.prefix);
	free(a.suffix);
	free(quote);
}

/* Collapse whitespace runs to one space and trim (you own the result). */
static char *
squeeze(const char *s)
{
	struct strbuf	sb = STRBUF_INIT;
	int		space = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = sb.len > 0;
			continue;
		}
		if (space)
			strbuf_addch(&sb, ' ');
		space = 0;
		strbuf_addch(&sb, *s);
	}
	return (strbuf_detach(&sb, NULL));
}

int
note_find_quote(const struct note_text *t, const struct doc *d,
    const char *quote, size_t *start, size_t *end)
{
	struct text_search	*ts;
	struct text_range	 m;
	struct note_hit		 hit;
	const char		*p, *s = text_str(t);
	char			*clean, *q;
	int32_t			*text, *pat;
	size_t			 len, n, np, blk, k;
	int			 r = -1;

	if (strlen(quote) > 4 * NOTE_MAX_QUOTE)
		return (-1);
	clean = doc_clean_text(quote, strlen(quote), 0, &len);
	q = squeeze(clean);
	free(clean);
	len = strlen(q);
	if (len == 0) {
		free(q);
		return (-1);
	}
	/* The exact text. */
	if ((p = memmem(s, t->len, q, len)) != NULL) {
		*start = text_cp(t, (size_t)(p - s));
		*end = text_cp(t, (size_t)(p - s) + len);
		free(q);
		return (0);
	}
	/* Ignoring case and accents, inside a block. */
	if ((ts = text_search_create(q, d->lang)) != NULL) {
		for (blk = 0; blk < d->nblocks && r != 0; blk++) {
			if (text_search_next(ts, d->blocks[blk].text,
			    d->blocks[blk].len, 0, &m) == 1) {
				*start = text_cp(t, t->bstart[blk] + m.start);
				*end = text_cp(t, t->bstart[blk] + m.end);
				r = 0;
			}
		}
		text_search_free(ts);
		if (r == 0) {
			free(q);
			return (0);
		}
	}
	/* Approximately, a quarter of the characters wrong at most. */
	np = decode_str(q, &pat);
	k = np / 4;
	if (k > 0 && np <= NOTE_MAX_QUOTE) {
		n = decode(text_str(t), 0, t->len, &text);
		if (note_approx_search(text, n, pat, np, k, &hit, 1) == 1) {
			*start = hit.start;
			*end = hit.end;
			r = 0;
		}
		free(text);
	}
	free(pat);
	free(q);
	return (r);
}
