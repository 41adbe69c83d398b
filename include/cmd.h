/*
 * cmd.h: the commands that run without a terminal (dump, sentences, ...).
 * Each takes the arguments after its name and returns the exit status.
 *
 * Where they sit: at the top, with main.c; each opens an article
 * (article.h) and writes what the lower stages made.
 */
#ifndef POLYREAD_CMD_H
#define POLYREAD_CMD_H

#include <stdio.h>

#include "article.h"

/* Options, shared by the commands; each command accepts its own subset. */
enum {
	OPT_LANG = 0x1,		/* --lang L[,L...] */
	OPT_WIDTH = 0x2,	/* --width N */
	OPT_FORMAT = 0x4,	/* --format F */
	OPT_PIVOT = 0x8,	/* --pivot L */
	OPT_PRESEG = 0x10,	/* --presegmented */
	OPT_INPUT = 0x20,	/* --input-format F */
	OPT_THEME = 0x40,	/* --theme NAME */
	OPT_DATADIR = 0x80,	/* --data-dir DIR */
	OPT_LAYOUT = 0x100,	/* --layout NAME */
	OPT_LANGS = 0x200,	/* --langs L[,L...]: the versions to open */
	OPT_OFFLINE = 0x400,	/* --offline: URLs from the cache only */
	OPT_REFRESH = 0x800,	/* --refresh: URLs not from the cache */
	OPT_NOALT = 0x1000	/* --no-alternates */
};
/* The options of where versions come from; OPT_INPUT implies them. */
#define OPT_SOURCE	(OPT_LANGS | OPT_OFFLINE | OPT_REFRESH | OPT_NOALT)

struct cmd_opts {
	const char	*langs;
	int		 width;		/* 0: default */
	const char	*format;
	const char	*pivot;
	int		 presegmented;
	const char	*input_format;
	const char	*theme;
	const char	*data_dir;
	const char	*layout;
	const char	*pick;		/* --langs */
	int		 offline;
	int		 refresh;
	int		 no_alternates;
	int		 discover;	/* a single operand opens the versions
					   it declares: commands that take
					   several versions (with OPT_PIVOT) */
};

/*
 * Parse the options of command name (allowed: a mask of OPT_*; a command
 * that opens articles, with OPT_INPUT, takes OPT_SOURCE too). Returns the
 * index of the first operand, or -1 after printing an error; -2 when --help
 * was printed.
 */
int	cmd_parse(int argc, char **argv, const char *name, int allowed,
	    const char *usage, struct cmd_opts *);
/* Open the article named by the operands, reporting errors; 0 or -1. */
int	cmd_open(struct article *, char **paths, size_t n,
	    const struct cmd_opts *);

int	cmd_dump(int argc, char **argv);
int	cmd_extract(int argc, char **argv);
int	cmd_sentences(int argc, char **argv);
int	cmd_align(int argc, char **argv);
int	cmd_quotes(int argc, char **argv);
int	cmd_library(int argc, char **argv);
int	cmd_notes(int argc, char **argv);
int	cmd_spell(int argc, char **argv);

struct alignment;
/*
 * Write the versions of an article as text columns of total width to f
 * (one version: the article alone at width). With an alignment, its beads
 * start level across the columns; without, the paragraphs do.
 */
void	dump_article(FILE *f, const struct article *,
	    const struct alignment *, int width);
/* Align the versions (pivot: a language or NULL) and dump them; 0 or -1. */
int	dump_aligned(FILE *f, const struct article *, const char *pivot,
	    int width);

#endif
