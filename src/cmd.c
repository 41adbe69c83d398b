/*
 * Option parsing and article opening shared by the commands.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "cmd.h"
#include "safe.h"

/* getopt values of the long options without a letter (issue 9). */
enum {
	CMD_LANGS = 0x100,
	CMD_OFFLINE,
	CMD_REFRESH,
	CMD_NOALT
};

static const struct option cmd_longopts[] = {
	{ "lang", required_argument, NULL, 'l' },
	{ "width", required_argument, NULL, 'w' },
	{ "format", required_argument, NULL, 'f' },
	{ "pivot", required_argument, NULL, 'p' },
	{ "presegmented", no_argument, NULL, 'P' },
	{ "input-format", required_argument, NULL, 'i' },
	{ "theme", required_argument, NULL, 't' },
	{ "data-dir", required_argument, NULL, 'd' },
	{ "layout", required_argument, NULL, 'L' },
	{ "langs", required_argument, NULL, CMD_LANGS },
	{ "offline", no_argument, NULL, CMD_OFFLINE },
	{ "refresh", no_argument, NULL, CMD_REFRESH },
	{ "no-alternates", no_argument, NULL, CMD_NOALT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* The OPT_* bit of each getopt value: which commands take the option. */
static const struct {
	int	c;
	int	bit;
} cmd_bits[] = {
	{ 'l', OPT_LANG }, { 'w', OPT_WIDTH }, { 'f', OPT_FORMAT },
	{ 'p', OPT_PIVOT }, { 'P', OPT_PRESEG }, { 'i', OPT_INPUT },
	{ 't', OPT_THEME }, { 'd', OPT_DATADIR }, { 'L', OPT_LAYOUT },
	{ CMD_LANGS, OPT_LANGS }, { CMD_OFFLINE, OPT_OFFLINE },
	{ CMD_REFRESH, OPT_REFRESH }, { CMD_NOALT, OPT_NOALT }
};

/* The last --lang list normalised (cmd_opts.langs points to it). */
static char	*cmd_langs;

/*
 * Check and normalise --lang's list: each language a tag lang_normalize()
 * takes ("pt-BR" is pt); -1 with a message naming the first that is not.
 */
static int
cmd_check_langs(struct cmd_opts *o, const char *name)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p = o->langs, *q;
	char		*one, *norm, *esc;

	for (;;) {
		q = p + strcspn(p, ",");
		one = xstrndup(p, (size_t)(q - p));
		if ((norm = lang_normalize(one)) == NULL) {
			esc = safe_strdup(one);
			error_msg("%s: bad language '%s' in --lang (a tag such "
			    "as en, fr or pt-BR)", name, esc);
			free(esc);
			free(one);
			strbuf_release(&sb);
			return (-1);
		}
		strbuf_addstr(&sb, sb.len > 0 ? "," : "");
		strbuf_addstr(&sb, norm);
		free(norm);
		free(one);
		if (*q == '\0')
			break;
		p = q + 1;
	}
	free(cmd_langs);
	cmd_langs = strbuf_detach(&sb, NULL);
	o->langs = cmd_langs;
	return (0);
}

/* Say what is wrong with the option getopt did not take. */
static void
cmd_bad_option(const char *name, char **argv)
{
	if (optopt != 0 && optopt < 128 && strchr("lw", optopt) != NULL)
		error_msg("%s: option '-%c' needs an argument (see --help)",
		    name, optopt);
	else if (optopt != 0 && optopt < 128)
		error_msg("%s: unknown option '-%c' (see --help)", name,
		    optopt);
	else
		error_msg("%s: unknown option or missing argument in '%s' "
		    "(see --help)", name, argv[optind - 1]);
}

/* Set the option of getopt value c; -1 when its value is bad. */
static int
cmd_set(struct cmd_opts *o, int c, const char *name)
{
	char	*end;
	long	 v;

	switch (c) {
	case 'l':
		o->langs = optarg;
		break;
	case 'w':
		v = strtol(optarg, &end, 10);
		if (*optarg == '\0' || *end != '\0' || v < 10 || v > 10000) {
			error_msg("%s: bad width '%s' (10 to 10000)", name,
			    optarg);
			return (-1);
		}
		o->width = (int)v;
		break;
	case 'f':
		o->format = optarg;
		break;
	case 'p':
		o->pivot = optarg;
		break;
	case 'P':
		o->presegmented = 1;
		break;
	case 'i':
		o->input_format = optarg;
		break;
	case 't':
		o->theme = optarg;
		break;
	case 'd':
		o->data_dir = optarg;
		break;
	case 'L':
		o->layout = optarg;
		break;
	case CMD_LANGS:
		o->pick = optarg;
		break;
	case CMD_OFFLINE:
		o->offline = 1;
		break;
	case CMD_REFRESH:
		o->refresh = 1;
		break;
	case CMD_NOALT:
		o->no_alternates = 1;
		break;
	}
	return (0);
}

int
cmd_parse(int argc, char **argv, const char *name, int allowed,
    const char *usage, struct cmd_opts *o)
{
	int	c, idx = -1;
	size_t	i;
	char	optname[32];

	memset(o, 0, sizeof *o);
	o->discover = (allowed & OPT_PIVOT) != 0;
	if (allowed & OPT_INPUT)
		allowed |= OPT_SOURCE;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hl:w:", cmd_longopts,
	    &idx)) != -1) {
		/* The option as given (argv[optind - 1] may be its value). */
		if (idx >= 0)
			snprintf(optname, sizeof optname, "--%s",
			    cmd_longopts[idx].name);
		else
			snprintf(optname, sizeof optname, "-%c", c);
		idx = -1;
		if (c == 'h') {
			fputs(usage, stdout);
			return (-2);
		}
		for (i = 0; i < nitems(cmd_bits) && cmd_bits[i].c != c; i++)
			/* nothing */;
		if (i == nitems(cmd_bits)) {
			cmd_bad_option(name, argv);
			return (-1);
		}
		if ((allowed & cmd_bits[i].bit) == 0) {
			error_msg("%s: option '%s' does not apply here", name,
			    optname);
			return (-1);
		}
		if (cmd_set(o, c, name) != 0)
			return (-1);
	}
	if (o->langs != NULL && cmd_check_langs(o, name) != 0)
		return (-1);
	if (o->offline && o->refresh) {
		error_msg("%s: --offline and --refresh do not go together",
		    name);
		return (-1);
	}
	return (optind);
}

int
cmd_open(struct article *a, char **paths, size_t n, const struct cmd_opts *o)
{
	struct article_opts	 ao;
	char			*cause = NULL, names[128];

	memset(&ao, 0, sizeof ao);
	ao.langs = o->langs;
	ao.presegmented = o->presegmented;
	ao.format = o->input_format;
	ao.pick = o->pick;
	ao.offline = o->offline;
	ao.refresh = o->refresh;
	ao.no_alternates = o->no_alternates || !o->discover;
	ao.warm = align_warm;	/* two versions or more: aligned */
	if (ao.format != NULL && load_find(ao.format) == NULL) {
		load_format_names(names, sizeof names);
		return (error_msg("unknown input format '%s' (%s)", ao.format,
		    names));
	}
	if (o->presegmented && ao.format == NULL)
		ao.format = "text";
	if (article_open(a, paths, n, &ao, &cause) != 0) {
		error_msg("%s", cause);
		free(cause);
		return (-1);
	}
	return (0);
}

