/*
 * The aligner's features (align-int.h): what the programme knows of each
 * sentence and block of a version, its length, marks and anchor keys
 * (numbers, and names by a spelling-free skeleton so that their spellings
 * in two scripts meet).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "align-int.h"

/* FNV-1a of a string, folded to 28 bits. */
static uint32_t
key_hash(const char *s, uint32_t tag)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return (tag | ((h ^ (h >> 28)) & KEY_MASK));
}

/*
 * A spelling-free skeleton of a transliterated name, so that the spellings
 * of one name in two scripts meet: Putin/Putin, Volkov/Volkov, Khalvorsen/
 * Halvorsen, Zinov'yev/Zinoviev all give the same skeleton. Vowels after the
 * first letter go, kh becomes h, similar consonants merge and doubled
 * letters collapse. Returns the number of consonants kept.
 */
static int
name_skeleton(const char *key, char *out, size_t outsz)
{
	size_t	i, n = 0;
	int	cons = 0;
	char	c, prev = 0;

	for (i = 0; key[i] != '\0' && n + 1 < outsz; i++) {
		c = key[i];
		if (c < 'a' || c > 'z')
			continue;
		if (c == 'k' && key[i + 1] == 'h') {
			c = 'h';
			i++;
		} else if ((c == 't' || c == 'd') && key[i + 1] == 's') {
			c = 's';
			i++;
		}
		switch (c) {
		case 'c': case 'q': case 'g':
			c = 'k';
			break;
		case 'w': case 'f':
			c = 'v';
			break;
		case 'z':
			c = 's';
			break;
		case 'j': case 'y':
			c = 'i';
			break;
		case 'x':
			c = 'k';
			break;
		case 'p':
			c = 'b';
			break;
		case 't':
			c = 'd';
			break;
		}
		if (n > 0 && strchr("aeiou", c) != NULL)
			continue;
		if (c == prev)
			continue;
		out[n++] = c;
		prev = c;
		if (strchr("aeiou", c) == NULL)
			cons++;
	}
	out[n] = '\0';
	return (cons);
}

/*
 * The key of an anchor: a number's own, a name's skeleton's; 0 when the
 * name is too short to key.
 */
int
feat_anchor_key(const struct text_anchor *an, uint32_t *key)
{
	char	skel[32];

	if (an->kind == ANCHOR_NUMBER)
		*key = key_hash(an->key, KEY_NUMBER);
	else {
		if (name_skeleton(an->key, skel, sizeof skel) < 2)
			return (0);
		*key = key_hash(skel, KEY_NAME);
	}
	return (1);
}

/* Sort a few keys (insertion sort: they are few). */
void
feat_keys_sort(uint32_t *k, size_t n)
{
	size_t		i, j;
	uint32_t	v;

	for (i = 1; i < n; i++) {
		v = k[i];
		for (j = i; j > 0 && k[j - 1] > v; j--)
			k[j] = k[j - 1];
		k[j] = v;
	}
}

/* Is c one of the characters that open or close a quotation? */
static int
is_quote_char(UChar32 c)
{
	return (c == '"' || c == 0xab || c == 0xbb || c == 0x201c ||
	    c == 0x201d || c == 0x201e || c == 0x2039 || c == 0x203a ||
	    c == 0x2019 || c == 0x2018 || c == ')' || c == 0xa0 ||
	    c == 0x202f || c == ' ');
}

/* The features of the text s of a unit. */
void
feat_text(struct side *sd, struct feat *f, const char *s, size_t len,
    const char *lang)
{
	struct text_anchor	*an = NULL;
	size_t			 i, na;
	int32_t			 k;
	UChar32			 c;

	f->len = 0;
	for (i = 0; i < len; i++) {
		unsigned char	b = (unsigned char)s[i];

		if ((b & 0xc0) != 0x80 && b != ' ')
			f->len++;
	}
	/* The last character that is not a quote mark or a space. */
	k = (int32_t)len;
	f->quest = f->excl = 0;
	while (k > 0) {
		U8_PREV(s, 0, k, c);
		if (is_quote_char(c))
			continue;
		f->quest = c == '?' || c == 0xbf;
		f->excl = c == '!';
		break;
	}
	na = text_anchors(s, len, lang, &an);
	/* Never NULL, so that keys + koff is defined even without keys. */
	XGROW(sd->keys, sd->akeys, sd->nkeys + 1);
	f->koff = (uint32_t)sd->nkeys;
	f->nk = 0;
	/* Offsets are 32 bits: past 4G keys, units have none. */
	if (sd->nkeys > UINT32_MAX - 64)
		na = 0;
	for (i = 0; i < na && f->nk < 64; i++) {
		uint32_t	key;

		if (!feat_anchor_key(&an[i], &key))
			continue;
		XGROW(sd->keys, sd->akeys, sd->nkeys + 1);
		sd->keys[sd->nkeys++] = key;
		f->nk++;
	}
	feat_keys_sort(sd->keys + f->koff, (size_t)f->nk);
	free(an);
}

void
feat_side_release(struct side *s)
{
	free(s->f);
	free(s->keys);
	free(s->view[0]);
	free(s->view[1]);
	free(s->vkeys);
	memset(s, 0, sizeof *s);
}

/* Free what a side holds but its number of units and their total. */
void
feat_side_thin(struct side *s)
{
	size_t	n = s->n;
	double	total = s->total;
	int	nonames = s->nonames;

	feat_side_release(s);
	s->n = n;
	s->total = total;
	s->nonames = nonames;
}

/*
 * The sentence side of version v, the block side made of it (a block is
 * the sum of its sentences) and the block of each sentence.
 */
void
feat_side_build(const struct alignment *al, size_t v, struct side *ss,
    struct side *bs, size_t **sblock)
{
	const struct doc	*d = al->docs[v];
	const char		*lang = d->lang;
	size_t			 s, q, nb = 0, prevblock = DOC_NOPOS;
	struct feat		*f;
	size_t			 lo, hi, mid;

	memset(ss, 0, sizeof *ss);
	memset(bs, 0, sizeof *bs);
	ss->n = al->nsents[v];
	ss->f = xcalloc(ss->n + 1, sizeof *ss->f);
	*sblock = xcalloc(ss->n + 1, sizeof **sblock);
	for (s = 0; s < ss->n; s++) {
		const struct text_sentence	*t = &al->sents[v][s];
		const struct doc_block		*b = &d->blocks[t->block];

		f = &ss->f[s];
		feat_text(ss, f, b->text + t->start, t->end - t->start, lang);
		f->heading = b->kind == BLOCK_HEADING;
		if (d->presegmented)
			f->parstart = s == 0 || !b->cont;
		else
			f->parstart = t->block != prevblock;
		if (f->parstart)
			nb++;
		(*sblock)[s] = nb - 1;
		prevblock = t->block;
		ss->total += f->len;
	}
	/* Quotations opening in each sentence. */
	for (q = 0; q < al->nquotes[v] && ss->n > 0; q++) {
		struct doc_pos	op = al->quotes[v][q].open;

		lo = 0;
		hi = ss->n;
		while (lo + 1 < hi) {
			mid = (lo + hi) / 2;
			if (al->sents[v][mid].block < op.block ||
			    (al->sents[v][mid].block == op.block &&
			    al->sents[v][mid].start <= op.off))
				lo = mid;
			else
				hi = mid;
		}
		ss->f[lo].nquotes++;
	}
	/* Blocks (paragraphs) as sums of their sentences. */
	bs->n = nb;
	bs->f = xcalloc(nb + 1, sizeof *bs->f);
	XGROW(bs->keys, bs->akeys, 1);	/* never NULL: see feat_text() */
	for (s = 0; s < ss->n; s++) {
		struct feat	*bf = &bs->f[(*sblock)[s]];
		int		 k;

		f = &ss->f[s];
		if (f->parstart) {
			bf->koff = (uint32_t)bs->nkeys;
			bf->parstart = 1;
			bf->heading = f->heading;
		}
		bf->len += f->len;
		bf->nquotes += f->nquotes;
		bf->quest = f->quest;
		bf->excl = f->excl;
		for (k = 0; k < f->nk && bf->nk < 16; k++) {
			XGROW(bs->keys, bs->akeys, bs->nkeys + 1);
			bs->keys[bs->nkeys++] = ss->keys[f->koff + (size_t)k];
			bf->nk++;
		}
		bs->total += f->len;
	}
	for (s = 0; s < nb; s++)
		feat_keys_sort(bs->keys + bs->f[s].koff, (size_t)bs->f[s].nk);
	ss->nonames = 1;
	for (s = 0; s < ss->nkeys && ss->nonames; s++)
		ss->nonames = (ss->keys[s] & KEY_NAME) == 0;
	bs->nonames = ss->nonames;
	XSHRINK(ss->keys, ss->akeys, ss->nkeys);
	XSHRINK(bs->keys, bs->akeys, bs->nkeys);
}

