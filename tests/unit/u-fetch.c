/*
 * Unit tests for issue 9 without the network: URLs (normalising, resolving
 * links against a page), Content-Type values, language switchers and
 * translation discovery on EN/FR/RU pages, and the page cache.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#include "cache.h"
#include "discover.h"
#include "fetch.h"
#include "load.h"

/* Assert that f(args) gives want (NULL: gives NULL), freeing the result. */
static void
check_str(char *got, const char *want, const char *what)
{
	if (want == NULL) {
		if (got != NULL)
			fail_msg("%s: got '%s', want NULL", what, got);
		return;
	}
	if (got == NULL)
		fail_msg("%s: got NULL, want '%s'", what, want);
	assert_str(got, want);
	free(got);
}

static void
test_normalize(void **state)
{
	check_str(fetch_normalize("HTTP://Courier.EXAMPLE:80/en/2025/cable#top"),
	    "http://courier.example/en/2025/cable", "scheme, host, port");
	check_str(fetch_normalize("https://courier.example:443/fr/"),
	    "https://courier.example/fr/", "https default port");
	check_str(fetch_normalize("http://127.0.0.1:8080/ru?id=7"),
	    "http://127.0.0.1:8080/ru?id=7", "port and query kept");
	check_str(fetch_normalize("ftp://courier.example/en"), NULL, "ftp");
	check_str(fetch_normalize("file:///etc/passwd"), NULL, "file");
	check_str(fetch_normalize("http://127.0.0.1:99999/"), NULL,
	    "bad port");
	check_str(fetch_normalize("http://exa\001mple.org/"), NULL,
	    "control character");
	assert_true(fetch_is_url("http://x.org/"));
	assert_true(fetch_is_url("HTTPS://x.org/"));
	assert_false(fetch_is_url("ftp://x.org/"));
	assert_false(fetch_is_url("data/sample/commentary.en.html"));
}

static void
test_resolve(void **state)
{
	const char	*base = "https://courier.example/en/2025/cable-car";

	check_str(fetch_resolve(base, "../../fr/2025/telepherique"),
	    "https://courier.example/fr/2025/telepherique", "dot-dot");
	check_str(fetch_resolve(base, "kanatnaya-doroga"),
	    "https://courier.example/en/2025/kanatnaya-doroga", "relative");
	check_str(fetch_resolve(base, "/ru/2025/kanatnaya-doroga"),
	    "https://courier.example/ru/2025/kanatnaya-doroga",
	    "root-relative");
	check_str(fetch_resolve(base, "//ru.courier.example/2025/doroga"),
	    "https://ru.courier.example/2025/doroga", "scheme-relative");
	check_str(fetch_resolve(base, "http://FR.courier.example/x#y"),
	    "http://fr.courier.example/x", "absolute, other host");
	check_str(fetch_resolve(base, "  /fr/a b  "),
	    "https://courier.example/fr/a%20b", "white space");
	check_str(fetch_resolve(base, "#comments"),
	    "https://courier.example/en/2025/cable-car", "fragment only");
	check_str(fetch_resolve(base, "file:///etc/passwd"), NULL, "file:");
	check_str(fetch_resolve(base, "javascript:alert(1)"), NULL,
	    "javascript:");
	check_str(fetch_resolve(base, "mailto:desk@courier.example"), NULL,
	    "mailto:");
	check_str(fetch_resolve(base, "ftp://courier.example/ru"), NULL,
	    "ftp:");
	check_str(fetch_resolve(base, "/fr/\001"), NULL, "control");
	check_str(fetch_resolve("/tmp/a.html", "fr.html"), NULL,
	    "a path is no base");
}

static void
test_content_type(void **state)
{
	assert_true(fetch_type_is_html("text/html"));
	assert_true(fetch_type_is_html("Text/HTML; charset=UTF-8"));
	assert_true(fetch_type_is_html(" application/xhtml+xml ;q=1"));
	assert_false(fetch_type_is_html("text/htmlx"));
	assert_false(fetch_type_is_html("text/plain; charset=utf-8"));
	assert_false(fetch_type_is_html("image/png"));
	assert_false(fetch_type_is_html(""));

	check_str(fetch_type_charset("text/html; charset=windows-1251"),
	    "windows-1251", "plain");
	check_str(fetch_type_charset("text/html;CHARSET=\"KOI8-R\""),
	    "KOI8-R", "quoted, upper case");
	check_str(fetch_type_charset("text/html; format=x; charset = utf-8"),
	    "utf-8", "second parameter, spaces");
	check_str(fetch_type_charset("text/html"), NULL, "none");
	check_str(fetch_type_charset("text/html; charset="), NULL, "empty");
	check_str(fetch_type_charset("text/html; charset=utf-8\r\nX-A: b"),
	    "utf-8", "cut at the first odd character");
	check_str(fetch_type_charset("text/html; charset=<script>"), NULL,
	    "not a name");
}

/* The languages of the switcher links of html, joined with commas. */
static char *
switcher_langs(const char *html)
{
	struct discover_link	*links;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 n, i;

	n = discover_switcher(html, strlen(html), &links);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addch(&sb, ',');
		strbuf_addstr(&sb, links[i].lang);
		strbuf_addch(&sb, '=');
		strbuf_addstr(&sb, links[i].href);
	}
	discover_links_free(links, n);
	return (strbuf_detach(&sb, NULL));
}

static void
test_switcher(void **state)
{
	check_str(switcher_langs("<div><a href=\"/en/\">EN</a> | "
	    "<a href=\"/fr/\">FR</a> | <a href=\"/ru/\">RU</a></div>"),
	    "en=/en/,fr=/fr/,ru=/ru/", "codes");
	check_str(switcher_langs("<ul><li><a href=e>English</a></li>"
	    "<li><a href=f>Français</a></li><li><a href=r>Русский</a></li>"
	    "<li><a href=d>deutsch</a></li></ul>"),
	    "en=e,fr=f,ru=r,de=d", "names in list items");
	check_str(switcher_langs("<p><b>EN</b>&nbsp;|&nbsp;<a href=fr.html>"
	    "FR</a></p>"), "fr=fr.html", "the current one unlinked");
	check_str(switcher_langs("<div>ENG · <a href=f>FRA</a> · "
	    "<a href=r>RUS</a></div>"), "fr=f,ru=r", "three-letter codes");
	check_str(switcher_langs("<nav><a href=/news>News</a> "
	    "<a href=/it>IT</a></nav><div><a href=/en>EN</a> | "
	    "<a href=/ru>RU</a></div>"), "en=/en,ru=/ru",
	    "IT in the menu is not in the switcher");
	check_str(switcher_langs("<footer><p>Read our <a href=/de/>Deutsch"
	    "</a> edition and <a href=/news>more news</a>.</p></footer>"), "",
	    "a lone language name in a sentence");
	check_str(switcher_langs("<p><a href=a>English</a> "
	    "<a href=b>English</a></p>"), "", "one language twice");
	check_str(switcher_langs("<p><a href=n>New</a> | <a href=t>Top</a> "
	    "| <a href=o>Old</a></p>"), "", "words that look like codes");
	check_str(switcher_langs("<p>Cette page existe <a hreflang=\"ru-RU\" "
	    "href=\"/ru/\">на русском языке</a>.</p>"), "ru=/ru/",
	    "an hreflang attribute on an anchor");
	check_str(switcher_langs("<p><a href=\"\">EN</a> <a>FR</a></p>"), "",
	    "no href");
}

/* A page with hreflang alternates for en, fr and x-default. */
static const char page_fr[] =
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
    "<title>Le téléphérique rouvre</title>"
    "<link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/telepherique\">"
    "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"/en/cable-car\">"
    "<link rel=\"alternate\" hreflang=\"x-default\" href=\"/\">"
    "</head><body><header><div class=\"langs\"><a href=\"/en/x\">EN</a> | "
    "<a href=\"/fr/telepherique\">FR</a> | <a href=\"/ru/doroga\">RU</a>"
    "</div></header><article><h1>Le téléphérique du Pic Blanc rouvre "
    "après deux ans de travaux</h1><p>Le téléphérique qui relie la "
    "commune de Saint-Aurel au sommet du Pic Blanc a transporté ses "
    "premiers passagers vendredi matin, deux ans après sa fermeture pour "
    "réparations.</p><p>Les travaux ont coûté 18,5 millions d’euros, un "
    "tiers de plus que prévu.</p></article></body></html>";

static void
test_versions(void **state)
{
	struct discover_version	*v;
	struct doc		*d;
	char			*cause = NULL;
	size_t			 n;

	d = load_buffer("fr.html", page_fr, strlen(page_fr), NULL, &cause);
	if (d == NULL)
		fail_msg("%s", cause);
	assert_str(d->lang, "fr");
	/* The loader read both on its one parse of the page. */
	n = discover_versions(d, &v);
	/* hreflang first (en-GB is en), then RU from the switcher. */
	assert_int_equal(n, 2);
	assert_str(v[0].lang, "en");
	assert_str(v[0].href, "/en/cable-car");
	assert_false(v[0].from_switcher);
	assert_str(v[1].lang, "ru");
	assert_str(v[1].href, "/ru/doroga");
	assert_true(v[1].from_switcher);
	discover_versions_free(v, n);
	doc_free(d);
}

/* A page of many menu links: the switcher is still found, quickly. */
static void
test_switcher_many_links(void **state)
{
	static const char *const	 words[] = {
		"Politics", "Economy", "Culture", "Sport", "Weather", "Science",
		"Politique", "Économie", "Погода", "Спорт", "Opinion", "Video"
	};
	struct strbuf			 sb = STRBUF_INIT;
	struct timespec			 t0, t1;
	char				*got;
	size_t				 i;
	double				 secs;

	strbuf_addstr(&sb, "<html><body><div><a href=/en>EN</a> | "
	    "<a href=/fr>FR</a> | <a href=/ru>RU</a></div><ul>");
	for (i = 0; i < 20000; i++)
		strbuf_addf(&sb, "<li><a href=/s/%zu>%s</a></li>", i,
		    words[i % nitems(words)]);
	strbuf_addstr(&sb, "</ul></body></html>");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	got = switcher_langs(sb.buf);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_str(got, "en=/en,fr=/fr,ru=/ru");
	free(got);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (secs > 2.0)
		fail_msg("20000 links took %.2f s", secs);
	strbuf_release(&sb);
}

/* Point the cache at a new folder; returns its path. */
static char *
cache_setup(void)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir;

	dir = xstrprintf("%s/u-fetch.XXXXXX", tmp != NULL ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		fail_msg("mkdtemp failed");
	setenv("XDG_CACHE_HOME", dir, 1);
	return (dir);
}

/*
 * The number of files in the cache folder under dir (temporary files
 * included); *first gets the path of one entry.
 */
static int
cache_files(const char *dir, char **first)
{
	char		*pages = xstrprintf("%s/polyread/pages", dir);
	DIR		*dp = opendir(pages);
	struct dirent	*de;
	int		 n = 0;

	if (first != NULL)
		*first = NULL;
	while (dp != NULL && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		n++;
		if (first != NULL && *first == NULL)
			*first = xstrprintf("%s/%s", pages, de->d_name);
	}
	if (dp != NULL)
		closedir(dp);
	free(pages);
	return (n);
}

static void
test_cache(void **state)
{
	struct cache_entry	 e, r;
	char			*dir, *cause = NULL, *path, *dirp;
	static const char	 body[] = "<p>Канатная дорога\0 снова открыта</p>";
	FILE			*f;
	struct stat		 sb;

	dir = cache_setup();
	memset(&e, 0, sizeof e);
	e.url = (char *)"http://127.0.0.1:8080/ru/doroga";
	e.final_url = (char *)"http://127.0.0.1:8080/ru/doroga/";
	e.etag = (char *)"W/\"ru-1\"";
	e.last_modified = (char *)"Fri, 14 Mar 2025 08:00:00 GMT";
	e.content_type = (char *)"text/html; charset=utf-8";
	e.fetched = 1741939200;
	e.data = (char *)body;
	e.len = sizeof body - 1;
	assert_int_equal(cache_write(&e, &cause), 0);
	assert_int_equal(cache_files(dir, NULL), 1);
	dirp = cache_dir(&cause);
	assert_non_null(dirp);
	assert_int_equal(stat(dirp, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	free(dirp);

	assert_int_equal(cache_read(e.url, &r, &cause), 1);
	assert_str(r.url, e.url);
	assert_str(r.final_url, e.final_url);
	assert_str(r.etag, e.etag);
	assert_str(r.last_modified, e.last_modified);
	assert_str(r.content_type, e.content_type);
	assert_int_equal(r.fetched, e.fetched);
	assert_int_equal(r.len, e.len);
	assert_memory_equal(r.data, body, e.len);
	cache_entry_release(&r);

	/* Another URL: not there. */
	assert_int_equal(cache_read("http://127.0.0.1:8080/fr/", &r, &cause),
	    0);
	/* A value with a newline is left out, never written raw. */
	e.etag = (char *)"\"a\"\nlength 0";
	assert_int_equal(cache_write(&e, &cause), 0);
	assert_int_equal(cache_read(e.url, &r, &cause), 1);
	assert_null(r.etag);
	assert_int_equal(r.len, e.len);
	cache_entry_release(&r);

	/* Cut short: corrupt, with a reason. */
	assert_int_equal(cache_files(dir, &path), 1);
	assert_non_null(path);
	assert_int_equal(truncate(path, 120), 0);
	assert_int_equal(cache_read(e.url, &r, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	/* Not an entry at all. */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("<html>not a cache entry</html>\n", f);
	fclose(f);
	assert_int_equal(cache_read(e.url, &r, &cause), -1);
	assert_str(cause, "not a polyread cache entry");
	free(cause);
	cause = NULL;
	/* Another URL with the same name (a hash collision) is a miss. */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("polyread-cache 1\nurl http://other.example/\nfetched 1\n"
	    "length 2\n\nok", f);
	fclose(f);
	assert_int_equal(cache_read(e.url, &r, &cause), 0);
	free(path);

	/* A rewrite leaves no temporary file behind. */
	e.etag = NULL;
	assert_int_equal(cache_write(&e, &cause), 0);
	assert_int_equal(cache_files(dir, NULL), 1);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_content_type),
		cmocka_unit_test(test_switcher),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_switcher_many_links),
		cmocka_unit_test(test_cache),
	};

	return (cmocka_run_group_tests_name("fetch", tests, NULL, NULL));
}
