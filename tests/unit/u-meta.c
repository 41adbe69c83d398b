/*
 * Unit tests: the metadata a web page states (html-meta.c), one source at
 * a time on small excerpts written like real pages (English, French,
 * Russian), then the choice between sources, broken and hostile JSON-LD,
 * and the dates.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "unit.h"
#include "html-meta.h"

/* Parse a page as the loader does and read its metadata into m. */
static void
read_page(const char *html, struct html_meta *m)
{
	htmlDocPtr	doc;

	doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	    HTML_PARSE_NOERROR|HTML_PARSE_NOWARNING|HTML_PARSE_RECOVER|
	    HTML_PARSE_NONET);
	assert_non_null(doc);
	html_meta_read(xmlDocGetRootElement(doc), m);
	xmlFreeDoc(doc);
}

/* Read a JSON-LD text alone into a cleared m; returns what it returns. */
static int
read_jsonld(const char *json, struct html_meta *m)
{
	memset(m, 0, sizeof *m);
	return (html_meta_jsonld(json, strlen(json), m));
}

/* Assert html_meta_iso_date(in) gives want (NULL: refused). */
static void
check_date(const char *in, const char *want)
{
	const char	*shown = in != NULL ? in : "NULL";
	char		*got = html_meta_iso_date(in);

	if (want == NULL) {
		if (got != NULL)
			print_message("# %s -> %s\n", shown, got);
		assert_null(got);
		return;
	}
	if (got == NULL)
		print_message("# %s refused\n", shown);
	assert_non_null(got);
	assert_str(got, want);
	free(got);
}

/* A Le Monde-style page: OpenGraph tags and a NewsArticle with authors. */
static void
test_fr_opengraph_jsonld(void **state)
{
	static const char page[] =
	    "<!DOCTYPE html><html lang=\"fr\"><head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<title>Au Sahel, la saison des pluies inqui\xc3\xa8te les "
	    "agriculteurs\n   </title>\n"
	    "<meta property=\"og:title\" content=\"Au Sahel, la saison des "
	    "pluies inqui\xc3\xa8te\">\n"
	    "<meta property=\"og:description\" content=\"Les premi\xc3\xa8res "
	    "averses sont arriv\xc3\xa9""es avec trois semaines de "
	    "retard.\">\n"
	    "<meta property=\"og:site_name\" content=\"Le Monde.fr\">\n"
	    "<meta property=\"og:url\" content=\"https://www.lemonde.fr/"
	    "afrique/article/2024/07/12/sahel_123.html\">\n"
	    "<meta property=\"og:locale\" content=\"fr_FR\">\n"
	    "<meta property=\"article:published_time\" "
	    "content=\"2024-07-12T06:00:12+02:00\">\n"
	    "<link rel=\"canonical\" href=\"https://www.lemonde.fr/afrique/"
	    "article/2024/07/12/sahel_123.html\">\n"
	    "<script type=\"application/ld+json\">{\n"
	    "  \"@context\": \"https://schema.org\",\n"
	    "  \"@type\": \"NewsArticle\",\n"
	    "  \"headline\": \"Au Sahel, la saison des pluies "
	    "inqui\xc3\xa8te les agriculteurs\",\n"
	    "  \"description\": \"Les premi\xc3\xa8res averses sont "
	    "arriv\xc3\xa9""es avec trois semaines de retard.\",\n"
	    "  \"datePublished\": \"2024-07-12T06:00:12+02:00\",\n"
	    "  \"dateModified\": \"2024-07-12T10:41:03+02:00\",\n"
	    "  \"articleSection\": \"Afrique\",\n"
	    "  \"author\": [\n"
	    "    {\"@type\": \"Person\", \"name\": \"Marie Dupont\"},\n"
	    "    {\"@type\": \"Person\", \"name\": \"Jean-Luc "
	    "Lef\xc3\xa8vre\", \"url\": \"https://www.lemonde.fr/signataires/"
	    "jean-luc-lefevre/\"}\n"
	    "  ],\n"
	    "  \"publisher\": {\"@type\": \"Organization\", \"name\": "
	    "\"Le Monde\", \"logo\": {\"@type\": \"ImageObject\", \"url\": "
	    "\"https://www.lemonde.fr/logo.png\"}}\n"
	    "}</script>\n"
	    "</head><body><article><h1>Au Sahel, la saison des pluies "
	    "inqui\xc3\xa8te les agriculteurs</h1><p>Texte.</p></article>"
	    "</body></html>\n";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	/* JSON-LD's headline over og:title. */
	assert_str(m.title, "Au Sahel, la saison des pluies inqui\xc3\xa8te "
	    "les agriculteurs");
	assert_str(m.page_title, "Au Sahel, la saison des pluies "
	    "inqui\xc3\xa8te les agriculteurs");
	assert_str(m.subtitle, "Les premi\xc3\xa8res averses sont "
	    "arriv\xc3\xa9""es avec trois semaines de retard.");
	/* The publisher's name over og:site_name. */
	assert_str(m.site, "Le Monde");
	assert_str(m.published, "2024-07-12T06:00:12+02:00");
	assert_str(m.modified, "2024-07-12T10:41:03+02:00");
	assert_str(m.canonical, "https://www.lemonde.fr/afrique/article/"
	    "2024/07/12/sahel_123.html");
	/* <html lang> over og:locale. */
	assert_str(m.lang, "fr");
	assert_str(m.section, "Afrique");
	assert_str(m.type, "NewsArticle");
	assert_int_equal(m.nauthors, 2);
	assert_str(m.authors[0], "Marie Dupont");
	assert_str(m.authors[1], "Jean-Luc Lef\xc3\xa8vre");
	assert_null(m.body);
	html_meta_free(&m);
	assert_null(m.title);
	assert_int_equal(m.nauthors, 0);
}

/*
 * A Russian WordPress page (Yoast): an @graph where the article names its
 * author and publisher by "@id" only, and the language is only in JSON-LD.
 */
static void
test_ru_graph(void **state)
{
	static const char page[] =
	    "<html><head><title>\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd1"
	    "\x82\xd0\xb8</title>\n"
	    "<script type=\"application/ld+json\" class=\"yoast-schema-graph\">"
	    "{\"@context\":\"https://schema.org\",\"@graph\":[\n"
	    "{\"@type\":\"WebSite\",\"@id\":\"https://example.ru/#website\","
	    "\"url\":\"https://example.ru/\",\"name\":\"\xd0\x93\xd0\xb0\xd0"
	    "\xb7\xd0\xb5\xd1\x82\xd0\xb0.ru\",\"inLanguage\":\"ru-RU\"},\n"
	    "{\"@type\":\"WebPage\",\"@id\":\"https://example.ru/news/123/\","
	    "\"url\":\"https://example.ru/news/123/\",\"name\":\"\xd0\x9d\xd0"
	    "\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8\",\"inLanguage\":"
	    "\"ru-RU\"},\n"
	    "{\"@type\":\"NewsArticle\",\"@id\":\"https://example.ru/news/123/"
	    "#article\",\"isPartOf\":{\"@id\":\"https://example.ru/news/123/\"},"
	    "\"author\":{\"@id\":\"https://example.ru/#/schema/person/42\"},"
	    "\"headline\":\"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 "
	    "\xd0\xb3\xd0\xbe\xd1\x82\xd0\xbe\xd0\xb2\xd0\xb8\xd1\x82\xd1\x81"
	    "\xd1\x8f \xd0\xba \xd0\xbb\xd0\xb8\xd0\xb2\xd0\xbd\xd1\x8f\xd0\xbc"
	    "\",\"datePublished\":\"2024-07-12T09:30:00+03:00\","
	    "\"mainEntityOfPage\":{\"@id\":\"https://example.ru/news/123/\"},"
	    "\"publisher\":{\"@id\":\"https://example.ru/#organization\"},"
	    "\"articleSection\":[\"\xd0\x9e\xd0\xb1\xd1\x89\xd0\xb5\xd1\x81\xd1"
	    "\x82\xd0\xb2\xd0\xbe\",\"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2"
	    "\xd0\xb0\"],\"inLanguage\":\"ru-RU\"},\n"
	    "{\"@type\":\"Organization\",\"@id\":\"https://example.ru/"
	    "#organization\",\"name\":\"\xd0\x93\xd0\xb0\xd0\xb7\xd0\xb5\xd1"
	    "\x82\xd0\xb0\"},\n"
	    "{\"@type\":\"Person\",\"@id\":\"https://example.ru/#/schema/"
	    "person/42\",\"name\":\"\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd "
	    "\xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2\","
	    "\"url\":\"https://example.ru/author/ivan/\"}\n"
	    "]}</script></head><body><p>\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1"
	    "\x82</p></body></html>";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	assert_str(m.title, "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 "
	    "\xd0\xb3\xd0\xbe\xd1\x82\xd0\xbe\xd0\xb2\xd0\xb8\xd1\x82\xd1\x81"
	    "\xd1\x8f \xd0\xba \xd0\xbb\xd0\xb8\xd0\xb2\xd0\xbd\xd1\x8f\xd0\xbc");
	assert_str(m.type, "NewsArticle");
	assert_int_equal(m.nauthors, 1);
	/* Иван Петров, found by the "@id" of the article's author. */
	assert_str(m.authors[0], "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd "
	    "\xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2");
	assert_str(m.published, "2024-07-12T09:30:00+03:00");
	assert_null(m.modified);
	/* The publisher's "@id" resolved, over the WebSite's name. */
	assert_str(m.site, "\xd0\x93\xd0\xb0\xd0\xb7\xd0\xb5\xd1\x82\xd0\xb0");
	assert_str(m.lang, "ru-RU");
	assert_str(m.canonical, "https://example.ru/news/123/");
	/* The first of the sections. */
	assert_str(m.section, "\xd0\x9e\xd0\xb1\xd1\x89\xd0\xb5\xd1\x81\xd1"
	    "\x82\xd0\xb2\xd0\xbe");
	assert_str(m.page_title, "\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81"
	    "\xd1\x82\xd0\xb8");
	html_meta_free(&m);
}

/* An English page whose only metadata is itemprop microdata. */
static void
test_en_microdata(void **state)
{
	static const char page[] =
	    "<html><head><title>Storm hits coast | The Daily Ledger</title>"
	    "</head><body>\n"
	    "<svg><title>Share on Facebook</title></svg>\n"
	    "<article itemscope itemtype=\"https://schema.org/NewsArticle\">\n"
	    "<h1 itemprop=\"headline\">Storm hits the coast\n  overnight</h1>\n"
	    "<p class=\"byline\">\n"
	    " <span itemprop=\"author\" itemscope "
	    "itemtype=\"https://schema.org/Person\">\n"
	    "  <a itemprop=\"url\" href=\"/staff/jane-doe\">"
	    "<span itemprop=\"name\">Jane Doe</span></a>\n"
	    "  <span itemprop=\"affiliation\" itemscope><span itemprop=\"name\">"
	    "Weather Desk</span></span></span>\n"
	    " and <span itemprop=\"author\">By John Roe</span>\n"
	    " <time itemprop=\"datePublished\" datetime=\"2024-07-12 "
	    "09:30:00\">July 12, 2024</time>\n"
	    " <time itemprop=\"dateModified\">July 13, 2024</time>\n"
	    "</p>\n"
	    "<div itemprop=\"publisher\" itemscope "
	    "itemtype=\"https://schema.org/Organization\">\n"
	    " <div itemprop=\"logo\" itemscope><meta itemprop=\"url\" "
	    "content=\"https://ledger.example/logo.png\"></div>\n"
	    " <meta itemprop=\"name\" content=\"The Daily Ledger\"></div>\n"
	    "<div itemprop=\"articleBody\"><p>Winds of 120 km/h.</p></div>\n"
	    "</article></body></html>";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	assert_str(m.title, "Storm hits the coast overnight");
	/* The <title> of the page, not the <svg>'s. */
	assert_str(m.page_title, "Storm hits coast | The Daily Ledger");
	assert_int_equal(m.nauthors, 2);
	/* The author's own name, not the name of the item inside it. */
	assert_str(m.authors[0], "Jane Doe");
	/* No itemprop=name: the text, without "By ". */
	assert_str(m.authors[1], "John Roe");
	assert_str(m.published, "2024-07-12T09:30:00");
	/* Not a machine date: kept as stated. */
	assert_str(m.modified, "July 13, 2024");
	assert_str(m.site, "The Daily Ledger");
	assert_null(m.type);
	assert_null(m.lang);
	assert_null(m.canonical);
	html_meta_free(&m);
}

/* A plain page: a <title>, <meta name=author> and a date, nothing else. */
static void
test_title_meta_only(void **state)
{
	static const char page[] =
	    "<html><head>\n"
	    "<title>\n   Notes on the\t\tCommune   of Paris \n</title>\n"
	    "<meta name=\"Author\" content=\"  Louise   Michel \">\n"
	    "<meta name=\"author\" content=\"louise michel\">\n"
	    "<meta name=\"description\" content=\"A memoir, 1871.\">\n"
	    "<meta name=\"date\" content=\"2024/07/12\">\n"
	    "<meta http-equiv=\"Content-Language\" content=\"en-GB\">\n"
	    "</head><body><p>Text.</p>"
	    "<time datetime=\"2023-01-01\">last year</time></body></html>";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	/* <title> is page_title only: the caller cleans it into a title. */
	assert_null(m.title);
	assert_str(m.page_title, "Notes on the Commune of Paris");
	/* The same name twice (case aside) is one author. */
	assert_int_equal(m.nauthors, 1);
	assert_str(m.authors[0], "Louise Michel");
	assert_str(m.subtitle, "A memoir, 1871.");
	/* <meta name=date> over the <time> of the page. */
	assert_str(m.published, "2024-07-12");
	assert_str(m.lang, "en-GB");
	assert_null(m.site);
	assert_null(m.type);
	html_meta_free(&m);
}

/* The <meta> sources among themselves, whatever their order in the page. */
static void
test_meta_precedence(void **state)
{
	static const char page[] =
	    "<html><head>\n"
	    "<meta name=\"twitter:title\" content=\"Twitter headline\">\n"
	    "<meta name=\"dc.title\" content=\"DC headline\">\n"
	    "<meta property=\"og:title\" content=\"OG headline\">\n"
	    "<meta name=\"twitter:description\" content=\"Twitter deck\">\n"
	    "<meta property=\"og:description\" content=\"OG deck\">\n"
	    "<meta name=\"application-name\" content=\"Gazette App\">\n"
	    "<meta name=\"parsely-pub-date\" content=\"2024-07-10\">\n"
	    "<meta name=\"pubdate\" content=\"20240711\">\n"
	    "<meta property=\"og:updated_time\" content=\"2024-07-13T08:00Z\">\n"
	    "<meta property=\"article:section\" content=\"Culture\">\n"
	    "<meta property=\"og:url twitter:url\" "
	    "content=\"https://gazette.example/a\">\n"
	    "<meta property=\"og:locale\" content=\"fr_CA\">\n"
	    "<meta property=\"article:author\" "
	    "content=\"https://www.facebook.com/gazette\">\n"
	    "<meta name=\"byl\" content=\"By Am\xc3\xa9lie Tremblay\">\n"
	    "<meta name=\"dc.creator\" content=\"Paul Gagnon\">\n"
	    "</head><body></body></html>";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	assert_str(m.title, "OG headline");
	assert_str(m.subtitle, "OG deck");
	assert_str(m.site, "Gazette App");
	/* pubdate ranks over parsely-pub-date. */
	assert_str(m.published, "2024-07-11");
	assert_str(m.modified, "2024-07-13T08:00Z");
	assert_str(m.section, "Culture");
	/* A property listing two names: og:url is one of them. */
	assert_str(m.canonical, "https://gazette.example/a");
	assert_str(m.lang, "fr-CA");
	/* The profile URL is not a name; "By " goes. */
	assert_int_equal(m.nauthors, 2);
	assert_str(m.authors[0], "Am\xc3\xa9lie Tremblay");
	assert_str(m.authors[1], "Paul Gagnon");
	html_meta_free(&m);
}

/*
 * Broken JSON-LD as sites ship it: inside an HTML comment with a raw
 * newline in a string and a trailing comma; inside CDATA markers.
 */
static void
test_broken_jsonld(void **state)
{
	static const char page[] =
	    "<html><head><script type=\" Application/LD+JSON \">\n"
	    "<!--\n"
	    "{\"@context\": \"http://schema.org\", \"@type\": \"BlogPosting\",\n"
	    " \"headline\": \"Why my bread\n  never rises\",\n"
	    " \"author\": \"Sam Baker\",\n"
	    " \"keywords\": [\"bread\", \"yeast\",],\n"
	    "}\n"
	    "-->\n"
	    "</script></head><body></body></html>";
	static const char cdata[] =
	    "//<![CDATA[\n{\"@type\": \"Article\", \"headline\": "
	    "\"Le pain\"}\n//]]>";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	assert_str(m.title, "Why my bread never rises");
	assert_str(m.type, "BlogPosting");
	assert_int_equal(m.nauthors, 1);
	assert_str(m.authors[0], "Sam Baker");
	html_meta_free(&m);

	assert_int_equal(read_jsonld(cdata, &m), 0);
	assert_str(m.title, "Le pain");
	assert_str(m.type, "Article");
	html_meta_free(&m);
}

/* JSON-LD that names no article gives no title, but the page's tags do. */
static void
test_jsonld_not_article(void **state)
{
	static const char page[] =
	    "<html><head>\n"
	    "<meta property=\"og:title\" content=\"Budget vote delayed\">\n"
	    "<script type=\"application/ld+json\">{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"BreadcrumbList\","
	    "\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,"
	    "\"name\":\"Politics\",\"item\":\"https://x.example/politics\"}]}"
	    "</script>\n"
	    "<script type=\"application/ld+json\">{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"Organization\",\"name\":"
	    "\"Example News\",\"url\":\"https://x.example/\"}</script>\n"
	    "</head><body></body></html>";
	static const char org[] =
	    "{\"@type\":\"Organization\",\"name\":\"Example News\"}";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	assert_str(m.title, "Budget vote delayed");
	assert_null(m.type);
	assert_null(m.site);
	assert_null(m.canonical);
	assert_int_equal(m.nauthors, 0);
	html_meta_free(&m);

	/* It is JSON: 0, and nothing taken. */
	assert_int_equal(read_jsonld(org, &m), 0);
	assert_null(m.title);
	assert_null(m.type);
	assert_null(m.site);
	html_meta_free(&m);
}

/* Authors that are URLs, too long, or the same name again are dropped. */
static void
test_authors_skipped(void **state)
{
	static const char json[] =
	    "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":["
	    "\"https://example.com/authors/jane\","
	    "{\"@type\":\"Person\",\"name\":\"Jane Doe\",\"url\":"
	    "\"https://example.com/authors/jane\"},"
	    "\"JANE DOE\","
	    "{\"@type\":\"Person\",\"name\":\"/authors/jdoe\"},"
	    "{\"@type\":\"Person\",\"url\":\"https://example.com/x\"},"
	    "{\"@type\":\"Person\",\"name\":\"\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd "
	    "\xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2\"},"
	    "\"\xd0\x98\xd0\x92\xd0\x90\xd0\x9d \xd0\x9f\xd0\x95\xd0\xa2\xd0\xa0"
	    "\xd0\x9e\xd0\x92\","
	    "{\"@type\":\"Organization\",\"name\":\"Reuters\"},"
	    "\"Xxxxxxxxxx Xxxxxxxxxx Xxxxxxxxxx Xxxxxxxxxx Xxxxxxxxxx "
	    "Xxxxxxxxxx Xxxxxxxxxx Xxxxxxxxxx Xxxxxxxxxx Xxxxxxxxxx\"]}";
	struct html_meta	m;

	(void)state;
	assert_int_equal(read_jsonld(json, &m), 0);
	assert_int_equal(m.nauthors, 3);
	assert_str(m.authors[0], "Jane Doe");
	/* ИВАН ПЕТРОВ is Иван Петров. */
	assert_str(m.authors[1], "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd "
	    "\xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2");
	assert_str(m.authors[2], "Reuters");
	html_meta_free(&m);
}

/* Which of several objects is the article. */
static void
test_several_articles(void **state)
{
	/* The one with a body over a longer headline, inside mainEntity. */
	static const char body[] =
	    "{\"@context\":\"https://schema.org\",\"@graph\":["
	    "{\"@type\":\"NewsArticle\",\"headline\":\"A much longer headline "
	    "of a related story\",\"url\":\"https://x.example/related\"},"
	    "{\"@type\":\"WebPage\",\"name\":\"Page\",\"mainEntity\":"
	    "{\"@type\":[\"Article\",\"NewsArticle\"],\"headline\":\"Short\","
	    "\"url\":\"https://x.example/short\","
	    "\"articleBody\":\"First paragraph &amp; more.\\n\\n  Second "
	    "paragraph.\\nSame one.\"}}]}";
	/* Without bodies: the mainEntity, then the longer headline. */
	static const char heads[] =
	    "[{\"@type\":\"Article\",\"headline\":\"Brief\"},"
	    "{\"@type\":\"Article\",\"headline\":\"The longer headline\"},"
	    "{\"@type\":\"WebPage\",\"name\":\"The longest name of all here\"}]";
	/* Only a WebPage: the last resort. */
	static const char page[] =
	    "{\"@type\":\"WebPage\",\"name\":\"About us\","
	    "\"inLanguage\":{\"@type\":\"Language\",\"name\":\"English\","
	    "\"alternateName\":\"en\"}}";
	struct html_meta	m;

	(void)state;
	assert_int_equal(read_jsonld(body, &m), 0);
	assert_str(m.title, "Short");
	assert_str(m.type, "Article");
	assert_str(m.canonical, "https://x.example/short");
	/* Entities decoded, paragraphs and lines kept. */
	assert_str(m.body, "First paragraph & more.\n\nSecond paragraph.\n"
	    "Same one.");
	html_meta_free(&m);

	assert_int_equal(read_jsonld(heads, &m), 0);
	assert_str(m.title, "The longer headline");
	assert_str(m.type, "Article");
	html_meta_free(&m);

	assert_int_equal(read_jsonld(page, &m), 0);
	assert_str(m.title, "About us");
	assert_str(m.type, "WebPage");
	assert_str(m.lang, "en");
	html_meta_free(&m);
}

/* A page's scripts: the best article wins whatever its script's place. */
static void
test_scripts_compete(void **state)
{
	static const char page[] =
	    "<html lang=\"en\"><head>\n"
	    "<script type=\"application/ld+json\">{\"@type\":\"WebSite\","
	    "\"name\":\"Tech Weekly\",\"url\":\"https://tw.example/\"}</script>\n"
	    "<script type=\"application/ld+json\">{\"@type\":\"WebPage\","
	    "\"name\":\"Chips, explained - Tech Weekly\"}</script>\n"
	    "</head><body><article>\n"
	    "<script type=\"application/ld+json\">{\"@type\":\"TechArticle\","
	    "\"headline\":\"Chips, explained\",\"dateModified\":"
	    "\"2024-07-12T09:30:00.000+0200\",\"inLanguage\":\"en-US\"}</script>\n"
	    "<time datetime=\"2024-07-01\">July 1</time>"
	    "</article></body></html>";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	assert_str(m.title, "Chips, explained");
	assert_str(m.type, "TechArticle");
	/* The site from the WebSite script. */
	assert_str(m.site, "Tech Weekly");
	assert_str(m.modified, "2024-07-12T09:30:00+02:00");
	/* No date in JSON-LD or tags: the <time> in the article. */
	assert_str(m.published, "2024-07-01");
	assert_str(m.lang, "en");
	html_meta_free(&m);
}

/* Entities some CMSes leave in JSON-LD, and html_meta_jsonld fills only
 * what is missing. */
static void
test_jsonld_entities_fill(void **state)
{
	static const char json[] =
	    "{\"@type\":\"OpinionNewsArticle\",\"headline\":\"Tom &amp; "
	    "Jerry&#8217;s &quot;war&quot; &#x2014; &laquo;&nbsp;fin&nbsp;"
	    "&raquo; &bogus; &#0;\",\"alternativeHeadline\":\"Deck\","
	    "\"datePublished\":\"2024-07-12\",\"author\":\"Ann Lee\"}";
	struct html_meta	m;

	(void)state;
	memset(&m, 0, sizeof m);
	m.subtitle = xstrdup("Kept");
	assert_int_equal(html_meta_jsonld(json, strlen(json), &m), 0);
	assert_str(m.title, "Tom & Jerry\xe2\x80\x99s \"war\" \xe2\x80\x94 "
	    "\xc2\xab fin \xc2\xbb &bogus; &#0;");
	assert_str(m.subtitle, "Kept");
	assert_str(m.published, "2024-07-12");
	assert_str(m.type, "OpinionNewsArticle");
	assert_int_equal(m.nauthors, 1);
	assert_str(m.authors[0], "Ann Lee");
	html_meta_free(&m);
}

/* <link rel=canonical> over og:url over JSON-LD's url; <time pubdate>. */
static void
test_canonical_time(void **state)
{
	static const char page[] =
	    "<html><head>\n"
	    "<script type=\"application/ld+json\">{\"@type\":\"Article\","
	    "\"headline\":\"H\",\"url\":\"https://a.example/ld\"}</script>\n"
	    "<meta property=\"og:url\" content=\"https://a.example/og\">\n"
	    "<link rel=\"Canonical\" href=\" https://a.example/link \">\n"
	    "</head><body><time datetime=\"2020-01-01\">x</time>\n"
	    "<article><time datetime=\"2021-01-01\">y</time>\n"
	    "<time pubdate datetime=\"2024-02-29T23:59\">z</time></article>"
	    "</body></html>";
	static const char ld_only[] =
	    "<html><head>\n"
	    "<script type=\"application/ld+json\">{\"@type\":\"Article\","
	    "\"headline\":\"H\",\"mainEntityOfPage\":{\"@type\":\"WebPage\","
	    "\"@id\":\"https://a.example/page\"}}</script>\n"
	    "</head><body><time datetime=\"2020-01-01\">x</time>"
	    "</body></html>";
	struct html_meta	m;

	(void)state;
	read_page(page, &m);
	assert_str(m.canonical, "https://a.example/link");
	assert_str(m.published, "2024-02-29T23:59");
	html_meta_free(&m);

	read_page(ld_only, &m);
	assert_str(m.canonical, "https://a.example/page");
	/* The first <time> of a page that has no <article>. */
	assert_str(m.published, "2020-01-01");
	html_meta_free(&m);
}

/* Values are capped (at a character boundary), authors too long dropped. */
static void
test_caps(void **state)
{
	struct strbuf		sb = STRBUF_INIT;
	struct html_meta	m;
	size_t			i, l;

	(void)state;
	strbuf_addstr(&sb, "<html><head><meta property=\"og:title\" "
	    "content=\"");
	for (i = 0; i < 3000; i++)
		strbuf_addstr(&sb, "\xd0\xb6");		/* ж */
	strbuf_addstr(&sb, "\"><meta name=\"author\" content=\"");
	for (i = 0; i < 101; i++)
		strbuf_addch(&sb, 'a');
	strbuf_addstr(&sb, "\"><meta name=\"author\" content=\"");
	for (i = 0; i < 100; i++)
		strbuf_addstr(&sb, "\xd0\xb6");
	strbuf_addstr(&sb, "\"></head><body></body></html>");
	read_page(sb.buf, &m);
	assert_non_null(m.title);
	l = strlen(m.title);
	assert_true(l <= 1000 && l >= 998);
	assert_int_equal(l % 2, 0);
	assert_int_equal((unsigned char)m.title[l - 1], 0xb6);
	/* 101 characters is too many; 100 (200 bytes) is not. */
	assert_int_equal(m.nauthors, 1);
	assert_int_equal(strlen(m.authors[0]), 200);
	html_meta_free(&m);
	strbuf_release(&sb);
}

/*
 * A page near libxml2's depth limit (256) gives its metadata: the walk
 * follows parent and next pointers, it does not recurse.
 */
static void
test_deep_page(void **state)
{
	struct strbuf		sb = STRBUF_INIT;
	struct html_meta	m;
	size_t			i;

	(void)state;
	strbuf_addstr(&sb, "<html><head><title>Deep</title></head><body>");
	for (i = 0; i < 120; i++)
		strbuf_addstr(&sb, "<div><span>");
	strbuf_addstr(&sb, "<h1 itemprop=\"headline\">At the bottom</h1>"
	    "<span itemprop=\"author\">Ada Lovelace</span>");
	for (i = 0; i < 120; i++)
		strbuf_addstr(&sb, "</span></div>");
	strbuf_addstr(&sb, "</body></html>");
	read_page(sb.buf, &m);
	assert_str(m.page_title, "Deep");
	assert_str(m.title, "At the bottom");
	assert_int_equal(m.nauthors, 1);
	assert_str(m.authors[0], "Ada Lovelace");
	html_meta_free(&m);
	strbuf_release(&sb);
}

/* A hostile 10 MB JSON-LD is refused unparsed, in a page too. */
static void
test_huge_jsonld(void **state)
{
	static const char	 small[] =
	    "{\"@type\":\"Article\",\"headline\":\"aaaa\"}";
	const size_t		 size = 10 * 1024 * 1024;
	struct strbuf		 sb = STRBUF_INIT;
	struct html_meta	 m;
	char			*json;

	(void)state;
	json = xmalloc(size + 1);
	memset(json, 'a', size);
	memcpy(json, "{\"@type\":\"Article\",\"headline\":\"", 32);
	memcpy(json + size - 2, "\"}", 2);
	json[size] = '\0';

	/* Short, the same object gives its headline as the title. */
	memset(&m, 0, sizeof m);
	assert_int_equal(html_meta_jsonld(small, strlen(small), &m), 0);
	assert_str(m.title, "aaaa");
	html_meta_free(&m);
	/* 10 MB: refused by its size, not parsed. */
	memset(&m, 0, sizeof m);
	assert_int_equal(html_meta_jsonld(json, size, &m), -1);
	assert_null(m.title);
	assert_null(m.type);

	strbuf_addstr(&sb, "<html><head><meta property=\"og:title\" "
	    "content=\"Small\"><script type=\"application/ld+json\">");
	strbuf_add(&sb, json, 5 * 1024 * 1024);
	strbuf_addstr(&sb, "\"}</script></head><body></body></html>");
	read_page(sb.buf, &m);
	assert_str(m.title, "Small");
	assert_null(m.type);
	html_meta_free(&m);
	strbuf_release(&sb);
	free(json);
}

/* What is not JSON gives -1 and leaves m as it was. */
static void
test_not_json(void **state)
{
	static const char *const bad[] = {
		"<p>Not JSON at all</p>",
		"{\"@type\": \"Article\", \"headline\": ",
		"",
		"\"just a string\"",
		"{\"headline\": \"nul \\u0000 inside\"}",
	};
	struct html_meta	m;
	size_t			i;

	(void)state;
	for (i = 0; i < nitems(bad); i++) {
		memset(&m, 0, sizeof m);
		m.title = xstrdup("Before");
		assert_int_equal(html_meta_jsonld(bad[i], strlen(bad[i]), &m),
		    -1);
		assert_str(m.title, "Before");
		assert_null(m.type);
		assert_int_equal(m.nauthors, 0);
		html_meta_free(&m);
	}
}

/* html_meta_iso_date(): the machine forms, and what it refuses. */
static void
test_iso_date(void **state)
{
	(void)state;
	check_date("2024-07-12", "2024-07-12");
	check_date(" 2024-07-12T09:30:00Z ", "2024-07-12T09:30:00Z");
	check_date("2024-07-12T09:30:00+02:00", "2024-07-12T09:30:00+02:00");
	check_date("2024-07-12T09:30:00.000+0200",
	    "2024-07-12T09:30:00+02:00");
	check_date("2024-07-12 09:30:00", "2024-07-12T09:30:00");
	check_date("2024-07-12 09:30", "2024-07-12T09:30");
	check_date("2024-07-12T09:30:00-05", "2024-07-12T09:30:00-05:00");
	check_date("2024-07-12 09:30:00 +0300", "2024-07-12T09:30:00+03:00");
	check_date("2024-07-12t09:30z", "2024-07-12T09:30Z");
	check_date("20240712", "2024-07-12");
	check_date("2024/07/12", "2024-07-12");
	check_date("2024-02-29", "2024-02-29");

	check_date("July 12, 2024", NULL);
	check_date("12/07/2024", NULL);
	check_date("2024-13-01", NULL);
	check_date("2024-00-10", NULL);
	check_date("2024-07-32", NULL);
	check_date("2023-02-29", NULL);
	check_date("2024-04-31", NULL);
	check_date("2024-07-12T24:00:00Z", NULL);
	check_date("2024-07-12T09:60", NULL);
	check_date("2024-07-12T09:30:00+25:00", NULL);
	check_date("2024-07-12T09", NULL);
	check_date("2024-07/12", NULL);
	check_date("2024-7-12", NULL);
	check_date("2024-07-12 garbage", NULL);
	check_date("2024071", NULL);
	check_date("", NULL);
	check_date(NULL, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fr_opengraph_jsonld),
		cmocka_unit_test(test_ru_graph),
		cmocka_unit_test(test_en_microdata),
		cmocka_unit_test(test_title_meta_only),
		cmocka_unit_test(test_meta_precedence),
		cmocka_unit_test(test_broken_jsonld),
		cmocka_unit_test(test_jsonld_not_article),
		cmocka_unit_test(test_authors_skipped),
		cmocka_unit_test(test_several_articles),
		cmocka_unit_test(test_scripts_compete),
		cmocka_unit_test(test_jsonld_entities_fill),
		cmocka_unit_test(test_canonical_time),
		cmocka_unit_test(test_caps),
		cmocka_unit_test(test_deep_page),
		cmocka_unit_test(test_huge_jsonld),
		cmocka_unit_test(test_not_json),
		cmocka_unit_test(test_iso_date),
	};

	return (cmocka_run_group_tests_name("meta", tests, NULL, NULL));
}
