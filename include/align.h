/*
 * align.h: the alignment of the versions of an article.
 *
 * Where it sits: above the text engine (sentences, quotations, anchors);
 * layout, dump, the view and the notes use it. Its parts are in
 * src/align-*.c behind src/align-int.h.
 *
 * Each version is cut into sentences (text_doc_sentences) and quotations
 * (text_quotes). The alignment is a sequence of beads: a bead holds, for
 * each version, a run of consecutive sentences (possibly none) that
 * translate each other. Beads cover every sentence of every version once,
 * in order. Quote links join the quotations that translate each other.
 *
 * Span mapping turns a byte range of one version into the corresponding
 * range of another, through the beads.
 */
#ifndef POLYREAD_ALIGN_H
#define POLYREAD_ALIGN_H

#include <stddef.h>

#include "article.h"
#include "text.h"

#define ALIGN_MAXVERS	ARTICLE_MAXVERS

/*
 * Beads under this confidence are doubtful: cut where a full stop was
 * missing, or next to a sentence one version left out where the
 * versions may have shifted by one (align --format=json says
 * "doubtful").
 */
#define ALIGN_DOUBTFUL	0.5

struct align_bead {
	size_t	first[ALIGN_MAXVERS];	/* first sentence of each version */
	size_t	count[ALIGN_MAXVERS];	/* its number of sentences (0: none) */
	double	confidence;		/* 0 (doubtful) to 1 (sure) */
};

/* A linked quotation: its index in each version's quotes, or DOC_NOPOS. */
struct align_qlink {
	size_t	quote[ALIGN_MAXVERS];
};

struct alignment {
	size_t			 nvers;
	size_t			 pivot;		/* the version others align to */
	const struct doc	*docs[ALIGN_MAXVERS];

	struct text_sentence	*sents[ALIGN_MAXVERS];
	size_t			 nsents[ALIGN_MAXVERS];
	struct text_quote	*quotes[ALIGN_MAXVERS];
	size_t			 nquotes[ALIGN_MAXVERS];

	struct align_bead	*beads;
	size_t			 nbeads;
	struct align_qlink	*qlinks;
	size_t			 nqlinks;

	/* For each version and sentence, the bead that holds it. */
	size_t			*bead_of[ALIGN_MAXVERS];

	/*
	 * Not NULL when the versions could not be aligned within the
	 * programme's budget (versions in another order, unrelated texts):
	 * what to tell the reader (static). The paragraphs are then paired
	 * in order instead (align_create_blocks()). The budget is linear in
	 * the versions' units; POLYREAD_ALIGN_BUDGET (cells, for the tests)
	 * lowers its fixed part, 4 Mi, so that a small pair reaches it.
	 */
	const char		*fallback;
	size_t			 cells;		/* the programme filled */
};

struct align_opts {
	const char	*pivot;		/* language of the pivot, or NULL */
	/*
	 * For use from a worker thread: when not NULL, *progress receives
	 * the work done so far in thousandths as it proceeds, and a non-zero
	 * *cancel makes align_create() stop and return NULL ("cancelled").
	 */
	_Atomic int	*progress;
	_Atomic int	*cancel;
};

/*
 * Segment and align the versions of an article (which must outlive the
 * alignment). Returns the alignment (free with align_free()), or NULL with
 * *cause.
 */
struct alignment *align_create(const struct article *,
		     const struct align_opts *, char **cause);
/*
 * Start, on a thread of its own, the set-up every alignment needs (ICU's
 * transliterator, the cost tables), so that it runs while the versions
 * load (article_opts.warm). Once per process; joined by align_create() or
 * at exit.
 */
void		 align_warm(void);
void		 align_free(struct alignment *);
/*
 * The top of the article aligned, for a reader to show while
 * align_create() does the whole: about want characters of each version
 * (the same share of each) are aligned, the beads up to a paragraph break
 * of every version well inside that part are kept, and the paragraphs
 * after them are paired one by one as a stand-in (whole paragraphs as
 * units; no quotation links). Returns NULL (with no message) when the
 * article is too short for the top to be worth it, when the top has no
 * common paragraph break, or when cancelled. Free with align_free().
 */
struct alignment *align_create_top(const struct article *,
		     const struct align_opts *, size_t want);
/*
 * A block-by-block alignment, the stand-in while align_create() works:
 * the first nbeads beads of head are kept with the first nsents[v]
 * sentences of each version v (which they must hold, and head must have
 * more); then the paragraphs (blocks) of each version from the one of
 * head's sentence nsents[v] on are paired one by one, whole paragraphs as
 * units: bead i holds paragraph i of each version that has one left,
 * with confidence 1. Without head (NULL, nbeads 0, nsents NULL): block i
 * of every version, version 0 the pivot. No quotation links. Free with
 * align_free().
 */
struct alignment *align_create_blocks(const struct article *,
		     const struct alignment *head, size_t nbeads,
		     const size_t *nsents);

/*
 * True if bead b starts a paragraph (block) in some version: the dump
 * puts a blank line before it.
 */
int		 align_bead_starts_block(const struct alignment *, size_t b);
/* The bead holding sentence s of version v. */
size_t		 align_bead_of(const struct alignment *, size_t v, size_t s);
/* The sentence of version v that holds pos, or DOC_NOPOS. */
size_t		 align_sentence_at(const struct alignment *, size_t v,
		     struct doc_pos pos);
/*
 * Map the range [start, end) of version from to version to. Whole
 * sentences map to the sentences of their beads; a linked quotation to its
 * counterpart; a part of one bead to the part of the other version's
 * sentences found through the anchors both share (numbers, names), linearly
 * in between, widened to whole words. Returns 0 and the range in ostart and
 * oend, or -1 when the other version has no counterpart.
 */
int		 align_map(const struct alignment *, size_t from,
		     struct doc_pos start, struct doc_pos end, size_t to,
		     struct doc_pos *ostart, struct doc_pos *oend);

#endif
