/*
 * align-int.h: the aligner's parts and what they share (not for the rest
 * of polyread, which has align.h). The parts, each calling only those
 * above it:
 *
 *	align-feat.c	features: anchor keys, the features of a text
 *			(feat_text()), the sentence and block sides of a
 *			version (feat_side_build())
 *	align-dp.c	the banded programme over bead types (pair costs,
 *			tail cost, bands) and the profile it grows: a
 *			version's blocks (dp_align_blocks()), then its
 *			sentences (dp_align_step()) against the profile
 *	align-quote.c	quotation links inside each bead
 *			(quote_link_beads())
 *	align-fix.c	post-fixes of the beads: the pairs the pivot
 *			composed checked (fix_check_pairs()), merged
 *			sentences cut or split off (fix_split_merged())
 *	align-refine.c	bead refinement: each bead split in two where the
 *			split costs less, at sentence boundaries or weak
 *			ones (refine_beads())
 *	align.c		the threaded preparation of the versions, creation
 *			(align_create(), align_create_top(),
 *			align_create_blocks()), align_free(), the warm-up
 *	align-map.c	the runtime queries of the view and the notes: the
 *			bead of a sentence, the sentence at a position,
 *			span mapping (align_map())
 *
 * Functions private to a part are static; the shared ones are named
 * after their part (feat_, dp_, quote_, fix_).
 */
#ifndef POLYREAD_ALIGN_INT_H
#define POLYREAD_ALIGN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "align.h"
#include "text.h"

/* What the programme knows of one unit (a sentence or a block). */
struct feat {
	int32_t		 len;		/* characters, spaces excluded */
	int32_t		 nquotes;	/* quotations opening in it */
	uint32_t	 koff;		/* its anchor keys: keys[koff..koff+nk) */
	uint8_t		 nk;		/* at most 64 */
	uint8_t		 heading;	/* a heading (or the title) */
	uint8_t		 quest;		/* ends with a question mark */
	uint8_t		 excl;		/* ends with an exclamation mark */
	uint8_t		 parstart;	/* first unit of a paragraph */
};

/* One version as a sequence of units. */
struct side {
	struct feat	*f;
	size_t		 n;
	uint32_t	*keys;		/* anchor keys, sorted per unit */
	size_t		 nkeys, akeys;
	double		 total;		/* sum of lengths */
	/*
	 * No name anywhere: a script without capitals (Arabic, Chinese...)
	 * shows none, so the names of another version miss nothing in it.
	 */
	int		 nonames;
	/*
	 * The keys of units i..i+1 (view[0][i]) and i..i+2 (view[1][i])
	 * merged once (dp_side_views()), so that the programme, which asks
	 * for them in every cell of the band, does not merge them each time.
	 * NULL: merged on demand.
	 */
	struct kview	*view[2];
	uint32_t	*vkeys;
	size_t		 nvkeys, avkeys;
};

struct kview {
	uint32_t	 off;		/* in vkeys (dp_side_views() checks) */
	uint32_t	 n;
};

/*
 * A bead of the profile: struct align_bead with 32-bit positions. A step
 * holds two profiles while it merges; align_create() widens the last one
 * into the alignment's beads (dp_profile_widen()).
 */
struct pbd {
	uint32_t	first[ALIGN_MAXVERS];	/* PBD_NONE: none */
	uint32_t	count[ALIGN_MAXVERS];
	double		confidence;
};
#define PBD_NONE	UINT32_MAX

/* The first unit of version u in profile bead b, or DOC_NOPOS. */
static inline size_t
pbd_first(const struct pbd *b, size_t u)
{
	return (b->first[u] == PBD_NONE ? DOC_NOPOS : b->first[u]);
}

/*
 * The profile: the beads aligned so far, over the versions included. The
 * next version (side B) is aligned to it.
 */
struct profile {
	size_t			 nvers;
	const struct side	*side[ALIGN_MAXVERS];	/* NULL: not yet */
	struct pbd		*beads;
	size_t			 n, alloc;
	double			 ratio[ALIGN_MAXVERS];	/* B length per u's */
	double			 var[ALIGN_MAXVERS];	/* variance per char */
};

/* A bead of a step: a profile units from ai, b units of B from bj. */
struct pbead {
	size_t	ai, bj;
	int	a, b;
	double	cost;
};

struct btype {
	int	a, b;
	double	prior;		/* -log probability */
};

/* Key tags in the top bits. */
#define KEY_NUMBER	0x10000000u
#define KEY_NAME	0x20000000u
#define KEY_MASK	0x0fffffffu

/*
 * The programmes' budget on one version and what they spent on it
 * (align-dp.c): a band holds at most base + 32 cells per unit (base:
 * 4 Mi unless POLYREAD_ALIGN_BUDGET says), a pass fills at most a few
 * such bands, and a pass whose last band stopped at the budget with the
 * best path still on its edge marks the version over.
 */
struct dpbudget {
	size_t	 base;
	size_t	 cells;		/* filled so far */
	int	 over;
};

/* What the alignment of the versions needs of each. */
struct vside {
	struct dpbudget	 bud;
	struct side	 sent;
	struct side	 block;
	size_t		*sblock;	/* sentence -> block */
	struct pbead	*bb;		/* its blocks aligned to the pivot's */
	size_t		 nbb;
	double		 var;		/* variance per char with the pivot */
};

/* align-feat.c */
/* Sets *key to the key of an anchor; 0 for a name too short to key. */
int		 feat_anchor_key(const struct text_anchor *, uint32_t *key);
void		 feat_keys_sort(uint32_t *, size_t);
void		 feat_text(struct side *, struct feat *, const char *s,
		     size_t len, const char *lang);
void		 feat_side_build(const struct alignment *, size_t v,
		     struct side *ss, struct side *bs, size_t **sblock);
void		 feat_side_release(struct side *);
void		 feat_side_thin(struct side *);

/* align-dp.c */
extern const struct btype dp_sent_types[8];
void		 dp_init(void);
void		 dp_side_views(struct side *);
double		 dp_pair_cost(const struct side *A, size_t i, int a,
		     const struct side *B, size_t j, int b, double ratio);
double		 dp_bead_confidence(double cost, int a, int b);
void		 dp_profile_of_side(struct profile *, size_t nvers, size_t v,
		     const struct side *);
struct align_bead *dp_profile_widen(struct profile *);
double		*dp_profile_take_out(struct profile *, size_t v);
void		 dp_align_blocks(size_t nvers, size_t pivot, struct vside *,
		     size_t v);
void		 dp_align_step(struct profile *, size_t pivot, struct vside *,
		     size_t v, const double *prev);

/* align-quote.c */
void		 quote_link_beads(struct alignment *);

/* A side of a few pieces of text, for deciding about one bead. */
struct lside {
	struct side	sd;
	struct feat	f[4];
};

/*
 * The anchors of whole sentences (text_anchors()), found once for as long
 * as the alignment's sentence lists stay: the refinement asks for those
 * of a sentence again at every cut it tries.
 */
struct sent_memo {
	struct text_anchor	**an[ALIGN_MAXVERS];
	size_t			 *n[ALIGN_MAXVERS];	/* SIZE_MAX: not yet */
};

/* align-fix.c */
void		 memo_init(struct sent_memo *, const struct alignment *);
void		 memo_free(struct sent_memo *, const struct alignment *);
/*
 * The anchors of sentence s of version v, *n of them: the memo's when m
 * is not NULL, else made for the call (*mine: free it).
 */
const struct text_anchor *memo_anchors(struct sent_memo *m,
		     const struct alignment *, size_t v, size_t s, size_t *n,
		     struct text_anchor **mine);
/* Add a piece of text to l (free l->sd.keys when done). */
void		 fix_lside_add(struct lside *, const char *s, size_t len,
		     const char *lang);
/*
 * The weak boundaries (text_weak_breaks()) of sentence t of version w in
 * bead bd, as byte offsets in its block; none in a presegmented version.
 * Those before a name another version of the bead holds are left out
 * when named is NULL, else named[i] says it of out[i]. Returns their
 * number (at most max).
 */
size_t		 fix_weak_cuts(const struct alignment *, struct sent_memo *,
		     size_t w, size_t t, const struct align_bead *, size_t *out,
		     int *named, size_t max);
void		 fix_check_pairs(struct alignment *, const struct vside *);
void		 fix_split_merged(struct alignment *, const double *total);

/* align-refine.c */
void		 refine_beads(struct alignment *, const double *total);
/*
 * Mark doubtful (confidence 0.45) a bead that leaves one version out and
 * its neighbour, when the sentence the neighbour holds in that version
 * fits the first bead about as well (the versions shifted by one next to
 * an omission).
 */
void		 refine_mark_shifts(struct alignment *, const double *total);

#endif
