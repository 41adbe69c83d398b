/*
 * Option parsing and article opening shared by the commands.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "cmd.h"

/* getopt values of the long options without a letter (issue 9). */
enum {
	CMD_LANGS = 0x100,
	CMD_OFFLINE,
	CMD_REFRESH,
	CMD_NOALT
};

int
cmd_parse(int argc, char **argv, const char *name, int allowed,
    const char *usage, struct cmd_opts *o)
{
	static const struct option	 longopts[] = {
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
	int				 c, bit, idx = -1;
	char				*end, optname[32];
	long				 v;

	memset(o, 0, sizeof *o);
	o->discover = (allowed & OPT_PIVOT) != 0;
	if (allowed & OPT_INPUT)
		allowed |= OPT_SOURCE;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hl:w:", longopts, &idx)) != -1) {
		/* The option as given (argv[optind - 1] may be its value). */
		if (idx >= 0)
			snprintf(optname, sizeof optname, "--%s",
			    longopts[idx].name);
		else
			snprintf(optname, sizeof optname, "-%c", c);
		idx = -1;
		switch (c) {
		case 'l': bit = OPT_LANG; break;
		case 'w': bit = OPT_WIDTH; break;
		case 'f': bit = OPT_FORMAT; break;
		case 'p': bit = OPT_PIVOT; break;
		case 'P': bit = OPT_PRESEG; break;
		case 'i': bit = OPT_INPUT; break;
		case 't': bit = OPT_THEME; break;
		case 'd': bit = OPT_DATADIR; break;
		case 'L': bit = OPT_LAYOUT; break;
		case CMD_LANGS: bit = OPT_LANGS; break;
		case CMD_OFFLINE: bit = OPT_OFFLINE; break;
		case CMD_REFRESH: bit = OPT_REFRESH; break;
		case CMD_NOALT: bit = OPT_NOALT; break;
		case 'h':
			fputs(usage, stdout);
			return (-2);
		default:
			if (optopt != 0 && optopt < 128 &&
			    strchr("lw", optopt) != NULL)
				error_msg("%s: option '-%c' needs an argument "
				    "(see --help)", name, optopt);
			else if (optopt != 0 && optopt < 128)
				error_msg("%s: unknown option '-%c' (see "
				    "--help)", name, optopt);
			else
				error_msg("%s: unknown option or missing "
				    "argument in '%s' (see --help)", name,
				    argv[optind - 1]);
			return (-1);
		}
		if ((allowed & bit) == 0) {
			error_msg("%s: option '%s' does not apply here", name,
			    optname);
			return (-1);
		}
		switch (c) {
		case 'l':
			o->langs = optarg;
			break;
		case 'w':
			v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 10 ||
			    v > 10000) {
				error_msg("%s: bad width '%s' (10 to 10000)",
				    name, optarg);
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
	}
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

