/*
 * Unit tests: the rules of the HTML article extractor (doc-load-html.c),
 * one rule at a time, on short pages written like real news pages in
 * English, French and Russian (a header with a menu, the article, a
 * sidebar, a footer). Each test checks that the rule did its job and that
 * the article's own paragraphs are still there.
 *
 * The last six tests hold cases where a rule once went wrong on a
 * realistic page (sentences that open with a furniture phrase, article
 * text after the last long paragraph, a short story beside teasers, a
 * table of short cells, opening hours, a gallery of long captions).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "load.h"

/* The same story, three paragraphs of it, in each language. */
#define EN_P1 "<p>Temperatures passed 44C in parts of Andalusia on " \
	"Tuesday, the third day of a heatwave that has closed schools, " \
	"emptied city centres in the afternoon and pushed electricity " \
	"demand in Spain to a record for June.</p>\n"
#define EN_P2 "<p>The state weather agency, Aemet, said the hot air from " \
	"North Africa would stay over the peninsula until at least Friday, " \
	"with nights that barely fall below 25C in Seville, Córdoba and " \
	"Granada.</p>\n"
#define EN_P3 "<p>Doctors in Seville said emergency departments had " \
	"treated dozens of older people for heat exhaustion, and the " \
	"regional government asked employers to move outdoor work to the " \
	"early morning.</p>\n"
#define EN_P4 "<p>Farmers, already short of water after two dry winters, " \
	"said the heat had come at the worst moment for the olive trees, " \
	"which are flowering late this year.</p>\n"
#define EN_P5 "<p>In Córdoba, the city council opened eleven air-conditioned " \
	"libraries and civic centres until midnight, and kept the municipal " \
	"swimming pools open until ten in the evening.</p>\n"
#define EN_P6 "<p>Aemet said June had already been the hottest on record " \
	"in Andalusia, nearly three degrees above the mean for 1991 to 2020, " \
	"and that more heatwaves were likely in July.</p>\n"

#define FR_P1 "<p>Le thermomètre a dépassé 44 °C mardi dans plusieurs " \
	"villes d’Andalousie, au troisième jour d’une vague de chaleur qui " \
	"a fermé des écoles, vidé les centres-villes l’après-midi et porté " \
	"la consommation d’électricité à un record pour un mois de juin.</p>\n"
#define FR_P2 "<p>L’agence météorologique espagnole, l’Aemet, prévoit " \
	"que l’air chaud venu d’Afrique du Nord restera sur la péninsule au " \
	"moins jusqu’à vendredi, avec des nuits à peine sous les 25 °C à " \
	"Séville, Cordoue et Grenade.</p>\n"
#define FR_P3 "<p>À Séville, les urgences ont accueilli des dizaines de " \
	"personnes âgées victimes de coups de chaleur, et la région a " \
	"demandé aux employeurs de déplacer le travail en extérieur au petit " \
	"matin.</p>\n"
#define FR_P4 "<p>Les agriculteurs, déjà à court d’eau après deux hivers " \
	"secs, estiment que la chaleur arrive au pire moment pour les " \
	"oliviers, dont la floraison est tardive cette année.</p>\n"

#define RU_P1 "<p>Во вторник температура в нескольких городах Андалусии " \
	"превысила 44 градуса. Это третий день жары, из-за которой закрыты " \
	"школы, днём пустеют центры городов, а потребление электричества в " \
	"Испании достигло рекорда для июня.</p>\n"
#define RU_P2 "<p>Метеоагентство Aemet сообщило, что горячий воздух из " \
	"Северной Африки простоит над полуостровом как минимум до пятницы, " \
	"а ночью в Севилье, Кордове и Гранаде будет не прохладнее 25 " \
	"градусов.</p>\n"
#define RU_P3 "<p>Врачи в Севилье рассказали, что в приёмные отделения " \
	"обратились десятки пожилых людей с тепловым ударом, а власти " \
	"региона попросили работодателей перенести работу на улице на " \
	"раннее утро.</p>\n"
#define RU_P4 "<p>Фермеры, которые и так остались без воды после двух " \
	"сухих зим, говорят, что жара пришла в самый неудачный момент для " \
	"олив: в этом году они цветут поздно.</p>\n"
#define RU_P5 "<p>В Кордове мэрия открыла до полуночи одиннадцать " \
	"библиотек и культурных центров с кондиционерами, а городские " \
	"бассейны теперь работают до десяти вечера.</p>\n"
#define RU_P6 "<p>По данным Aemet, июнь уже стал самым жарким в истории " \
	"наблюдений в Андалусии: почти на три градуса выше нормы 1991–2020 " \
	"годов, и в июле ждут новых волн жары.</p>\n"

/* Words of each paragraph that the checks look for. */
#define EN_W1 "Temperatures passed 44C"
#define EN_W2 "The state weather agency"
#define EN_W3 "Doctors in Seville"
#define EN_W4 "Farmers, already short"
#define EN_W5 "In Córdoba, the city council"
#define EN_W6 "Aemet said June had already"
#define FR_W1 "Le thermomètre a dépassé"
#define FR_W2 "L’agence météorologique"
#define FR_W3 "À Séville, les urgences"
#define FR_W4 "Les agriculteurs, déjà"
#define RU_W1 "Во вторник температура"
#define RU_W2 "Метеоагентство Aemet"
#define RU_W3 "Врачи в Севилье"
#define RU_W4 "Фермеры, которые"
#define RU_W5 "В Кордове мэрия"
#define RU_W6 "По данным Aemet"

/* A site's header and footer around the article. */
#define EN_HEADER "<header class=\"site-header\"><a class=\"logo\" " \
	"href=\"/\">The Daily Ledger</a>\n<nav><a href=\"/world\">World</a> " \
	"<a href=\"/climate\">Climate</a> <a href=\"/sport\">Sport</a>" \
	"</nav></header>\n"
#define EN_FOOTER "<footer><p>The Daily Ledger is published by Ledger " \
	"Media Ltd, a company registered in England and Wales under number " \
	"01234567, whose registered office is at 1 Quay Street, London. " \
	"Our journalism is regulated by the Independent Press Standards " \
	"Organisation.</p></footer>\n"
#define EN_ASIDE "<aside class=\"sidebar\"><h2>Most viewed</h2><ul>" \
	"<li><a href=\"/a\">Drought: Catalonia declares an emergency</a>" \
	"</li><li><a href=\"/b\">Ryanair cancels flights to Palma</a></li>" \
	"</ul><p>Ledger Weather: the week ahead across Europe, with maps and " \
	"forecasts from our team, updated every morning at seven.</p>" \
	"</aside>\n"
#define FR_HEADER "<header><a class=\"logo\" href=\"/\">Le Quotidien du " \
	"Sud</a>\n<nav><a href=\"/international\">International</a> " \
	"<a href=\"/planete\">Planète</a> <a href=\"/sport\">Sport</a>" \
	"</nav></header>\n"
#define FR_FOOTER "<footer><p>Le Quotidien du Sud est édité par la " \
	"société Presse du Midi, SAS au capital de 120 000 euros, dont le " \
	"siège est au 4, quai de la Joliette à Marseille. Directrice de la " \
	"publication : Claire Fabre.</p></footer>\n"
#define FR_ASIDE "<aside class=\"sidebar\"><h2>Les plus lus</h2><ul>" \
	"<li><a href=\"/a\">Sécheresse : la Catalogne en état d’urgence</a>" \
	"</li><li><a href=\"/b\">Vols annulés vers Palma</a></li></ul>" \
	"<p>La météo du Sud : les prévisions de la semaine en Europe, avec " \
	"nos cartes, mises à jour chaque matin à sept heures.</p></aside>\n"
#define RU_HEADER "<header><a class=\"logo\" href=\"/\">Южный вестник</a>" \
	"\n<nav><a href=\"/world\">Мир</a> <a href=\"/climate\">Климат</a> " \
	"<a href=\"/sport\">Спорт</a></nav></header>\n"
#define RU_ASIDE "<aside class=\"sidebar\"><h2>Самое читаемое</h2><ul>" \
	"<li><a href=\"/a\">В Каталонии объявили режим засухи</a></li>" \
	"<li><a href=\"/b\">Рейсы на Мальорку отменены</a></li></ul>" \
	"<p>Погода на неделю по всей Европе: карты и прогнозы нашей " \
	"редакции, обновляются каждое утро в семь часов.</p></aside>\n"
#define RU_FOOTER "<footer><p>Сетевое издание «Южный вестник» " \
	"зарегистрировано Роскомнадзором, свидетельство Эл № ФС77-00000. " \
	"Учредитель и главный редактор сообщают, что при использовании " \
	"материалов ссылка на издание обязательна.</p></footer>\n"

/* Print the blocks of d (when a check fails). */
static void
dump(const struct doc *d)
{
	size_t	i;

	print_message("# found %d title '%s' byline '%s' date '%s'\n",
	    d->found, d->title != NULL ? d->title : "",
	    d->byline != NULL ? d->byline : "",
	    d->date != NULL ? d->date : "");
	for (i = 0; i < d->nblocks; i++) {
		print_message("# %zu %s %d%s '%s'\n", i,
		    block_kind_name(d->blocks[i].kind), d->blocks[i].level,
		    d->blocks[i].headline ? " headline" : "",
		    d->blocks[i].text);
	}
}

/* The index of the first block of d that holds needle, or DOC_NOPOS. */
static size_t
find(const struct doc *d, const char *needle)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		if (strstr(d->blocks[i].text, needle) != NULL)
			return (i);
	}
	return (DOC_NOPOS);
}

/* Assert each of the strings is in a block of d. */
static void
has_all(const struct doc *d, const char *const *want, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++) {
		if (find(d, want[k]) == DOC_NOPOS) {
			print_message("# missing: '%s'\n", want[k]);
			dump(d);
		}
		assert_int_not_equal(find(d, want[k]), DOC_NOPOS);
	}
}

/* Assert none of the strings is in a block of d. */
static void
has_none(const struct doc *d, const char *const *bad, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++) {
		if (find(d, bad[k]) != DOC_NOPOS) {
			print_message("# furniture left: '%s'\n", bad[k]);
			dump(d);
		}
		assert_int_equal(find(d, bad[k]), DOC_NOPOS);
	}
}

/*
 * Load page (as t.html) and assert it holds each of want and none of bad;
 * the document is the caller's.
 */
static struct doc *
load_has(const char *page, const char *const *want, size_t nwant,
    const char *const *bad, size_t nbad)
{
	struct doc	*d = load_str("t.html", page, NULL);

	assert_non_null(d);
	has_all(d, want, nwant);
	has_none(d, bad, nbad);
	return (d);
}

/* Assert the block that holds needle is of kind. */
static void
kind_of(const struct doc *d, const char *needle, enum block_kind kind)
{
	size_t	i = find(d, needle);

	if (i == DOC_NOPOS || d->blocks[i].kind != kind) {
		print_message("# '%s' is not a %s\n", needle,
		    block_kind_name(kind));
		dump(d);
	}
	assert_int_not_equal(i, DOC_NOPOS);
	assert_int_equal(d->blocks[i].kind, kind);
}

/* Assert the last block of d holds needle. */
static void
last_is(const struct doc *d, const char *needle)
{
	if (d->nblocks == 0 ||
	    strstr(d->blocks[d->nblocks - 1].text, needle) == NULL) {
		print_message("# last block is not '%s'\n", needle);
		dump(d);
	}
	assert_true(d->nblocks > 0);
	assert_non_null(strstr(d->blocks[d->nblocks - 1].text, needle));
}

/* Assert exactly one block is the headline, and that it is text. */
static void
headline_is(const struct doc *d, const char *text)
{
	size_t	i, n = 0, at = DOC_NOPOS;

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].headline) {
			n++;
			at = i;
		}
	}
	if (n != 1 || strcmp(d->blocks[at].text, text) != 0) {
		print_message("# %zu headlines, want '%s'\n", n, text);
		dump(d);
	}
	assert_int_equal(n, 1);
	assert_int_equal(d->blocks[at].kind, BLOCK_HEADING);
	assert_str(d->blocks[at].text, text);
}

/*
 * 1. A class with a token that names content ("entry-content",
 * "entry", "post-body") keeps its element although another token names
 * furniture; "article-share" alone names a share box, which goes. The
 * content holds less than 500 characters and less than 60% of the page
 * (there is a sidebar and a footer), so only the class decides.
 */
static void
test_class_content(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    "<div class=\"entry-content no-share\">\n"
	    EN_P1
	    "<div class=\"article-share\"><p>Know someone caught in the heat? "
	    "Send them this story</p><a href=\"https://facebook.com/share\">"
	    "Facebook</a> <a href=\"mailto:\">Email</a></div>\n"
	    EN_P2
	    "</div>\n"
	    EN_ASIDE
	    EN_FOOTER
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    FR_HEADER
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    "<div class=\"entry themeform share\">\n"
	    FR_P1
	    "<div class=\"article-share\"><p>Partagez cet article avec vos "
	    "proches</p><a href=\"https://facebook.com/share\">Facebook</a> "
	    "<a href=\"mailto:\">E-mail</a></div>\n"
	    FR_P2
	    "</div>\n"
	    FR_ASIDE
	    FR_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<h1>Андалусию накрыла жара</h1>\n"
	    "<div class=\"post-body with-sidebar\">\n"
	    RU_P1
	    "<div class=\"article-share\"><p>Поделитесь новостью с друзьями"
	    "</p><a href=\"https://vk.com/share\">ВКонтакте</a> "
	    "<a href=\"https://t.me/share\">Telegram</a></div>\n"
	    RU_P2
	    "</div>\n"
	    RU_ASIDE
	    RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = { EN_W1, EN_W2 };
	static const char *const en_bad[] = {
		"Send them", "Facebook", "Email", "World", "registered office",
		"Most viewed", "Ledger Weather"
	};
	static const char *const fr_want[] = { FR_W1, FR_W2 };
	static const char *const fr_bad[] = {
		"Partagez", "Facebook", "Planète", "Joliette", "La météo"
	};
	static const char *const ru_want[] = { RU_W1, RU_W2 };
	static const char *const ru_bad[] = {
		"Поделитесь", "ВКонтакте", "Климат", "Роскомнадзором",
		"Погода на неделю"
	};
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	headline_is(d, "Heatwave grips southern Spain");
	assert_int_equal(d->found, DOC_FOUND_ARTICLE);
	doc_free(d);

	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	doc_free(d);
}

/*
 * 2. A weak class word (sidebar, share, ads, related ...) does not drop an
 * element rich in running text (500 characters or more that are not
 * links, links under a fifth of its text); a strong one (cookie, modal,
 * popup, newsletter ...) drops even a long consent text. Short boxes with
 * a weak word (a share bar, a "related" box) go. The rich element holds
 * less than 60% of the page and not the headline, so only its text keeps
 * it.
 */
static void
test_weak_strong_class(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    "<div class=\"cookie-consent\"><p>We and our 842 partners store "
	    "and access information on your device, such as cookies, and "
	    "process personal data, such as unique identifiers and standard "
	    "information sent by a device, for personalised advertising and "
	    "content, advertising and content measurement, audience research "
	    "and services development. With your permission we and our "
	    "partners may use precise geolocation data and identification "
	    "through device scanning. You may click to consent to our and our "
	    "partners’ processing as described above. Alternatively you may "
	    "access more detailed information and change your preferences "
	    "before consenting or refuse to consent.</p></div>\n"
	    EN_HEADER
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    "<div class=\"layout-with-sidebar\">\n"
	    EN_P1 EN_P2
	    "<div class=\"share-bar\"><span>Send to a friend in Spain</span> "
	    "<a href=\"https://facebook.com/share\">Facebook</a></div>\n"
	    EN_P3
	    "<div class=\"related-stories\"><h3>More from Spain</h3><ul><li>"
	    "<a href=\"/madrid\">Madrid bans outdoor work at midday</a> "
	    "<span>3 hours ago</span></li></ul></div>\n"
	    EN_P4
	    "</div>\n"
	    "<div class=\"newsletter-signup\"><p>Get the Ledger’s climate "
	    "briefing in your inbox every Friday morning</p></div>\n"
	    EN_ASIDE EN_FOOTER
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    "<div id=\"consentement\" class=\"modal\"><p>Avec nos 842 "
	    "partenaires, nous stockons des informations sur votre appareil, "
	    "comme les cookies, et accédons à ces informations, et nous "
	    "traitons des données personnelles, comme des identifiants uniques "
	    "et des informations standard envoyées par votre appareil, pour "
	    "afficher des publicités et des contenus personnalisés, mesurer "
	    "leur performance, étudier l’audience et développer nos services. "
	    "Avec votre accord, nous et nos partenaires pouvons utiliser des "
	    "données de géolocalisation précises. Vous pouvez accepter ces "
	    "traitements, les refuser ou modifier vos choix à tout moment "
	    "depuis la page « Vie privée » en bas de chaque page du site.</p>"
	    "</div>\n"
	    FR_HEADER
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    "<div class=\"colonne-gauche layout-sidebar\">\n"
	    FR_P1 FR_P2
	    "<div class=\"social\"><span>Envoyer à un ami en Espagne</span> "
	    "<a href=\"https://facebook.com/share\">Facebook</a></div>\n"
	    FR_P3
	    "<div class=\"related\"><h3>Encore en Espagne</h3><ul><li>"
	    "<a href=\"/madrid\">Madrid interdit le travail en plein air à "
	    "midi</a> <span>il y a 3 heures</span></li></ul></div>\n"
	    FR_P4
	    "</div>\n"
	    FR_ASIDE FR_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    "<div class=\"popup-overlay\"><div class=\"popup\"><p>Мы и наши "
	    "партнёры используем файлы cookie и схожие технологии, чтобы "
	    "хранить информацию на вашем устройстве и получать к ней доступ, а "
	    "также обрабатываем персональные данные, например уникальные "
	    "идентификаторы и стандартные сведения, которые отправляет ваше "
	    "устройство, чтобы показывать персонализированную рекламу и "
	    "материалы, измерять их эффективность, изучать аудиторию и "
	    "развивать наши сервисы. С вашего разрешения мы и наши партнёры "
	    "можем использовать точные данные о местоположении. Вы можете "
	    "дать согласие на такую обработку, отказаться от неё или изменить "
	    "настройки в любое время на странице «Конфиденциальность» внизу "
	    "каждой страницы сайта.</p></div></div>\n"
	    RU_HEADER
	    "<h1>Андалусию накрыла жара</h1>\n"
	    "<div class=\"l-page ads-wrapper\">\n"
	    RU_P1 RU_P2
	    "<div class=\"share\"><span>Отправить другу в Испанию</span> "
	    "<a href=\"https://vk.com/share\">ВКонтакте</a></div>\n"
	    RU_P3
	    "<div class=\"related-news\"><h3>Ещё из Испании</h3><ul><li>"
	    "<a href=\"/madrid\">В Мадриде запретили работать на улице в "
	    "полдень</a> <span>3 часа назад</span></li></ul></div>\n"
	    RU_P4
	    "</div>\n"
	    RU_ASIDE RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = { EN_W1, EN_W2, EN_W3, EN_W4 };
	static const char *const en_bad[] = {
		"842 partners", "Send to a friend", "More from Spain",
		"3 hours ago", "climate briefing", "Most viewed"
	};
	static const char *const fr_want[] = { FR_W1, FR_W2, FR_W3, FR_W4 };
	static const char *const fr_bad[] = {
		"842 partenaires", "Envoyer à un ami", "Encore en Espagne",
		"il y a 3 heures", "Les plus lus"
	};
	static const char *const ru_want[] = { RU_W1, RU_W2, RU_W3, RU_W4 };
	static const char *const ru_bad[] = {
		"файлы cookie", "Отправить другу", "Ещё из Испании",
		"3 часа назад", "Самое читаемое"
	};
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	headline_is(d, "Heatwave grips southern Spain");
	doc_free(d);

	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	headline_is(d, "L’Andalousie écrasée par la chaleur");
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	headline_is(d, "Андалусию накрыла жара");
	doc_free(d);
}

/*
 * 2b. A "related" box at the end of the article, with a weak class word
 * and much text, is still furniture when a fifth or more of its text is
 * links (teasers: a linked title and a summary each).
 */
static void
test_weak_class_links(void **state)
{
	static const char page[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    "<div class=\"story\">\n" EN_P1 EN_P2 EN_P3 EN_P4
	    "<div class=\"related-coverage\">\n"
	    "<h3><a href=\"/a\">Madrid bans outdoor work at midday</a></h3>"
	    "<p>Building sites and street cleaners will stop between noon and "
	    "five in the afternoon until the end of the month.</p>\n"
	    "<h3><a href=\"/b\">Portugal puts Alentejo on red alert</a></h3>"
	    "<p>Firefighters from three districts have been moved south as "
	    "the risk of wildfires reaches its highest level.</p>\n"
	    "<h3><a href=\"/c\">Why the nights no longer cool down</a></h3>"
	    "<p>Cities store the day’s heat in stone and asphalt and give it "
	    "back after dark, our science editor explains.</p>\n"
	    "<h3><a href=\"/d\">Tourists flock north to the Basque coast</a>"
	    "</h3><p>Hotels in San Sebastián and Bilbao say bookings for July "
	    "are up by a fifth on last year, and prices with them.</p>\n"
	    "<h3><a href=\"/e\">Olive oil prices set to rise again</a></h3>"
	    "<p>Producers warn that a second poor harvest in a row would "
	    "empty the stocks that kept prices stable this spring.</p>\n"
	    "<h3><a href=\"/f\">How to sleep in a heatwave</a></h3><p>Close "
	    "the shutters by day, open the windows at dawn, and keep a damp "
	    "towel by the bed, sleep researchers advise.</p>\n"
	    "</div>\n"
	    "</div>\n"
	    EN_FOOTER
	    "</body></html>\n";
	static const char *const want[] = { EN_W1, EN_W2, EN_W3, EN_W4 };
	static const char *const bad[] = {
		"Madrid bans", "Building sites", "Firefighters",
		"Cities store", "Hotels in San", "Producers warn",
		"Close the shutters"
	};
	struct doc	*d;

	d = load_has(page, want, nitems(want), bad, nitems(bad));
	last_is(d, EN_W4);
	doc_free(d);
}

/*
 * 2c. A comment section inside the <article> goes however much text it
 * holds (its class names comments: no weak word that running text would
 * excuse).
 */
static void
test_comments(void **state)
{
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    FR_HEADER
	    "<article>\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    FR_P1 FR_P2 FR_P3 FR_P4
	    "<section id=\"comments\" class=\"comments-area\"><h2>Trois "
	    "commentaires</h2>\n"
	    "<div class=\"c-item\"><p>J’habite à Cordoue depuis vingt ans et "
	    "je n’ai jamais vu un mois de juin pareil, même les anciens du "
	    "quartier disent qu’ils ne se souviennent pas d’une chaleur aussi "
	    "précoce, et les nuits sont pires que les journées.</p></div>\n"
	    "<div class=\"c-item\"><p>Il faudrait surtout parler de l’eau : "
	    "les réservoirs sont à moitié vides, on arrose des golfs et des "
	    "serres pendant que les villages sont rationnés depuis le mois de "
	    "mars, et personne ne semble vouloir en parler.</p></div>\n"
	    "<div class=\"c-item\"><p>Merci pour cet article. Je pars à "
	    "Séville la semaine prochaine avec mes enfants, et je me demande "
	    "s’il ne vaut pas mieux reporter le voyage à l’automne, quand les "
	    "températures seront redevenues supportables.</p></div>\n"
	    "</section>\n"
	    "</article>\n"
	    FR_FOOTER
	    "</body></html>\n";
	static const char *const want[] = { FR_W1, FR_W2, FR_W3, FR_W4 };
	static const char *const bad[] = {
		"Trois commentaires", "J’habite à Cordoue", "Il faudrait",
		"Merci pour cet article"
	};
	struct doc	*d;

	d = load_has(fr, want, nitems(want), bad, nitems(bad));
	last_is(d, FR_W4);
	doc_free(d);
}

/*
 * 3. Short paragraphs, list items and leaf divs that are mostly a link
 * and end no sentence go: "Read more: <a>...</a>", a kicker ("Explainer
 * <a>...</a>"), "Watch: <a>...</a>", a last item "More: <a>...</a>"; a
 * sentence that is mostly a link but ends with a full stop stays, and so
 * do the list's other items.
 */
static void
test_link_paragraphs(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1
	    "<p><strong>Explainer</strong> <a href=\"/heat-dome\">What a heat "
	    "dome is, and why it stays put</a></p>\n"
	    EN_P2
	    "<p>Read more: <a href=\"/olives\">Olive growers count the cost of "
	    "a dry spring</a></p>\n"
	    EN_P3
	    "<p>The full forecast is <a href=\"https://aemet.es\">on the "
	    "Aemet website, updated every six hours</a>.</p>\n"
	    "<div class=\"inline-video\">Watch: <a href=\"/video/seville\">"
	    "Drone footage of Seville’s empty streets at noon</a></div>\n"
	    "<ul><li>Drink water every hour, even without thirst</li>"
	    "<li>Keep the shutters closed from ten in the morning</li>"
	    "<li>More: <a href=\"/heat-guide\">the ministry’s heat guide for "
	    "families</a></li></ul>\n"
	    EN_P4
	    "</article>\n"
	    EN_ASIDE EN_FOOTER
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    FR_HEADER
	    "<article>\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    FR_P1
	    "<p><strong>Décryptage</strong> <a href=\"/dome\">Qu’est-ce "
	    "qu’un dôme de chaleur ?</a></p>\n"
	    FR_P2
	    "<p>Lire aussi : <a href=\"/oliviers\">Les oliviers d’Andalousie "
	    "face à la sécheresse</a></p>\n"
	    FR_P3
	    "<p>Les prévisions complètes sont <a href=\"https://aemet.es\">"
	    "publiées sur le site de l’Aemet toutes les six heures</a>.</p>\n"
	    FR_P4
	    "</article>\n"
	    FR_ASIDE FR_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<article>\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    RU_P1
	    "<p><strong>Объясняем</strong> <a href=\"/dome\">Что такое "
	    "тепловой купол и почему он не уходит</a></p>\n"
	    RU_P2
	    "<p>Читайте также: <a href=\"/olives\">Оливковые рощи Андалусии "
	    "остались без воды</a></p>\n"
	    RU_P3
	    "<p>Полный прогноз <a href=\"https://aemet.es\">публикуется на "
	    "сайте Aemet каждые шесть часов</a>.</p>\n"
	    RU_P4
	    "</article>\n"
	    RU_ASIDE RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = {
		EN_W1, EN_W2, EN_W3, EN_W4,
		"The full forecast is on the Aemet website, updated every six "
		"hours.",
		"Drink water every hour, even without thirst",
		"Keep the shutters closed from ten in the morning"
	};
	static const char *const en_bad[] = {
		"Explainer", "heat dome", "Read more", "Olive growers",
		"Drone footage", "heat guide"
	};
	static const char *const fr_want[] = {
		FR_W1, FR_W2, FR_W3, FR_W4,
		"Les prévisions complètes sont publiées sur le site de l’Aemet "
		"toutes les six heures."
	};
	static const char *const fr_bad[] = {
		"Décryptage", "dôme de chaleur", "Lire aussi", "Les oliviers"
	};
	static const char *const ru_want[] = {
		RU_W1, RU_W2, RU_W3, RU_W4,
		"Полный прогноз публикуется на сайте Aemet каждые шесть часов."
	};
	static const char *const ru_bad[] = {
		"Объясняем", "тепловой купол", "Читайте также", "Оливковые рощи"
	};
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	doc_free(d);

	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	doc_free(d);
}

/*
 * 4. Blocks that open with a furniture phrase go (case-folded): ad labels
 * as whole blocks, calls to subscribe and follow, credits, copyright
 * lines. A paragraph longer than 240 bytes that opens with such words
 * stays, and so does a sentence that only starts with a whole-block word.
 */
static void
test_boilerplate(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1
	    "<div class=\"css-1h4m\"><p>ADVERTISEMENT</p></div>\n"
	    EN_P2
	    "<p>Subscribe to our newsletter for the week’s climate news, every "
	    "Friday</p>\n"
	    "<div class=\"css-7k2x\"><img src=\"/seville.jpg\" alt=\"An empty "
	    "street in Seville\"><p>Image copyright Reuters</p></div>\n"
	    EN_P3
	    "<p>Follow us on Facebook and Instagram for live updates</p>\n"
	    "<p>Read more than forty years of Aemet records and a pattern "
	    "appears: the first day above 40C now comes three weeks earlier "
	    "than it did in the 1980s and the last one two weeks later, so "
	    "that the hot season has grown by more than a month in a "
	    "generation.</p>\n"
	    EN_P4
	    "</article>\n"
	    EN_ASIDE EN_FOOTER
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    FR_HEADER
	    "<article>\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    FR_P1
	    "<div class=\"dfp-slot\"><p>Publicité</p></div>\n"
	    FR_P2
	    "<p>Abonnez-vous à notre lettre climat, chaque vendredi</p>\n"
	    FR_P3
	    "<p>Suivez-nous sur Facebook et Instagram</p>\n"
	    FR_P4
	    "<p>Tous droits réservés. Reproduction interdite.</p>\n"
	    "</article>\n"
	    FR_ASIDE FR_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<article>\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    RU_P1
	    "<div class=\"banner-slot\"><p>РЕКЛАМА</p></div>\n"
	    RU_P2
	    "<p>Реклама кондиционеров пропала с телевидения: их раскупили за "
	    "два дня.</p>\n"
	    "<p>Подписывайтесь на наш канал в Telegram</p>\n"
	    RU_P3 RU_P4
	    "<p>Все права защищены. Перепечатка запрещена.</p>\n"
	    "</article>\n"
	    RU_ASIDE RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = {
		EN_W1, EN_W2, EN_W3, EN_W4,
		"Read more than forty years of Aemet records"
	};
	static const char *const en_bad[] = {
		"ADVERTISEMENT", "Subscribe", "Image copyright", "Follow us"
	};
	static const char *const fr_want[] = { FR_W1, FR_W2, FR_W3, FR_W4 };
	static const char *const fr_bad[] = {
		"Publicité", "Abonnez-vous", "Suivez-nous", "droits réservés"
	};
	static const char *const ru_want[] = {
		RU_W1, RU_W2, RU_W3, RU_W4,
		"Реклама кондиционеров пропала с телевидения"
	};
	static const char *const ru_bad[] = {
		"РЕКЛАМА", "Подписывайтесь", "права защищены"
	};
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	doc_free(d);

	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	last_is(d, FR_W4);
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	last_is(d, RU_W4);
	doc_free(d);
}

/*
 * 4b. A short sentence of the article that opens with a furniture phrase
 * ("Published on Monday, the report ...", "Publié le 3 mars, le rapport
 * ...", "Advertisement spending ...") is running text, not furniture.
 */
static void
test_boilerplate_sentences(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat killed 1,200 in Spain last "
	    "year | The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heat killed 1,200 in Spain last year</h1>\n"
	    EN_P1
	    "<p>Published on Monday, the report found that 1,200 people died "
	    "of heat in 2023.</p>\n"
	    EN_P2
	    "<p>Advertisement spending on air conditioners doubled in May."
	    "</p>\n"
	    EN_P3 EN_P4
	    "</article>\n"
	    EN_FOOTER
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>La chaleur a tué 1 200 personnes "
	    "en Espagne</title></head><body>\n"
	    FR_HEADER
	    "<article>\n"
	    "<h1>La chaleur a tué 1 200 personnes en Espagne</h1>\n"
	    FR_P1
	    "<p>Publié le 3 mars, le rapport de la Cour des comptes est "
	    "sévère.</p>\n"
	    FR_P2
	    "<p>Publicité en ligne : les climatiseurs ont doublé leurs "
	    "dépenses.</p>\n"
	    FR_P3 FR_P4
	    "</article>\n"
	    FR_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = {
		EN_W1, EN_W2, EN_W3, EN_W4,
		"Published on Monday, the report found that 1,200 people died "
		"of heat in 2023.",
		"Advertisement spending on air conditioners doubled in May."
	};
	static const char *const fr_want[] = {
		FR_W1, FR_W2, FR_W3, FR_W4,
		"Publié le 3 mars, le rapport de la Cour des comptes est "
		"sévère.",
		"Publicité en ligne : les climatiseurs ont doublé leurs "
		"dépenses."
	};
	struct doc	*d;

	/*
	 * A phrase that names a dateline ("Published on", "Publié le")
	 * matches only a block that is no sentence; "Advertisement" and
	 * "Publicité" only a whole block: these sentences stay.
	 */
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	has_all(d, en_want, nitems(en_want));
	doc_free(d);

	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	has_all(d, fr_want, nitems(fr_want));
	doc_free(d);
}

/*
 * 5. Bylines and datelines go to the metadata and out of the body: a
 * byline element with a rel=author link, a meta line with an itemprop
 * author and a <time>; a sentence with a <time> in it that ends with a
 * full stop stays.
 */
static void
test_byline_marked(void **state)
{
	static const char page[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    "<p class=\"byline\">By <a rel=\"author\" href=\"/profile/sarah-"
	    "hollis\">Sarah Hollis</a> in Seville</p>\n"
	    "<div class=\"meta\"><span itemprop=\"author\">Sarah Hollis</span>"
	    ", <time datetime=\"2024-06-25T09:30:00+02:00\">Tue 25 Jun 2024 "
	    "09.30 CEST</time></div>\n"
	    EN_P1 EN_P2
	    "<p>The talks between the unions and the regional government began "
	    "on <time datetime=\"2024-06-21\">21 June</time>.</p>\n"
	    EN_P3 EN_P4
	    "</article>\n"
	    EN_ASIDE EN_FOOTER
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    FR_HEADER
	    "<article>\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    "<p class=\"meta\"><time datetime=\"2024-05-21T08:15:00+02:00\">"
	    "Le 21 mai 2024 à 08h15</time>, mis à jour à 10h02</p>\n"
	    FR_P1 FR_P2
	    "<p>Les négociations entre les syndicats et la région ont commencé "
	    "le <time datetime=\"2024-05-20\">20 mai</time>.</p>\n"
	    FR_P3 FR_P4
	    "</article>\n"
	    FR_ASIDE FR_FOOTER
	    "</body></html>\n";
	static const char *const want[] = {
		EN_W1, EN_W2, EN_W3, EN_W4,
		"The talks between the unions and the regional government "
		"began on 21 June."
	};
	static const char *const bad[] = { "By Sarah", "Hollis", "CEST" };
	static const char *const fr_want[] = {
		FR_W1, FR_W2, FR_W3, FR_W4,
		"Les négociations entre les syndicats et la région ont "
		"commencé le 20 mai."
	};
	static const char *const fr_bad[] = { "08h15", "10h02" };
	struct doc	*d;

	d = load_has(page, want, nitems(want), bad, nitems(bad));
	assert_str(d->byline, "Sarah Hollis");
	assert_str(d->date, "2024-06-25T09:30:00+02:00");
	headline_is(d, "Heatwave grips southern Spain");
	doc_free(d);

	/* A dateline with a <time> and no author: only the <time> tells. */
	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	assert_str(d->date, "2024-05-21T08:15:00+02:00");
	doc_free(d);
}

/*
 * 5b. Unmarked bylines: a line that names the author the page states in
 * <meta name=author> (French) or in its JSON-LD (Russian) goes, and so
 * does a bare dateline near the top.
 */
static void
test_byline_unmarked(void **state)
{
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title><meta name=\"author\" content=\"Núria Puig\">"
	    "</head><body>\n"
	    FR_HEADER
	    "<div class=\"contenu\">\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    "<p>Publié le 21/05/2024 à 08h15 | Núria Puig</p>\n"
	    "<p>Núria Puig, envoyée spéciale à Séville</p>\n"
	    FR_P1 FR_P2 FR_P3 FR_P4
	    "</div>\n"
	    FR_ASIDE FR_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "<script type=\"application/ld+json\">{\"@context\": "
	    "\"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": "
	    "\"Андалусию накрыла жара\", \"author\": {\"@type\": \"Person\", "
	    "\"name\": \"Анна Смирнова\"}, \"datePublished\": "
	    "\"2024-05-21T08:15:00+03:00\"}</script>\n"
	    "</head><body>\n"
	    RU_HEADER
	    "<div class=\"material\">\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    "<div>21 мая 2024, 08:15</div>\n"
	    "<p>Анна Смирнова, специальный корреспондент</p>\n"
	    RU_P1 RU_P2 RU_P3 RU_P4
	    "</div>\n"
	    RU_ASIDE RU_FOOTER
	    "</body></html>\n";
	static const char *const fr_want[] = { FR_W1, FR_W2, FR_W3, FR_W4 };
	static const char *const fr_bad[] = {
		"Publié le", "21/05/2024", "Núria Puig", "envoyée spéciale"
	};
	static const char *const ru_want[] = { RU_W1, RU_W2, RU_W3, RU_W4 };
	static const char *const ru_bad[] = {
		"21 мая 2024", "Анна Смирнова", "корреспондент"
	};
	struct doc	*d;

	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	assert_str(d->byline, "Núria Puig");
	headline_is(d, "L’Andalousie écrasée par la chaleur");
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	assert_str(d->byline, "Анна Смирнова");
	assert_str(d->date, "2024-05-21T08:15:00+03:00");
	headline_is(d, "Андалусию накрыла жара");
	doc_free(d);
}

/*
 * 6. After the article's last good paragraph, short blocks that end no
 * sentence go (the widgets under a story: "Like", "Write a comment",
 * "Back to all news"); a list at the end stays, and so does a last short
 * sentence with a full stop.
 */
static void
test_trim_tail(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<div class=\"news-item\">\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1 EN_P2 EN_P3
	    "<p>The regional government repeated its advice to older people "
	    "and their families.</p>\n"
	    "<ul><li>Drink water every hour</li><li>Stay indoors from noon to "
	    "five</li><li>Call older neighbours twice a day</li></ul>\n"
	    "<p>The heat should break on Sunday.</p>\n"
	    "<div class=\"post-actions\"><span>Like</span></div>\n"
	    "<div class=\"post-actions\"><span>Write a comment</span></div>\n"
	    "<div class=\"back\"><span>Back to all news</span></div>\n"
	    "</div>\n"
	    EN_ASIDE EN_FOOTER
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    FR_HEADER
	    "<article>\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    FR_P1 FR_P2 FR_P3
	    "<p>La région a rappelé ses conseils aux personnes âgées et à "
	    "leurs familles.</p>\n"
	    "<ul><li>Boire de l’eau toutes les heures</li><li>Rester à "
	    "l’intérieur de midi à 17 heures</li></ul>\n"
	    "<p>La chaleur devrait tomber dimanche.</p>\n"
	    "<div><span>J’aime</span></div>\n"
	    "<div><span>Écrire un commentaire</span></div>\n"
	    "<div><span>Retour aux actualités</span></div>\n"
	    "</article>\n"
	    FR_ASIDE FR_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<div class=\"b-material\">\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    RU_P1 RU_P2 RU_P3
	    "<p>Власти региона повторили свои советы пожилым людям и их "
	    "родственникам.</p>\n"
	    "<ul><li>Пить воду каждый час</li><li>Не выходить на улицу с "
	    "полудня до пяти</li></ul>\n"
	    "<p>Жара должна спасть в воскресенье.</p>\n"
	    "<div><span>Нравится</span></div>\n"
	    "<div><span>Написать комментарий</span></div>\n"
	    "<div><span>Вернуться к списку новостей</span></div>\n"
	    "</div>\n"
	    RU_ASIDE RU_FOOTER
	    "</body></html>\n";
	static const char de[] =
	    "<html lang=\"de\"><head><title>Hitzewelle in Andalusien</title>"
	    "</head><body>\n"
	    "<header><nav><a href=\"/\">Startseite</a> <a href=\"/welt\">Welt"
	    "</a></nav></header>\n"
	    "<article>\n"
	    "<h1>Hitzewelle in Andalusien</h1>\n"
	    "<p>In mehreren Städten Andalusiens ist das Thermometer am "
	    "Dienstag über 44 Grad gestiegen. Schulen bleiben geschlossen, "
	    "und der Stromverbrauch in Spanien hat einen Rekord für den Monat "
	    "Juni erreicht.</p>\n"
	    "<p>Der Wetterdienst Aemet erwartet, dass die heiße Luft aus "
	    "Nordafrika mindestens bis Freitag über der Halbinsel bleibt.</p>\n"
	    "<p>Die Hitze soll am Sonntag nachlassen.</p>\n"
	    "<div><span>Gefällt mir</span></div>\n"
	    "<div><span>Kommentar schreiben</span></div>\n"
	    "</article>\n"
	    "<footer><p>Impressum</p></footer>\n"
	    "</body></html>\n";
	static const char *const en_want[] = {
		EN_W1, EN_W2, EN_W3, "The regional government repeated",
		"Drink water every hour", "Call older neighbours twice a day"
	};
	static const char *const en_bad[] = {
		"Like", "Write a comment", "Back to all news"
	};
	static const char *const fr_want[] = {
		FR_W1, FR_W2, FR_W3, "La région a rappelé",
		"Boire de l’eau", "Rester à l’intérieur"
	};
	static const char *const fr_bad[] = {
		"J’aime", "Écrire un commentaire", "Retour aux actualités"
	};
	static const char *const ru_want[] = {
		RU_W1, RU_W2, RU_W3, "Власти региона повторили",
		"Пить воду каждый час", "Не выходить на улицу"
	};
	static const char *const ru_bad[] = {
		"Нравится", "Написать комментарий", "Вернуться к списку"
	};
	static const char *const de_want[] = {
		"In mehreren Städten", "Der Wetterdienst Aemet"
	};
	static const char *const de_bad[] = {
		"Gefällt mir", "Kommentar schreiben"
	};
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	kind_of(d, "Stay indoors from noon to five", BLOCK_ITEM);
	last_is(d, "The heat should break on Sunday.");
	doc_free(d);

	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	kind_of(d, "Rester à l’intérieur", BLOCK_ITEM);
	last_is(d, "La chaleur devrait tomber dimanche.");
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	kind_of(d, "Не выходить на улицу", BLOCK_ITEM);
	last_is(d, "Жара должна спасть в воскресенье.");
	doc_free(d);

	d = load_has(de, de_want, nitems(de_want), de_bad, nitems(de_bad));
	last_is(d, "Die Hitze soll am Sonntag nachlassen.");
	doc_free(d);
}

/*
 * 6b. After the last good paragraph, the article's own short text that
 * ends no sentence stays when more of the article follows it: a line
 * that introduces the list under it, a subheading over the last short
 * paragraph.
 */
static void
test_trim_tail_article(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1 EN_P2 EN_P3
	    "<p>The health ministry’s advice:</p>\n"
	    "<ul><li>Drink water every hour</li><li>Stay indoors from noon to "
	    "five</li><li>Call older neighbours twice a day</li></ul>\n"
	    "<h2>What happens next</h2>\n"
	    "<p>Aemet expects the heat to break on Sunday.</p>\n"
	    "</article>\n"
	    EN_ASIDE EN_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<article>\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    RU_P1 RU_P2 RU_P3
	    "<p>Советы минздрава:</p>\n"
	    "<ul><li>Пить воду каждый час</li><li>Не выходить на улицу с "
	    "полудня до пяти</li></ul>\n"
	    "<h2>Что дальше</h2>\n"
	    "<p>Жара спадёт в воскресенье.</p>\n"
	    "</article>\n"
	    RU_ASIDE RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = {
		EN_W1, EN_W2, EN_W3, "The health ministry’s advice:",
		"Drink water every hour", "What happens next",
		"Aemet expects the heat to break on Sunday."
	};
	static const char *const ru_want[] = {
		RU_W1, RU_W2, RU_W3, "Советы минздрава:",
		"Пить воду каждый час", "Что дальше",
		"Жара спадёт в воскресенье."
	};
	struct doc	*d;

	/*
	 * trim_tail() trims only after the article's last sentence, item
	 * or quotation: the list's lead-in and the subheading before the
	 * last short sentence stay.
	 */
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	has_all(d, en_want, nitems(en_want));
	kind_of(d, "What happens next", BLOCK_HEADING);
	doc_free(d);

	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	has_all(d, ru_want, nitems(ru_want));
	kind_of(d, "Что дальше", BLOCK_HEADING);
	doc_free(d);
}

/*
 * 7. Headings left at the end with nothing under them go ("Related",
 * "По теме", a question over a list of links that went); a heading
 * inside the article, with its text under it, stays.
 */
static void
test_orphan_headings(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1 EN_P2
	    "<h2>Olive trees at risk</h2>\n"
	    EN_P3 EN_P4
	    "<h2>What else should you read?</h2>\n"
	    "<ul><li><a href=\"/a\">Madrid bans outdoor work at midday</a></li>"
	    "<li><a href=\"/b\">Portugal puts Alentejo on red alert</a></li>"
	    "</ul>\n"
	    "<h3>Related</h3>\n"
	    "<ul><li><a href=\"/c\">Why the nights no longer cool down</a>"
	    "</li></ul>\n"
	    "</article>\n"
	    EN_ASIDE EN_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<article>\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    RU_P1 RU_P2
	    "<h2>Оливы под угрозой</h2>\n"
	    RU_P3 RU_P4
	    "<h2>По теме</h2>\n"
	    "<ul><li><a href=\"/a\">В Мадриде запретили работать на улице в "
	    "полдень</a></li><li><a href=\"/b\">Португалия объявила красный "
	    "уровень опасности</a></li></ul>\n"
	    "</article>\n"
	    RU_ASIDE RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = { EN_W1, EN_W2, EN_W3, EN_W4 };
	static const char *const en_bad[] = {
		"What else should you read?", "Related", "Madrid bans"
	};
	static const char *const ru_want[] = { RU_W1, RU_W2, RU_W3, RU_W4 };
	static const char *const ru_bad[] = { "По теме", "В Мадриде" };
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	kind_of(d, "Olive trees at risk", BLOCK_HEADING);
	last_is(d, EN_W4);
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	kind_of(d, "Оливы под угрозой", BLOCK_HEADING);
	last_is(d, RU_W4);
	doc_free(d);
}

/* Five teasers of other stories, each marked up as an <article>. */
#define EN_CARDS "<div class=\"cards\">\n" \
	"<article class=\"card\"><h3><a href=\"/a\">Madrid bans outdoor " \
	"work at midday</a></h3><p>Building sites and street cleaners will " \
	"stop between noon and five until the end of the month.</p>" \
	"</article>\n" \
	"<article class=\"card\"><h3><a href=\"/b\">Portugal puts Alentejo " \
	"on red alert</a></h3><p>Firefighters from three districts have " \
	"been moved south as the risk of wildfires peaks.</p></article>\n" \
	"<article class=\"card\"><h3><a href=\"/c\">Why the nights no " \
	"longer cool down</a></h3><p>Cities store the day’s heat in stone " \
	"and asphalt and give it back after dark.</p></article>\n" \
	"<article class=\"card\"><h3><a href=\"/d\">Tourists head north to " \
	"the Basque coast</a></h3><p>Hotels in San Sebastián and Bilbao say " \
	"July bookings are up by a fifth.</p></article>\n" \
	"<article class=\"card\"><h3><a href=\"/e\">Olive oil prices set to " \
	"rise again</a></h3><p>Producers warn that a second poor harvest " \
	"would empty the stocks.</p></article>\n" \
	"</div>\n"
#define RU_CARDS "<div class=\"cards\">\n" \
	"<article class=\"card\"><h3><a href=\"/a\">В Мадриде запретили " \
	"работать на улице в полдень</a></h3><p>Стройки и уборка улиц будут " \
	"останавливаться с полудня до пяти до конца месяца.</p></article>\n" \
	"<article class=\"card\"><h3><a href=\"/b\">Португалия объявила " \
	"красный уровень опасности</a></h3><p>Пожарных из трёх округов " \
	"перебросили на юг страны.</p></article>\n" \
	"<article class=\"card\"><h3><a href=\"/c\">Почему ночи больше не " \
	"приносят прохлады</a></h3><p>Камень и асфальт копят тепло днём и " \
	"отдают его после заката.</p></article>\n" \
	"<article class=\"card\"><h3><a href=\"/d\">Туристы едут на север, " \
	"в Страну Басков</a></h3><p>Отели Сан-Себастьяна и Бильбао " \
	"сообщают о росте бронирований на июль.</p></article>\n" \
	"</div>\n"

/*
 * 8. The pick cascade: a page whose <article> elements are a grid of
 * teasers while the story is in a div of many paragraphs gives the
 * div's text, not the teasers. In English the teasers are picked first
 * and the scorer's pick, with more than twice their text, replaces them;
 * in Russian four teasers are too small a part of the page to be picked.
 */
static void
test_pick_teasers(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    "<div class=\"article-body\">\n"
	    EN_P1 EN_P2 EN_P3 EN_P4 EN_P5 EN_P6
	    "</div>\n"
	    EN_CARDS EN_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<h1>Андалусию накрыла жара</h1>\n"
	    "<div class=\"article__text\">\n"
	    RU_P1 RU_P2 RU_P3 RU_P4 RU_P5 RU_P6
	    "</div>\n"
	    RU_CARDS RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = {
		EN_W1, EN_W2, EN_W3, EN_W4, EN_W5, EN_W6
	};
	static const char *const en_bad[] = {
		"Madrid bans", "Building sites", "Olive oil prices", "Producers"
	};
	static const char *const ru_want[] = {
		RU_W1, RU_W2, RU_W3, RU_W4, RU_W5, RU_W6
	};
	static const char *const ru_bad[] = {
		"В Мадриде", "Стройки", "Туристы едут", "Отели"
	};
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	headline_is(d, "Heatwave grips southern Spain");
	assert_int_equal(d->found, DOC_FOUND_ARTICLE);
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	headline_is(d, "Андалусию накрыла жара");
	doc_free(d);
}

/*
 * 8b. The same with a short story: four paragraphs beside five teaser
 * cards. The story is one block of running text, the teasers five
 * scraps of a few words each; the story is the article.
 */
static void
test_pick_teasers_short(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    "<div class=\"article-body\">\n"
	    EN_P1 EN_P2 EN_P3 EN_P4
	    "</div>\n"
	    EN_CARDS EN_FOOTER
	    "</body></html>\n";
	static const char *const want[] = { EN_W1, EN_W2, EN_W3, EN_W4 };
	static const char *const bad[] = {
		"Madrid bans", "Building sites", "Olive oil prices", "Producers"
	};
	struct doc	*d;

	/*
	 * Five <article> teasers of a few lines each are a grid, not the
	 * article: the story of 621 characters is taken, not the 328 of
	 * teasers.
	 */
	d = load_has(en, want, nitems(want), bad, nitems(bad));
	doc_free(d);
}

/*
 * 8c. A page with a proper <article> keeps it, although the scorer would
 * take more: the page's other text (a box of other stories under it)
 * stays out.
 */
static void
test_pick_article(void **state)
{
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    FR_HEADER
	    "<article>\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    FR_P1 FR_P2 FR_P3 FR_P4
	    "</article>\n"
	    "<section class=\"recirculation\"><h2>Ailleurs sur le site</h2>\n"
	    "<p>Dans les Pyrénées, les stations de ski se reconvertissent en "
	    "destinations d’été, avec des tyroliennes, des lacs et des "
	    "festivals de musique.</p>\n"
	    "<p>À Marseille, la rénovation des écoles prend du retard, et les "
	    "parents d’élèves dénoncent des classes où il fait plus de 30 °C "
	    "en juin.</p>\n"
	    "<p>Le prix de l’huile d’olive a doublé en deux ans, et les "
	    "producteurs tunisiens, grecs et italiens profitent de la pénurie "
	    "espagnole.</p>\n"
	    "</section>\n"
	    FR_ASIDE FR_FOOTER
	    "</body></html>\n";
	static const char *const want[] = { FR_W1, FR_W2, FR_W3, FR_W4 };
	static const char *const bad[] = {
		"Ailleurs sur le site", "Dans les Pyrénées", "À Marseille",
		"Le prix de l’huile"
	};
	struct doc	*d;

	d = load_has(fr, want, nitems(want), bad, nitems(bad));
	headline_is(d, "L’Andalousie écrasée par la chaleur");
	assert_int_equal(d->found, DOC_FOUND_ARTICLE);
	doc_free(d);
}

/*
 * 8d. <main> around the article (no <article> element): the headline,
 * the standfirst and the paragraphs, in their parts, without the menu,
 * the sidebar and the footer.
 */
static void
test_pick_main(void **state)
{
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<main>\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    "<div class=\"lead\"><p>Температура в Испании бьёт рекорды "
	    "третий день подряд.</p></div>\n"
	    "<div class=\"block-text\">\n" RU_P1 RU_P2 "</div>\n"
	    "<figure><img src=\"/sevilla.jpg\" alt=\"\"><figcaption>Пустая "
	    "улица в Севилье в полдень.</figcaption></figure>\n"
	    "<div class=\"block-quote\"><blockquote>«Такой жары в июне мы не "
	    "помним», — говорит фермер из Хаэна.</blockquote></div>\n"
	    "<div class=\"block-text\">\n" RU_P3 RU_P4 "</div>\n"
	    "</main>\n"
	    RU_ASIDE RU_FOOTER
	    "</body></html>\n";
	static const char *const want[] = {
		RU_W1, RU_W2, RU_W3, RU_W4,
		"Температура в Испании бьёт рекорды третий день подряд.",
		"Пустая улица в Севилье в полдень."
	};
	static const char *const bad[] = {
		"Климат", "Самое читаемое", "Погода на неделю", "Роскомнадзором"
	};
	struct doc	*d;

	d = load_has(ru, want, nitems(want), bad, nitems(bad));
	kind_of(d, "Такой жары в июне мы не помним", BLOCK_QUOTE);
	headline_is(d, "Андалусию накрыла жара");
	assert_int_equal(d->found, DOC_FOUND_ARTICLE);
	doc_free(d);
}

/*
 * 9. A <noscript> that holds the whole page (the rest being scripts) is
 * read; a small <noscript> message ("Please enable JavaScript") is not.
 */
static void
test_noscript(void **state)
{
	static const char en_app[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title><script src=\"/app.js\"></script></head>"
	    "<body>\n"
	    "<div id=\"root\"></div>\n"
	    "<script>window.__STATE__ = {\"page\": \"article\", \"id\": 7731};"
	    "</script>\n"
	    "<noscript><div class=\"static\">\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1 EN_P2 EN_P3 EN_P4
	    "</div></noscript>\n"
	    "</body></html>\n";
	static const char ru_app[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "<script src=\"/bundle.js\"></script></head><body>\n"
	    "<div id=\"app\"></div>\n"
	    "<noscript><h1>Андалусию накрыла жара</h1>\n"
	    RU_P1 RU_P2 RU_P3 RU_P4
	    "</noscript>\n"
	    "<script>window.__INITIAL__ = {\"route\": \"news\"};</script>\n"
	    "</body></html>\n";
	static const char en_msg[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1 EN_P2
	    "<noscript><p>Please enable JavaScript to view the interactive map "
	    "of temperatures</p></noscript>\n"
	    EN_P3 EN_P4
	    "</article>\n"
	    EN_FOOTER
	    "</body></html>\n";
	static const char fr_msg[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur</title></head><body>\n"
	    FR_HEADER
	    "<article>\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    FR_P1 FR_P2
	    "<noscript><p>Veuillez activer JavaScript pour afficher la carte "
	    "interactive des températures</p></noscript>\n"
	    FR_P3 FR_P4
	    "</article>\n"
	    FR_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = { EN_W1, EN_W2, EN_W3, EN_W4 };
	static const char *const ru_want[] = { RU_W1, RU_W2, RU_W3, RU_W4 };
	static const char *const fr_want[] = { FR_W1, FR_W2, FR_W3, FR_W4 };
	static const char *const bad[] = {
		"JavaScript", "__STATE__", "__INITIAL__"
	};
	struct doc	*d;

	d = load_has(en_app, en_want, nitems(en_want), bad, nitems(bad));
	headline_is(d, "Heatwave grips southern Spain");
	doc_free(d);

	d = load_has(ru_app, ru_want, nitems(ru_want), bad, nitems(bad));
	headline_is(d, "Андалусию накрыла жара");
	doc_free(d);

	d = load_has(en_msg, en_want, nitems(en_want), bad, nitems(bad));
	doc_free(d);

	d = load_has(fr_msg, fr_want, nitems(fr_want), bad, nitems(bad));
	doc_free(d);
}

/*
 * 10. The fallback: a page where nothing scores (text only in table cells
 * shorter than 25 characters, or bare text in <body> with <br>s) gives
 * its text and says so (DOC_FOUND_FALLBACK); it is never "no text found".
 */
static void
test_fallback(void **state)
{
	static const char en[] =
	    "<html><head><title>Water notice</title></head><body>\n"
	    "<table width=\"600\"><tr><td><img src=\"crest.gif\" alt=\"\">"
	    "</td><td>Parish of Little Hadham</td></tr>\n"
	    "<tr><td colspan=\"2\">Notice to residents</td></tr>\n"
	    "<tr><td colspan=\"2\">Water off on Tuesday morning</td></tr>\n"
	    "<tr><td colspan=\"2\">Church Lane and the Green</td></tr>\n"
	    "<tr><td colspan=\"2\">Bottled water at the hall</td></tr>\n"
	    "</table>\n"
	    "</body></html>\n";
	static const char ru[] =
	    "<html><head><title>Объявление</title></head><body>\n"
	    "<table width=\"600\"><tr><td><img src=\"gerb.gif\" alt=\"\">"
	    "</td><td>Администрация посёлка</td></tr>\n"
	    "<tr><td colspan=\"2\">Вниманию жителей!</td></tr>\n"
	    "<tr><td colspan=\"2\">Во вторник нет воды</td></tr>\n"
	    "<tr><td colspan=\"2\">Улицы Школьная и Садовая</td></tr>\n"
	    "<tr><td colspan=\"2\">Питьевая вода — у клуба</td></tr>\n"
	    "</table>\n"
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Avis aux lecteurs</title></head>"
	    "<body>\n"
	    "Lyon, le 3 mars 2024<br><br>\n"
	    "Chers lecteurs,<br><br>\n"
	    "À partir de lundi, le Courrier du Rhône change d’adresse : "
	    "courrier.example/actu. Les anciens liens fonctionneront jusqu’à "
	    "la fin de l’année.<br><br>\n"
	    "Merci de votre fidélité.\n"
	    "</body></html>\n";
	static const char *const en_want[] = {
		"Parish of Little Hadham", "Notice to residents",
		"Water off on Tuesday morning", "Church Lane and the Green",
		"Bottled water at the hall"
	};
	static const char *const ru_want[] = {
		"Администрация посёлка", "Вниманию жителей!",
		"Во вторник нет воды", "Улицы Школьная и Садовая",
		"Питьевая вода — у клуба"
	};
	static const char *const fr_want[] = {
		"Chers lecteurs,", "À partir de lundi, le Courrier du Rhône "
		"change d’adresse", "Merci de votre fidélité."
	};
	struct doc	*d;

	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	has_all(d, en_want, nitems(en_want));
	assert_int_equal(d->found, DOC_FOUND_FALLBACK);
	doc_free(d);

	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	has_all(d, ru_want, nitems(ru_want));
	assert_int_equal(d->found, DOC_FOUND_FALLBACK);
	doc_free(d);

	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	has_all(d, fr_want, nitems(fr_want));
	assert_int_equal(d->found, DOC_FOUND_FALLBACK);
	doc_free(d);
}

/*
 * 10b. The same table page with one cell of 25 characters or more: that
 * cell is no article, the page's text is its lines.
 */
static void
test_fallback_one_cell(void **state)
{
	static const char en[] =
	    "<html><head><title>Water notice</title></head><body>\n"
	    "<table width=\"600\"><tr><td><img src=\"crest.gif\" alt=\"\">"
	    "</td><td>Parish of Little Hadham</td></tr>\n"
	    "<tr><td colspan=\"2\">Notice to residents</td></tr>\n"
	    "<tr><td colspan=\"2\">Water off on Tuesday morning</td></tr>\n"
	    "<tr><td colspan=\"2\">Church Lane and the Green</td></tr>\n"
	    "<tr><td colspan=\"2\">Bottled water at the village hall</td>"
	    "</tr>\n"
	    "</table>\n"
	    "</body></html>\n";
	static const char *const want[] = {
		"Parish of Little Hadham", "Notice to residents",
		"Water off on Tuesday morning", "Church Lane and the Green",
		"Bottled water at the village hall"
	};
	struct doc	*d;

	/*
	 * The one cell of 25 characters or more scores, but its row holds
	 * under half of the page's text: the fallback takes the page, not
	 * "Bottled water at the village hall" alone.
	 */
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	has_all(d, want, nitems(want));
	assert_int_equal(d->found, DOC_FOUND_FALLBACK);
	doc_free(d);
}

/*
 * 10c. Lines with times near the top of a page are no dateline when they
 * are the page's text: a library's opening hours, in table cells.
 */
static void
test_fallback_hours(void **state)
{
	static const char ru[] =
	    "<html><head><title>Библиотека № 3</title></head><body>\n"
	    "<table width=\"600\"><tr><td><img src=\"logo.gif\" alt=\"\">"
	    "</td><td>Библиотека № 3</td></tr>\n"
	    "<tr><td colspan=\"2\">Летний режим работы</td></tr>\n"
	    "<tr><td colspan=\"2\">Пн–Пт: 10:00–19:00</td></tr>\n"
	    "<tr><td colspan=\"2\">Сб: 11:00–17:00</td></tr>\n"
	    "<tr><td colspan=\"2\">Вс: выходной</td></tr>\n"
	    "</table>\n"
	    "</body></html>\n";
	static const char *const want[] = {
		"Летний режим работы", "Пн–Пт: 10:00–19:00", "Сб: 11:00–17:00",
		"Вс: выходной"
	};
	struct doc	*d;

	/*
	 * A dateline on a page that states no date must name a year: the
	 * lines of opening hours stay.
	 */
	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	has_all(d, want, nitems(want));
	assert_int_equal(d->found, DOC_FOUND_FALLBACK);
	doc_free(d);
}

/*
 * 10d. A page with a JSON-LD NewsArticle articleBody and no usable markup
 * (a script's empty shell) gives the articleBody's paragraphs, after the
 * shell's headline, and counts as an article found.
 */
static void
test_jsonld_body(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title>\n"
	    "<script type=\"application/ld+json\">{\"@context\": "
	    "\"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": "
	    "\"Heatwave grips southern Spain\", \"articleBody\": "
	    "\"Temperatures passed 44C in parts of Andalusia on Tuesday, the "
	    "third day of a heatwave.\\n\\nThe state weather agency, Aemet, "
	    "said the hot air from North Africa would stay over the peninsula "
	    "until at least Friday.\\n\\nDoctors in Seville said emergency "
	    "departments had treated dozens of older people for heat "
	    "exhaustion.\"}</script>\n"
	    "</head><body>\n"
	    "<div id=\"root\"><h1>Heatwave grips southern Spain</h1>"
	    "<div class=\"skeleton\"></div></div>\n"
	    "<script src=\"/static/app.js\"></script>\n"
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>\n"
	    "<script type=\"application/ld+json\">[{\"@context\": "
	    "\"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": "
	    "\"Андалусию накрыла жара\", \"articleBody\": \"Во вторник "
	    "температура в нескольких городах Андалусии превысила 44 "
	    "градуса.\\nМетеоагентство Aemet сообщило, что горячий воздух "
	    "простоит над полуостровом до пятницы.\\nВрачи в Севилье "
	    "рассказали о десятках пожилых людей с тепловым ударом.\"}]"
	    "</script>\n"
	    "</head><body>\n"
	    "<div id=\"app\"></div>\n"
	    "<script src=\"/bundle.js\"></script>\n"
	    "</body></html>\n";
	static const char *const en_want[] = {
		"Temperatures passed 44C in parts of Andalusia on Tuesday, the "
		"third day of a heatwave.",
		"The state weather agency, Aemet, said",
		"Doctors in Seville said"
	};
	static const char *const ru_want[] = {
		"Во вторник температура в нескольких городах Андалусии "
		"превысила 44 градуса.",
		"Метеоагентство Aemet сообщило", "Врачи в Севилье рассказали"
	};
	struct doc	*d;

	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	has_all(d, en_want, nitems(en_want));
	headline_is(d, "Heatwave grips southern Spain");
	assert_int_equal(d->nblocks, 4);
	assert_int_equal(d->found, DOC_FOUND_ARTICLE);
	doc_free(d);

	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	has_all(d, ru_want, nitems(ru_want));
	assert_int_equal(d->nblocks, 3);
	assert_str(d->blocks[2].text, "Врачи в Севилье рассказали о десятках "
	    "пожилых людей с тепловым ударом.");
	assert_int_equal(d->found, DOC_FOUND_ARTICLE);
	doc_free(d);
}

/*
 * 11. The headline: the h1 taken (the article's, not the site's logo
 * nor a sidebar's) is the one block with headline set; d->title is the
 * JSON-LD headline, else og:title, else the <title> without the site.
 */
static void
test_headline(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain as "
	    "temperatures pass 44C | The Daily Ledger</title>\n"
	    "<meta property=\"og:title\" content=\"Heatwave grips southern "
	    "Spain as temperatures pass 44C\">\n"
	    "<script type=\"application/ld+json\">{\"@context\": "
	    "\"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": "
	    "\"Spain heatwave: Andalusia passes 44C\"}</script>\n"
	    "</head><body>\n"
	    "<header><h1 class=\"logo\"><a href=\"/\">The Daily Ledger</a></h1>"
	    "<nav><a href=\"/world\">World</a></nav></header>\n"
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain as temperatures pass 44C</h1>\n"
	    EN_P1 EN_P2 EN_P3
	    "</article>\n"
	    EN_FOOTER
	    "</body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>L’Andalousie écrasée par la "
	    "chaleur - Le Quotidien du Sud</title>\n"
	    "<meta property=\"og:title\" content=\"Canicule : l’Andalousie "
	    "écrasée par la chaleur\">\n"
	    "</head><body>\n"
	    FR_HEADER
	    "<div class=\"article\">\n"
	    "<h1>L’Andalousie écrasée par la chaleur</h1>\n"
	    FR_P1 FR_P2 FR_P3
	    "</div>\n"
	    "<div class=\"colonne\"><h1>Les plus lus aujourd’hui sur le site"
	    "</h1><ol><li><a href=\"/a\">Sécheresse en Catalogne</a></li>"
	    "</ol></div>\n"
	    FR_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара — Южный "
	    "вестник</title></head><body>\n"
	    "<header><h1><a href=\"/\">Южный вестник</a></h1></header>\n"
	    "<div class=\"material\">\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    RU_P1 RU_P2 RU_P3
	    "</div>\n"
	    RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = { EN_W1, EN_W2, EN_W3 };
	static const char *const en_bad[] = { "The Daily Ledger" };
	static const char *const fr_want[] = { FR_W1, FR_W2, FR_W3 };
	static const char *const fr_bad[] = { "Les plus lus", "Sécheresse" };
	static const char *const ru_want[] = { RU_W1, RU_W2, RU_W3 };
	static const char *const ru_bad[] = { "Южный вестник" };
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	headline_is(d,
	    "Heatwave grips southern Spain as temperatures pass 44C");
	assert_int_equal(d->blocks[0].headline, 1);
	assert_str(d->title, "Spain heatwave: Andalusia passes 44C");
	doc_free(d);

	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	headline_is(d, "L’Andalousie écrasée par la chaleur");
	assert_str(d->title, "Canicule : l’Andalousie écrasée par la chaleur");
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	headline_is(d, "Андалусию накрыла жара");
	assert_str(d->title, "Андалусию накрыла жара");
	doc_free(d);
}

/*
 * 12. Captions: a <figcaption> gives a caption block; a gallery (class
 * gallery or slideshow) with many captions goes.
 */
static void
test_captions(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    "<figure><img src=\"/seville.jpg\" alt=\"\"><figcaption>An empty "
	    "street in Seville at noon on Tuesday.</figcaption></figure>\n"
	    EN_P1 EN_P2
	    "<div class=\"gallery\">\n"
	    "<figure><img src=\"/g1.jpg\" alt=\"\"><figcaption>A fountain in "
	    "Córdoba</figcaption></figure>\n"
	    "<figure><img src=\"/g2.jpg\" alt=\"\"><figcaption>Tourists under "
	    "a mist spray in Granada</figcaption></figure>\n"
	    "<figure><img src=\"/g3.jpg\" alt=\"\"><figcaption>A thermometer "
	    "in Jaén shows 45C</figcaption></figure>\n"
	    "<figure><img src=\"/g4.jpg\" alt=\"\"><figcaption>Olive groves "
	    "near Úbeda</figcaption></figure>\n"
	    "</div>\n"
	    EN_P3 EN_P4
	    "</article>\n"
	    EN_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>"
	    "</head><body>\n"
	    RU_HEADER
	    "<article>\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    RU_P1
	    "<figure><img src=\"/sevilla.jpg\" alt=\"\"><figcaption>Пустая "
	    "улица в Севилье в полдень.</figcaption></figure>\n"
	    RU_P2
	    "<div class=\"slideshow\">\n"
	    "<figure><img src=\"/s1.jpg\" alt=\"\"><figcaption>Фонтан в Кордове"
	    "</figcaption></figure>\n"
	    "<figure><img src=\"/s2.jpg\" alt=\"\"><figcaption>Туристы в "
	    "Гранаде</figcaption></figure>\n"
	    "<figure><img src=\"/s3.jpg\" alt=\"\"><figcaption>Термометр в "
	    "Хаэне: 45 градусов</figcaption></figure>\n"
	    "</div>\n"
	    RU_P3 RU_P4
	    "</article>\n"
	    RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = { EN_W1, EN_W2, EN_W3, EN_W4 };
	static const char *const en_bad[] = {
		"fountain", "mist spray", "thermometer", "Olive groves"
	};
	static const char *const ru_want[] = { RU_W1, RU_W2, RU_W3, RU_W4 };
	static const char *const ru_bad[] = {
		"Фонтан", "Туристы", "Термометр"
	};
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	kind_of(d, "An empty street in Seville at noon on Tuesday.",
	    BLOCK_CAPTION);
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	kind_of(d, "Пустая улица в Севилье в полдень.", BLOCK_CAPTION);
	doc_free(d);
}

/*
 * 12b. A gallery whose captions are long (a photo essay inside the
 * story: eight pictures, a sentence each) is still a gallery.
 */
static void
test_captions_long_gallery(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1 EN_P2
	    "<div class=\"gallery\">\n"
	    "<figure><img src=\"/g1.jpg\" alt=\"\"><figcaption>Children cool "
	    "off in a fountain in Córdoba’s Plaza de las Tendillas, where the "
	    "temperature reached 44C.</figcaption></figure>\n"
	    "<figure><img src=\"/g2.jpg\" alt=\"\"><figcaption>Tourists queue "
	    "under a mist spray at the entrance to the Alhambra in Granada on "
	    "Tuesday afternoon.</figcaption></figure>\n"
	    "<figure><img src=\"/g3.jpg\" alt=\"\"><figcaption>A street "
	    "thermometer in Jaén shows 45C shortly after five in the "
	    "afternoon.</figcaption></figure>\n"
	    "<figure><img src=\"/g4.jpg\" alt=\"\"><figcaption>Olive groves "
	    "near Úbeda, where farmers fear the heat will ruin this year’s "
	    "late flowering.</figcaption></figure>\n"
	    "<figure><img src=\"/g5.jpg\" alt=\"\"><figcaption>A street "
	    "cleaner in Seville starts his round at five in the morning, "
	    "before the worst of the heat.</figcaption></figure>\n"
	    "<figure><img src=\"/g6.jpg\" alt=\"\"><figcaption>Firefighters "
	    "rest in the shade near Huelva after a night spent fighting a "
	    "scrub fire.</figcaption></figure>\n"
	    "<figure><img src=\"/g7.jpg\" alt=\"\"><figcaption>Shoppers in "
	    "Málaga’s covered market, one of the few cool places left in the "
	    "city centre at midday.</figcaption></figure>\n"
	    "<figure><img src=\"/g8.jpg\" alt=\"\"><figcaption>A farmer "
	    "checks the drip irrigation on his almond trees outside Almería "
	    "as the reservoirs run low.</figcaption></figure>\n"
	    "</div>\n"
	    EN_P3 EN_P4
	    "</article>\n"
	    EN_FOOTER
	    "</body></html>\n";
	static const char *const want[] = { EN_W1, EN_W2, EN_W3, EN_W4 };
	static const char *const bad[] = {
		"Children cool off", "Tourists queue", "street thermometer",
		"Olive groves", "street cleaner", "Firefighters rest",
		"Shoppers in", "A farmer checks"
	};
	struct doc	*d;

	/*
	 * "gallery" is a strong class word: a gallery goes however much
	 * caption text it holds.
	 */
	d = load_has(en, want, nitems(want), bad, nitems(bad));
	doc_free(d);
}

/*
 * 13. The metadata the page states, in the document: the authors (a
 * JSON-LD array, in order) and the byline they make, the dates from
 * article:published_time and article:modified_time, og:site_name, the
 * canonical link and og:description; the credit line that repeats the
 * authors leaves the body.
 */
static void
test_metadata(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title>\n"
	    "<link rel=\"canonical\" href=\"https://ledger.example/world/2024/"
	    "jun/25/spain-heatwave\">\n"
	    "<meta property=\"og:site_name\" content=\"The Daily Ledger\">\n"
	    "<meta property=\"og:description\" content=\"Schools close and "
	    "power demand hits a June record as Andalusia passes 44C\">\n"
	    "<meta property=\"article:published_time\" "
	    "content=\"2024-06-25T09:30:00+02:00\">\n"
	    "<meta property=\"article:modified_time\" "
	    "content=\"2024-06-25T14:02:00+02:00\">\n"
	    "<script type=\"application/ld+json\">{\"@context\": "
	    "\"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": "
	    "\"Heatwave grips southern Spain\", \"author\": [{\"@type\": "
	    "\"Person\", \"name\": \"Sarah Hollis\"}, {\"@type\": \"Person\", "
	    "\"name\": \"Núria Puig\"}, {\"@type\": \"Person\", \"name\": "
	    "\"Анна Смирнова\"}]}</script>\n"
	    "</head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    "<p>Sarah Hollis in Seville, Núria Puig in Barcelona and Анна "
	    "Смирнова</p>\n"
	    EN_P1 EN_P2 EN_P3
	    "</article>\n"
	    EN_FOOTER
	    "</body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Андалусию накрыла жара</title>\n"
	    "<link rel=\"canonical\" href=\"https://vestnik.example/news/2024/"
	    "05/21/zhara\">\n"
	    "<meta property=\"og:site_name\" content=\"Южный вестник\">\n"
	    "<meta property=\"og:description\" content=\"В Испании третий день "
	    "держится жара\">\n"
	    "<meta property=\"article:published_time\" "
	    "content=\"2024-05-21T08:15:00+03:00\">\n"
	    "<script type=\"application/ld+json\">{\"@context\": "
	    "\"https://schema.org\", \"@type\": \"NewsArticle\", \"author\": "
	    "[{\"@type\": \"Person\", \"name\": \"Анна Смирнова\"}, "
	    "{\"@type\": \"Person\", \"name\": \"Илья Воронов\"}]}</script>\n"
	    "</head><body>\n"
	    RU_HEADER
	    "<div class=\"material\">\n"
	    "<h1>Андалусию накрыла жара</h1>\n"
	    "<div class=\"authors\">Анна Смирнова, Илья Воронов</div>\n"
	    RU_P1 RU_P2 RU_P3
	    "</div>\n"
	    RU_FOOTER
	    "</body></html>\n";
	static const char *const en_want[] = { EN_W1, EN_W2, EN_W3 };
	static const char *const en_bad[] = { "Hollis", "Núria", "Анна" };
	static const char *const ru_want[] = { RU_W1, RU_W2, RU_W3 };
	static const char *const ru_bad[] = { "Смирнова", "Воронов" };
	struct doc	*d;

	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	assert_int_equal(d->nauthors, 3);
	assert_str(d->authors[0], "Sarah Hollis");
	assert_str(d->authors[1], "Núria Puig");
	assert_str(d->authors[2], "Анна Смирнова");
	assert_str(d->byline, "Sarah Hollis, Núria Puig, Анна Смирнова");
	assert_str(d->date, "2024-06-25T09:30:00+02:00");
	assert_str(d->modified, "2024-06-25T14:02:00+02:00");
	assert_str(d->site, "The Daily Ledger");
	assert_str(d->canonical,
	    "https://ledger.example/world/2024/jun/25/spain-heatwave");
	assert_str(d->subtitle, "Schools close and power demand hits a June "
	    "record as Andalusia passes 44C");
	assert_str(d->title, "Heatwave grips southern Spain");
	assert_str(d->lang, "en");
	doc_free(d);

	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	assert_int_equal(d->nauthors, 2);
	assert_str(d->authors[0], "Анна Смирнова");
	assert_str(d->authors[1], "Илья Воронов");
	assert_str(d->byline, "Анна Смирнова, Илья Воронов");
	assert_str(d->date, "2024-05-21T08:15:00+03:00");
	assert_null(d->modified);
	assert_str(d->site, "Южный вестник");
	assert_str(d->canonical,
	    "https://vestnik.example/news/2024/05/21/zhara");
	assert_str(d->subtitle, "В Испании третий день держится жара");
	assert_str(d->title, "Андалусию накрыла жара");
	doc_free(d);
}


/*
 * A pick that holds next to nothing once cleaned: a <main> of "Lire aussi"
 * teasers (each one tidied away as furniture) beside the story in a plain
 * div. The page's text stands in (DOC_FOUND_FALLBACK), not an empty body.
 */
static void
test_fallback_after_cleaning(void **state)
{
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Le marché couvert</title>"
	    "</head><body>\n"
	    "<main><p>Lire aussi : les halles de Lyon rouvrent leurs portes "
	    "après deux ans de travaux et un chantier contesté</p>\n"
	    "<p>Lire aussi : le prix du pain augmente encore dans les "
	    "boulangeries de la Croix-Rousse et du Vieux-Lyon</p>\n"
	    "<p>Lire aussi : trois nouvelles lignes de bus desservent "
	    "désormais les quartiers de l’est de la métropole</p>\n"
	    "<p>Lire aussi : un marché de producteurs s’installe chaque "
	    "samedi matin sur la place Sathonay, en plein centre</p>"
	    "</main>\n"
	    "<div>Le marché couvert de Villeurbanne rouvre samedi après "
	    "huit mois de fermeture. Les commerçants ont retrouvé leurs étals "
	    "rénovés, et la mairie promet des loyers inchangés jusqu’en 2026."
	    "</div>\n"
	    "</body></html>\n";
	static const char *const want[] = {
		"Le marché couvert de Villeurbanne rouvre samedi"
	};
	struct doc	*d;

	(void)state;
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	has_all(d, want, nitems(want));
	assert_int_equal(d->found, DOC_FOUND_FALLBACK);
	assert_null(strstr(d->blocks[d->nblocks - 1].text, "Lire aussi"));
	doc_free(d);
}

/*
 * The lead the page states (og:description) and shows in its header, out
 * of the <article>: it opens the body. A description the page does not
 * show is not made up into a paragraph.
 */
static void
test_lead(void **state)
{
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Жара в Андалусии</title>\n"
	    "<meta property=\"og:description\" content=\"Третий день "
	    "подряд температура на юге Испании превышает 44 градуса, школы "
	    "закрыты.\">\n"
	    "</head><body>\n"
	    "<header class=\"article-head\"><h1>Жара в Андалусии</h1>\n"
	    "<p class=\"standfirst\">Третий день подряд температура на юге "
	    "Испании превышает 44 градуса, школы закрыты.</p></header>\n"
	    "<article>" RU_P1 RU_P2 RU_P3 "</article>\n"
	    "</body></html>\n";
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat in Andalusia</title>\n"
	    "<meta name=\"description\" content=\"Everything you need to "
	    "know about the heatwave, from our weather desk and partners.\">"
	    "\n</head><body>\n"
	    "<header><h1>Heat in Andalusia</h1></header>\n"
	    "<article>" EN_P1 EN_P2 EN_P3 "</article>\n"
	    "</body></html>\n";
	struct doc	*d;
	size_t		 i;

	(void)state;
	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	assert_true(d->nblocks >= 3);
	assert_true(d->blocks[0].headline);
	kind_of(d, "Третий день подряд температура на юге Испании", BLOCK_PARA);
	assert_non_null(strstr(d->blocks[1].text, "Третий день подряд"));
	doc_free(d);

	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	for (i = 0; i < d->nblocks; i++)
		assert_null(strstr(d->blocks[i].text, "Everything you need"));
	assert_str(d->subtitle, "Everything you need to know about the "
	    "heatwave, from our weather desk and partners.");
	doc_free(d);
}

/*
 * Repeated blocks: a gallery caption shown twice and a pull quote that
 * repeats a paragraph are kept once, at their first place.
 */
static void
test_repeated(void **state)
{
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title></head><body>"
	    "<article><h1>Canicule en Andalousie</h1>\n"
	    FR_P1
	    "<p>« Nous n’avions jamais vu autant de malades en juin », dit "
	    "un médecin de Séville.</p>\n"
	    FR_P2
	    "<blockquote>« Nous n’avions jamais vu autant de malades en "
	    "juin », dit un médecin de Séville.</blockquote>\n"
	    FR_P3
	    "<div class=\"legende\">Séville, le 21 juin : la place d’Espagne "
	    "déserte à 15 heures.</div>\n"
	    "<div class=\"legende\">Séville, le 21 juin : la place d’Espagne "
	    "déserte à 15 heures.</div>\n"
	    "</article></body></html>\n";
	static const char ru_twice[] =
	    "<html lang=\"ru\"><head><title>Жара</title></head><body>"
	    "<article><h1>Жара в Андалусии</h1>\n" RU_P1 RU_P1 RU_P2 RU_P3
	    "</article></body></html>\n";
	struct doc	*d;
	size_t		 i, n1 = 0, n2 = 0;

	(void)state;
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	for (i = 0; i < d->nblocks; i++) {
		n1 += strstr(d->blocks[i].text, "Nous n’avions jamais vu") != NULL;
		n2 += strstr(d->blocks[i].text, "la place d’Espagne") != NULL;
	}
	assert_int_equal(n1, 1);
	assert_int_equal(n2, 1);
	kind_of(d, "Nous n’avions jamais vu autant", BLOCK_PARA);
	doc_free(d);

	/*
	 * A long paragraph given twice is the article's own (a lead repeated
	 * as the first paragraph, as the newstest2013 article 030_welt does
	 * in French and Russian): both stay.
	 */
	d = load_str("t.html", ru_twice, NULL);
	assert_non_null(d);
	for (i = n1 = 0; i < d->nblocks; i++)
		n1 += strstr(d->blocks[i].text, "Во вторник температура") != NULL;
	assert_int_equal(n1, 2);
	doc_free(d);
}

/*
 * The article's last blocks that call to download, subscribe or state the
 * copyright go, wherever the words stand in them; the same words in the
 * article's body stay.
 */
static void
test_tail_words(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body><article>"
	    "<h1>Heat in Andalusia</h1>\n" EN_P1
	    "<p>The regional government told people to subscribe to its text "
	    "alerts, which now reach more than a million phones.</p>\n"
	    EN_P2 EN_P3
	    "<p>For the latest stories and breaking news updates, download "
	    "the Courier app for iOS and Android.</p>\n"
	    "</article></body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title></head><body>"
	    "<article><h1>Canicule en Andalousie</h1>\n" FR_P1 FR_P2 FR_P3
	    "<p>Le Courrier du Rhône, 2024. Tous droits réservés : reproduction "
	    "interdite sans l’accord de la rédaction.</p>\n"
	    "</article></body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Жара</title></head><body>"
	    "<article><h1>Жара в Андалусии</h1>\n" RU_P1 RU_P2 RU_P3
	    "<p>Чтобы не пропустить главное, подписывайтесь на наш канал в "
	    "Telegram.</p>\n"
	    "</article></body></html>\n";
	struct doc	*d;

	(void)state;
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	kind_of(d, "to subscribe to its text alerts", BLOCK_PARA);
	assert_null(strstr(d->blocks[d->nblocks - 1].text, "download"));
	doc_free(d);
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	assert_null(strstr(d->blocks[d->nblocks - 1].text, "droits"));
	doc_free(d);
	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	assert_null(strstr(d->blocks[d->nblocks - 1].text, "Telegram"));
	assert_true(d->nblocks >= 4);
	doc_free(d);
}

/* A description that holds markup gives its text as the subtitle. */
static void
test_subtitle_markup(void **state)
{
	static const char de[] =
	    "<html lang=\"de\"><head><title>Klima</title>\n"
	    "<meta name=\"description\" content=\"&lt;p&gt;&lt;strong&gt;Die "
	    "frühen 1970er Jahre&lt;/strong&gt; gelten als Beginn der "
	    "Umweltbewegung.&lt;/p&gt;\">\n"
	    "</head><body><article><h1>Klima</h1>\n" EN_P1 EN_P2 EN_P3
	    "</article></body></html>\n";
	struct doc	*d;

	(void)state;
	d = load_str("t.html", de, NULL);
	assert_non_null(d);
	assert_str(d->subtitle, "Die frühen 1970er Jahre gelten als Beginn "
	    "der Umweltbewegung.");
	doc_free(d);
}

/*
 * The versions the page links: its hreflang alternates, then the anchors of
 * its language switcher for the languages those do not name (marked as
 * such); the switcher itself is no part of the body.
 */
static void
test_switcher_alts(void **state)
{
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title>\n"
	    "<link rel=\"alternate\" hreflang=\"en\" href=\"/en/heat\">\n"
	    "</head><body>\n"
	    "<div class=\"langs\"><a href=\"/en/heat\">EN</a> | "
	    "<b>FR</b> | <a href=\"/ru/zhara\">RU</a></div>\n"
	    "<article><h1>Canicule en Andalousie</h1>\n" FR_P1 FR_P2 FR_P3
	    "</article></body></html>\n";
	static const char *const bad[] = { "EN | FR" };
	struct doc	*d;

	(void)state;
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	assert_int_equal(d->nalts, 2);
	assert_str(d->alts[0].lang, "en");
	assert_false(d->alts[0].switcher);
	assert_str(d->alts[1].lang, "ru");
	assert_str(d->alts[1].href, "/ru/zhara");
	assert_true(d->alts[1].switcher);
	has_none(d, bad, nitems(bad));
	doc_free(d);
}

/*
 * A class token that ends in a furniture word ("content-pub") names
 * furniture however long the token read before it was: the check for
 * "pub-date" once read past the end of the token, into what was left of
 * the one before ("content-pub.date-ad"), and kept the ad box.
 */
static void
test_class_token_end(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heatwave grips southern Spain | "
	    "The Daily Ledger</title></head><body>\n"
	    EN_HEADER
	    "<article>\n"
	    "<h1>Heatwave grips southern Spain</h1>\n"
	    EN_P1 EN_P2
	    "<div class=\"content-pub.date-ad content-pub\">Buy the Ledger "
	    "cooling fan today</div>\n"
	    EN_P3
	    "</article>\n"
	    EN_ASIDE EN_FOOTER
	    "</body></html>\n";
	static const char *const want[] = { EN_W1, EN_W2, EN_W3 };
	static const char *const bad[] = { "cooling fan" };
	struct doc	*d;

	d = load_has(en, want, nitems(want), bad, nitems(bad));
	doc_free(d);
}

/*
 * The site's name: og:site_name when the page states it, else what the
 * <title> gives beside the headline ("Headline | Site", "Site – Headline").
 */
static void
test_site_from_title(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat in Andalusia | The Daily "
	    "Ledger</title></head><body><article><h1>Heat in Andalusia</h1>\n"
	    EN_P1 EN_P2 "</article></body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Полярное обозрение \xe2\x80\x93 "
	    "Жара в Андалусии</title></head><body><article>"
	    "<h1>Жара в Андалусии</h1>\n" RU_P1 RU_P2
	    "</article></body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule | Le Fil</title>\n"
	    "<meta property=\"og:site_name\" content=\"Le Fil du Nord\">"
	    "</head><body><article><h1>Canicule</h1>\n" FR_P1 FR_P2
	    "</article></body></html>\n";
	struct doc	*d;

	(void)state;
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	assert_str(d->site, "The Daily Ledger");
	assert_str(d->title, "Heat in Andalusia");
	doc_free(d);
	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	assert_str(d->site, "Полярное обозрение");
	doc_free(d);
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	assert_str(d->site, "Le Fil du Nord");
	doc_free(d);
}

/*
 * Captions by class: "wp-caption-text", "image-credit" make captions; an
 * article whose tags put "creditshelf" in its class stays the article.
 */
static void
test_caption_classes(void **state)
{
	static const char de[] =
	    "<html lang=\"de\"><head><title>Fintech</title></head><body>"
	    "<article class=\"post tag-creditshelf category-fintech\">"
	    "<h1>creditshelf kooperiert mit finleap</h1>\n"
	    "<div class=\"entry-content\">" EN_P1 EN_P2
	    "<p class=\"wp-caption-text\">Tim Thabe, CEO</p>\n"
	    "<span class=\"image-credit\">Foto: creditshelf</span>\n"
	    EN_P3 "</div></article></body></html>\n";
	struct doc	*d;

	(void)state;
	d = load_str("t.html", de, NULL);
	assert_non_null(d);
	kind_of(d, "Temperatures passed 44C", BLOCK_PARA);
	kind_of(d, "Tim Thabe, CEO", BLOCK_CAPTION);
	doc_free(d);
}

/*
 * What follows the article's body inside the <article> (an author's box, a
 * call to read more of the site, written as sentences) goes; what comes
 * before it (the headline, the lead) stays, and so does a long text after
 * it (the second half of a story split by a box).
 */
static void
test_cut_after_body(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body>"
	    "<article><h1>Heat in Andalusia</h1>\n"
	    "<p class=\"standfirst\">Schools close as the heat reaches 44C.</p>\n"
	    "<div class=\"story-body\">" EN_P1 EN_P2 EN_P3 EN_P4 "</div>\n"
	    "<div class=\"box\"><p>Ana Ruiz is our correspondent in Madrid. "
	    "She has covered Spain since 2015.</p></div>\n"
	    "<div class=\"more\"><p>Want more news like this? Our morning "
	    "briefing brings it to you every day.</p></div>\n"
	    "</article></body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title></head><body>"
	    "<article><h1>Canicule en Andalousie</h1>\n"
	    "<div class=\"corps\">" FR_P1 FR_P2 FR_P3 FR_P4 "</div>\n"
	    "<div class=\"encart\"><p>Ana Ruiz est notre correspondante à "
	    "Madrid depuis 2015.</p></div>\n"
	    "</article></body></html>\n";
	static const char split[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body>"
	    "<article><h1>Heat in Andalusia</h1>\n"
	    "<div class=\"story-body\">" EN_P1 EN_P2 EN_P3 EN_P4 EN_P5
	    "</div>\n<div class=\"box\"><p>" "Aemet said June had already "
	    "been the hottest on record in Andalusia, nearly three degrees "
	    "above the mean for 1991 to 2020, and that more heatwaves were "
	    "likely in July. The agency added that the sea off Málaga was "
	    "four degrees warmer than usual, which keeps the nights hot, and "
	    "that the reservoirs of the Guadalquivir basin stood at a fifth of "
	    "their capacity, the lowest level for the month since records "
	    "began in the nineteen-nineties.</p></div>\n"
	    "</article></body></html>\n";
	static const char *const want[] = {
	    "Schools close as the heat", "Temperatures passed 44C",
	    "Farmers, already short"
	};
	static const char *const bad[] = {
	    "correspondent in Madrid", "morning briefing"
	};
	struct doc	*d;

	(void)state;
	d = load_has(en, want, nitems(want), bad, nitems(bad));
	headline_is(d, "Heat in Andalusia");
	doc_free(d);
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	assert_int_not_equal(find(d, "Les agriculteurs"), DOC_NOPOS);
	assert_int_equal(find(d, "correspondante"), DOC_NOPOS);
	doc_free(d);
	d = load_str("t.html", split, NULL);
	assert_non_null(d);
	assert_int_not_equal(find(d, "reservoirs of the Guadalquivir"),
	    DOC_NOPOS);
	doc_free(d);
}

/*
 * A short block that holds a copyright sign, or ends with a photo's credit
 * ("Photo: ..."), is a credit or a copyright line, wherever it stands; a
 * paragraph of the article that names one stays.
 */
static void
test_credit_lines(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body>"
	    "<article><h1>Heat in Andalusia</h1>\n" EN_P1
	    "<div class=\"pic\"><img src=\"a.jpg\" alt=\"\"></div>\n"
	    "<div class=\"txt\">Tourists shelter from the sun in Seville. | "
	    "\xc2\xa9 Jorge Guerrero/AFP via Getty Images</div>\n"
	    EN_P2 EN_P3
	    "<p>The law, passed in 2019, says a photograph marked \xc2\xa9 may "
	    "not be shown without the agreement of whoever took it, even when "
	    "it was taken on a public street or in a government building.</p>\n"
	    "<p>A fan in Córdoba. (Credit: Maria Lopez / Reuters)</p>\n"
	    "<figure><img src=\"b.jpg\" alt=\"\"><figcaption>The Giralda at "
	    "dawn. Photo: Luis Gil</figcaption></figure>\n"
	    "<p>The museum shows one photo: a street in Seville in 1965, "
	    "empty at noon under a white sky, with a single cart and its "
	    "mule in the shade of the orange trees.</p>\n"
	    EN_P4 "</article></body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title></head><body>"
	    "<article><h1>Canicule en Andalousie</h1>\n" FR_P1
	    "<div>Des touristes à Séville. \xc2\xa9 AFP</div>\n" FR_P2
	    "<p>Un ventilateur à Cordoue. Photo : Jean Martin</p>\n"
	    FR_P3 "</article></body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Жара</title></head><body>"
	    "<article><h1>Жара в Андалусии</h1>\n" RU_P1
	    "<div>Туристы в Севилье. \xc2\xa9 РИА Новости</div>\n" RU_P2
	    "<p>Пляж в Малаге. Фото: Иван Петров</p>\n"
	    RU_P3 "</article></body></html>\n";
	struct doc	*d;

	(void)state;
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	assert_int_equal(find(d, "Getty Images"), DOC_NOPOS);
	assert_int_not_equal(find(d, "a photograph marked"), DOC_NOPOS);
	assert_int_equal(find(d, "Maria Lopez"), DOC_NOPOS);
	assert_int_not_equal(find(d, "shows one photo"), DOC_NOPOS);
	kind_of(d, "The Giralda at dawn. Photo: Luis Gil", BLOCK_CAPTION);
	assert_int_not_equal(find(d, "Farmers, already short"), DOC_NOPOS);
	doc_free(d);
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	assert_int_equal(find(d, "AFP"), DOC_NOPOS);
	assert_int_equal(find(d, "Jean Martin"), DOC_NOPOS);
	assert_int_not_equal(find(d, "urgences"), DOC_NOPOS);
	doc_free(d);
	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	assert_int_equal(find(d, "РИА"), DOC_NOPOS);
	assert_int_equal(find(d, "Петров"), DOC_NOPOS);
	assert_int_not_equal(find(d, "Метеоагентство"), DOC_NOPOS);
	doc_free(d);
}

/*
 * An author's box (a class that names the author, on more text than a
 * byline) goes; the byline is still read for the metadata.
 */
static void
test_author_box(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body>"
	    "<div class=\"entry\"><h1>Heat in Andalusia</h1>\n"
	    "<p class=\"byline\"><span class=\"author-name\">By Ana Ruiz</span>"
	    "</p>\n" EN_P1 EN_P2
	    "<div class=\"about-author\"><p>Ana Ruiz is our correspondent in "
	    "Madrid. She has covered Spanish politics, the economy and the "
	    "climate since 2015, and wrote a book on the drought of "
	    "2022. Before that she reported from Lisbon and Rabat for a news "
	    "agency.</p></div>\n" EN_P3 EN_P4
	    "</div></body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title></head><body>"
	    "<div class=\"entry\"><h1>Canicule en Andalousie</h1>\n" FR_P1 FR_P2
	    "<section class=\"author-box\"><p>Ana Ruiz est notre "
	    "correspondante à Madrid. Elle couvre la politique, l’économie et "
	    "le climat de l’Espagne depuis 2015. Elle a auparavant été "
	    "correspondante à Lisbonne et à Rabat pour une agence de "
	    "presse.</p></section>\n" FR_P3 FR_P4
	    "</div></body></html>\n";
	struct doc	*d;

	(void)state;
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	assert_int_equal(find(d, "correspondent in Madrid"), DOC_NOPOS);
	assert_int_not_equal(find(d, "Farmers, already short"), DOC_NOPOS);
	assert_non_null(d->byline);
	assert_string_equal(d->byline, "Ana Ruiz");
	doc_free(d);
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	assert_int_equal(find(d, "correspondante"), DOC_NOPOS);
	assert_int_not_equal(find(d, "Les agriculteurs"), DOC_NOPOS);
	doc_free(d);
}

/*
 * A bare date near the top is a dateline even on a page that states no
 * date, when it names a year.
 */
static void
test_dateline_no_date(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body>"
	    "<article><h1>Heat in Andalusia</h1>\n"
	    "<div class=\"info\">24.06.2024 11:38 | News</div>\n"
	    EN_P1 EN_P2 EN_P3 "</article></body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title></head><body>"
	    "<article><h1>Canicule en Andalousie</h1>\n"
	    "<p>24 juin 2024 à 11 h 38</p>\n"
	    FR_P1 FR_P2 FR_P3 "</article></body></html>\n";
	struct doc	*d;

	(void)state;
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	assert_null(d->date);
	assert_int_equal(find(d, "11:38"), DOC_NOPOS);
	assert_int_not_equal(find(d, "Temperatures passed 44C"), DOC_NOPOS);
	doc_free(d);
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	assert_int_equal(find(d, "24 juin 2024"), DOC_NOPOS);
	doc_free(d);
}

/*
 * An embedded player or post (a class that names an embed) is furniture:
 * its title and the consent notice it shows in its place go.
 */
static void
test_embed(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body>"
	    "<article><h1>Heat in Andalusia</h1>\n" EN_P1
	    "<div class=\"video-embed\"><h3>Watch: Seville at noon</h3>"
	    "<p>We respect your privacy and do not load this video without "
	    "your consent.</p></div>\n"
	    EN_P2 EN_P3 "</article></body></html>\n";
	static const char *const bad[] = { "Watch: Seville", "your consent" };
	struct doc	*d;

	(void)state;
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	has_none(d, bad, nitems(bad));
	assert_int_not_equal(find(d, "Doctors in Seville"), DOC_NOPOS);
	doc_free(d);
}

/*
 * A post's metadata line (class "entry-meta": a section, a reading time,
 * a count of comments) and a table of contents (class "toc") inside the
 * content go, although "entry" names content; a recipe's facts (class
 * "recipe-meta": the time, the servings) stay.
 */
static void
test_meta_toc(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body>"
	    "<article><h1>Heat in Andalusia</h1>\n"
	    "<div class=\"entry-meta\"><span>Weather</span> · <span>4 min "
	    "read</span> · <span>12 comments</span></div>\n"
	    "<div class=\"entry-content\">" EN_P1
	    "<div id=\"ez-toc-container\" class=\"ez-toc-v2\">"
	    "<div class=\"ez-toc-title-container\"><p class=\"ez-toc-title\">"
	    "Table of contents</p></div><ul class=\"ez-toc-list\">"
	    "<li><a href=\"#s\">Schools</a></li><li><a href=\"#f\">Farms</a>"
	    "</li></ul></div>\n"
	    "<h2 id=\"s\">Schools</h2>\n" EN_P2 "<h2 id=\"f\">Farms</h2>\n"
	    EN_P4 "</div></article></body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title></head><body>"
	    "<article><h1>Canicule en Andalousie</h1>\n"
	    "<p class=\"post-meta\">Météo · lecture 4 min · 12 réactions</p>\n"
	    "<div class=\"entry-content\">" FR_P1
	    "<div id=\"toc_container\"><p class=\"toc_title\">Sommaire de "
	    "l’article</p><ul class=\"toc_list\"><li><a href=\"#e\">Écoles</a>"
	    "</li><li><a href=\"#o\">Oliviers</a></li></ul></div>\n"
	    "<h2 id=\"e\">Écoles</h2>\n" FR_P2 "<h2 id=\"o\">Oliviers</h2>\n"
	    FR_P4 "</div></article></body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Гаспачо</title></head><body>"
	    "<article><h1>Андалусский гаспачо</h1>\n"
	    "<div class=\"article__meta\">Погода · 4 минуты · 12 "
	    "комментариев</div>\n"
	    "<div class=\"recipe-meta\"><p>Время: 20 минут</p><p>Порций: "
	    "4</p></div>\n"
	    "<div class=\"entry-content\">" RU_P1 RU_P2
	    "</div></article></body></html>\n";
	static const char *const en_want[] = {
	    "Temperatures passed 44C", "Schools", "Farmers, already short"
	};
	static const char *const en_bad[] = {
	    "4 min read", "Table of contents"
	};
	static const char *const fr_want[] = {
	    "Le thermomètre a dépassé", "Écoles", "Les agriculteurs"
	};
	static const char *const fr_bad[] = {
	    "lecture 4 min", "Sommaire de"
	};
	static const char *const ru_want[] = {
	    "Время: 20 минут", "Порций: 4", "Во вторник температура"
	};
	static const char *const ru_bad[] = { "12 комментариев" };
	struct doc	*d;

	(void)state;
	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	doc_free(d);
	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	doc_free(d);
	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	doc_free(d);
}

/*
 * An element named a caption by its class ("item-caption") that holds
 * most of the content is no caption: it is the text of a video's page
 * (the description under the player). A short caption beside it stays a
 * caption.
 */
static void
test_caption_most(void **state)
{
	static const char en[] =
	    "<html lang=\"en\"><head><title>Heat</title></head><body>"
	    "<article class=\"post-page video\"><h1>Heat in Andalusia</h1>\n"
	    "<div class=\"player\"><img src=\"v.jpg\" alt=\"\">"
	    "<p class=\"wp-caption-text\">Seville, Tuesday</p></div>\n"
	    "<div class=\"item-caption\"><div class=\"details\">"
	    "<span class=\"teaser-cat\">Weather</span>\n"
	    "<p class=\"item-description\">Temperatures passed 44C in parts "
	    "of Andalusia on Tuesday, the third day of a heatwave that has "
	    "closed schools and emptied city centres.</p></div></div>\n"
	    "</article></body></html>\n";
	static const char fr[] =
	    "<html lang=\"fr\"><head><title>Canicule</title></head><body>"
	    "<article class=\"video\"><h1>Canicule en Andalousie</h1>\n"
	    "<div class=\"item-caption\"><p>Le thermomètre a dépassé 44 °C "
	    "mardi dans plusieurs villes d’Andalousie, au troisième jour "
	    "d’une vague de chaleur.</p></div>\n"
	    "</article></body></html>\n";
	static const char ru[] =
	    "<html lang=\"ru\"><head><title>Жара</title></head><body>"
	    "<article class=\"video\"><h1>Жара в Андалусии</h1>\n"
	    "<div class=\"media-caption\"><p>Во вторник температура в "
	    "нескольких городах Андалусии превысила 44 градуса. Это третий "
	    "день жары.</p></div>\n"
	    "</article></body></html>\n";
	struct doc	*d;

	(void)state;
	d = load_str("t.html", en, NULL);
	assert_non_null(d);
	kind_of(d, "Temperatures passed 44C", BLOCK_PARA);
	kind_of(d, "Seville, Tuesday", BLOCK_CAPTION);
	doc_free(d);
	d = load_str("t.html", fr, NULL);
	assert_non_null(d);
	kind_of(d, "Le thermomètre a dépassé", BLOCK_PARA);
	doc_free(d);
	d = load_str("t.html", ru, NULL);
	assert_non_null(d);
	kind_of(d, "Во вторник температура", BLOCK_PARA);
	doc_free(d);
}

/*
 * A container's loose text (runs between <br>s around a table, as a shop's
 * description of a wine region has it) scores as paragraphs do: it is the
 * content, not a box of two <p>s elsewhere on the page.
 */
#define LOOSE_PAGE(lang, title, h1, r1, r2, r3, tab, after, box1, box2) \
	"<html lang=\"" lang "\"><head><title>" title "</title></head><body>" \
	"<div class=\"wrapper\"><div class=\"page-header\"><h1>" h1 \
	"</h1></div>\n<div class=\"description\">" r1 "<br>\n" r2 "<br>\n" \
	r3 "<br>\n<table class=\"table\"><tr><th>" tab "</th><td>24</td>" \
	"<td>36</td></tr></table>\n" after "</div></div>\n" \
	"<div class=\"service\"><div class=\"shipping\"><p>" box1 "</p><p>" \
	box2 "</p></div></div></body></html>\n"
static void
test_loose_text(void **state)
{
	static const char en[] = LOOSE_PAGE("en", "Rioja, Spain | Wine shop",
	    "Rioja, Spain",
	    "Rioja lies in the north of Spain along the middle course of the "
	    "Ebro, some 120 by 40 kilometres, and takes its name from the Oja, "
	    "one of the Ebro's smaller tributaries.",
	    "The region has three parts, Rioja Alta, Rioja Alavesa and Rioja "
	    "Baja, the first two shaped by the Atlantic, the third by the "
	    "Mediterranean.",
	    "The rules allow four red and three white grapes, of which "
	    "Tempranillo and Garnacha are the best known.",
	    "Months in cask, red", "These are the minimum times.",
	    "Our deliveries come by parcel service, usually within two or "
	    "three working days, in boxes of six or twelve bottles.",
	    "Orders over a hundred euros are delivered free of charge to any "
	    "address in the country, islands included.");
	static const char fr[] = LOOSE_PAGE("fr", "Rioja, Espagne | Cave",
	    "Rioja, Espagne",
	    "La Rioja s’étend au nord de l’Espagne le long du cours moyen de "
	    "l’Èbre, sur quelque 120 kilomètres de long et 40 de large.",
	    "La région compte trois parties, la Rioja Alta, la Rioja Alavesa "
	    "et la Rioja Baja, les deux premières marquées par l’Atlantique.",
	    "Le règlement autorise quatre cépages rouges et trois blancs, dont "
	    "le tempranillo et la garnacha sont les plus connus.",
	    "Mois en fût, rouge", "Ce sont des durées minimales.",
	    "Nos livraisons partent par colis, en général sous deux ou trois "
	    "jours ouvrés, en cartons de six ou douze bouteilles.",
	    "Au-delà de cent euros, la livraison est offerte partout en "
	    "France, îles comprises, sans minimum de bouteilles.");
	static const char ru[] = LOOSE_PAGE("ru", "Риоха, Испания | Винный "
	    "магазин", "Риоха, Испания",
	    "Риоха лежит на севере Испании по среднему течению Эбро, примерно "
	    "120 на 40 километров, и названа по реке Оха, одному из притоков.",
	    "Регион делится на три части, Риоха-Альта, Риоха-Алавеса и "
	    "Риоха-Баха, и первые две находятся под влиянием Атлантики.",
	    "Правила разрешают четыре красных и три белых сорта, из которых "
	    "лучше всего известны темпранильо и гарнача.",
	    "Месяцев в бочке, красное", "Это минимальные сроки выдержки.",
	    "Мы доставляем заказы курьерской службой, обычно за два или три "
	    "рабочих дня, в коробках по шесть или двенадцать бутылок.",
	    "Заказы дороже ста евро доставляются бесплатно по любому адресу в "
	    "стране, включая острова.");
	static const char *const en_want[] = {
	    "Rioja lies in the north", "The region has three parts",
	    "The rules allow four red", "Months in cask"
	};
	static const char *const fr_want[] = {
	    "La Rioja s’étend", "La région compte", "Le règlement autorise",
	    "Mois en fût"
	};
	static const char *const ru_want[] = {
	    "Риоха лежит на севере", "Регион делится на три",
	    "Правила разрешают", "Месяцев в бочке"
	};
	static const char *const en_bad[] = { "Our deliveries" };
	static const char *const fr_bad[] = { "Nos livraisons" };
	static const char *const ru_bad[] = { "Мы доставляем" };
	struct doc	*d;

	(void)state;
	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	headline_is(d, "Rioja, Spain");
	doc_free(d);
	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	doc_free(d);
	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	doc_free(d);
}

/*
 * A teaser of another story (class "teaser" on a box that links away)
 * and an editorial disclaimer (class "disclaimer") inside the content go;
 * the article's own lead, which a CMS also classes "teaser-text" but which
 * links nowhere, stays.
 */
#define TEASER_PAGE(lang, title, lead, box_a, box_p, disc, p1, p2, p3) \
	"<html lang=\"" lang "\"><head><title>" title "</title></head><body>" \
	"<article class=\"news-single\"><h1>" title "</h1>\n" \
	"<div class=\"teaser-text\"><p>" lead "</p></div>\n" \
	"<div class=\"news-text\">" p1 p2 \
	"<div class=\"teaser teaser--small\"><h3><a href=\"/story/2\">" box_a \
	"</a></h3><p>" box_p "</p></div>\n" \
	"<div class=\"editorial-disclaimer\"><p>" disc "</p></div>\n" p3 \
	"</div></article></body></html>\n"
static void
test_teaser_disclaimer(void **state)
{
	static const char en[] = TEASER_PAGE("en", "Heat in Andalusia",
	    "Schools close as the thermometer reaches 44C in the south.",
	    "Heat kills 12 in Portugal",
	    "Fires spread across the Algarve as crews struggle with the wind.",
	    "This report was made with the support of a travel grant from the "
	    "regional tourist board.", EN_P1, EN_P2, EN_P3);
	static const char fr[] = TEASER_PAGE("fr", "Canicule en Andalousie",
	    "Les écoles ferment alors que le thermomètre atteint 44 °C.",
	    "La chaleur fait 12 morts au Portugal",
	    "Les incendies gagnent l’Algarve, attisés par un vent violent.",
	    "Ce reportage a été réalisé grâce à une bourse de voyage de "
	    "l’office de tourisme régional.", FR_P1, FR_P2, FR_P3);
	static const char ru[] = TEASER_PAGE("ru", "Жара в Андалусии",
	    "Школы закрываются: на юге страны термометр показал 44 градуса.",
	    "Жара унесла 12 жизней в Португалии",
	    "Пожары охватили Алгарве, пожарным мешает сильный ветер.",
	    "Репортаж подготовлен при поддержке регионального бюро по "
	    "туризму, оплатившего поездку.", RU_P1, RU_P2, RU_P3);
	static const char *const en_want[] = {
	    "Schools close as the", "Temperatures passed 44C", "Doctors in Seville"
	};
	static const char *const en_bad[] = {
	    "Heat kills 12", "Fires spread", "travel grant"
	};
	static const char *const fr_want[] = {
	    "Les écoles ferment", "Le thermomètre a dépassé", "À Séville"
	};
	static const char *const fr_bad[] = {
	    "12 morts", "Les incendies", "bourse de voyage"
	};
	static const char *const ru_want[] = {
	    "Школы закрываются", "Во вторник температура", "Врачи в Севилье"
	};
	static const char *const ru_bad[] = {
	    "Жара унесла", "Пожары охватили", "Репортаж подготовлен"
	};
	struct doc	*d;

	(void)state;
	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	doc_free(d);
	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	doc_free(d);
	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	doc_free(d);
}

/*
 * Link lines: a short block that is all a link to another page and no
 * sentence goes when it is a heading (a teaser's title left between the
 * paragraphs) or comes before the article's text (a "Back to the
 * newsroom"); a heading that links to itself (a permalink) stays.
 */
#define LINK_PAGE(lang, title, back, p1, sec, p2, teaser, p3) \
	"<html lang=\"" lang "\"><head><title>" title "</title></head><body>" \
	"<article><div class=\"top\"><a href=\"/news\">" back "</a></div>\n" \
	"<h1>" title "</h1>\n" p1 \
	"<h2 id=\"s\"><a href=\"#s\">" sec "</a></h2>\n" p2 \
	"<h3><a href=\"/story/2\">" teaser "</a></h3>\n" p3 \
	"</article></body></html>\n"
static void
test_link_lines(void **state)
{
	static const char en[] = LINK_PAGE("en", "Heat in Andalusia",
	    "Back to the newsroom", EN_P1, "Schools", EN_P2,
	    "Heat kills 12 in Portugal", EN_P4);
	static const char fr[] = LINK_PAGE("fr", "Canicule en Andalousie",
	    "Retour aux actualités", FR_P1, "Les écoles", FR_P2,
	    "La chaleur fait 12 morts au Portugal", FR_P4);
	static const char ru[] = LINK_PAGE("ru", "Жара в Андалусии",
	    "Назад к новостям", RU_P1, "Школы", RU_P2,
	    "Жара унесла 12 жизней в Португалии", RU_P4);
	static const char *const en_want[] = {
	    "Temperatures passed 44C", "Schools", "Farmers, already short"
	};
	static const char *const en_bad[] = {
	    "Back to the newsroom", "Heat kills 12"
	};
	static const char *const fr_want[] = {
	    "Le thermomètre a dépassé", "Les écoles", "Les agriculteurs"
	};
	static const char *const fr_bad[] = {
	    "Retour aux actualités", "12 morts"
	};
	static const char *const ru_want[] = {
	    "Во вторник температура", "Школы", "Фермеры, которые"
	};
	static const char *const ru_bad[] = {
	    "Назад к новостям", "Жара унесла"
	};
	struct doc	*d;

	(void)state;
	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	kind_of(d, "Schools", BLOCK_HEADING);
	doc_free(d);
	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	doc_free(d);
	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	doc_free(d);
}

/*
 * Widget phrases between the paragraphs: a blog's "Like / Loading..."
 * button, a table of contents' title, the title of a box of similar posts
 * (whose teasers' titles went as link lines), a recipe's print button, the
 * title of the author's box ("About the author", a whole block only).
 */
#define PHRASE_PAGE(lang, title, p1, like, toc, rel, p2, print, about, p3) \
	"<html lang=\"" lang "\"><head><title>" title "</title></head><body>" \
	"<article><h1>" title "</h1>\n" p1 "<div class=\"box\">" like \
	"</div>\n<div class=\"box\"><p>" toc "</p></div>\n<h3>" rel \
	"</h3>\n" p2 \
	"<div class=\"box\"><span>" print "</span></div>\n" \
	"<h3>" about "</h3>\n" p3 \
	"</article></body></html>\n"
static void
test_widget_phrases(void **state)
{
	static const char en[] = PHRASE_PAGE("en", "Heat in Andalusia",
	    EN_P1, "Like Loading...", "Table of contents", "Similar posts",
	    EN_P2,
	    "Print recipe", "About the author",
	    "<p>About the author of the report, the agency said nothing "
	    "more than that she had worked in Seville for years.</p>\n");
	static const char fr[] = PHRASE_PAGE("fr", "Canicule en Andalousie",
	    FR_P1, "J’aime Chargement…", "Sommaire", "Articles similaires",
	    FR_P2,
	    "Imprimer la recette", "À propos de l’auteur", FR_P3);
	static const char ru[] = PHRASE_PAGE("ru", "Жара в Андалусии",
	    RU_P1, "Нравится Загрузка...", "Содержание", "Похожие статьи",
	    RU_P2,
	    "Распечатать", "Об авторе", RU_P3);
	static const char *const en_bad[] = {
	    "Like Loading", "Table of contents", "Similar posts",
	    "Print recipe"
	};
	static const char *const fr_bad[] = {
	    "J’aime", "Sommaire", "Articles similaires",
	    "Imprimer la recette", "À propos"
	};
	static const char *const ru_bad[] = {
	    "Нравится", "Содержание", "Похожие статьи", "Об авторе"
	};
	static const char *const en_want[] = {
	    "Temperatures passed 44C", "The state weather agency",
	    "About the author of the report"
	};
	static const char *const fr_want[] = {
	    "Le thermomètre a dépassé", "L’agence météorologique", "À Séville"
	};
	static const char *const ru_want[] = {
	    "Во вторник температура", "Метеоагентство Aemet", "Врачи в Севилье"
	};
	struct doc	*d;

	(void)state;
	d = load_has(en, en_want, nitems(en_want), en_bad, nitems(en_bad));
	/* The heading went; the sentence that opens with its words stays. */
	kind_of(d, "About the author", BLOCK_PARA);
	doc_free(d);
	d = load_has(fr, fr_want, nitems(fr_want), fr_bad, nitems(fr_bad));
	doc_free(d);
	d = load_has(ru, ru_want, nitems(ru_want), ru_bad, nitems(ru_bad));
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class_content),
		cmocka_unit_test(test_weak_strong_class),
		cmocka_unit_test(test_weak_class_links),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_link_paragraphs),
		cmocka_unit_test(test_boilerplate),
		cmocka_unit_test(test_byline_marked),
		cmocka_unit_test(test_byline_unmarked),
		cmocka_unit_test(test_trim_tail),
		cmocka_unit_test(test_orphan_headings),
		cmocka_unit_test(test_pick_teasers),
		cmocka_unit_test(test_pick_article),
		cmocka_unit_test(test_pick_main),
		cmocka_unit_test(test_noscript),
		cmocka_unit_test(test_fallback),
		cmocka_unit_test(test_jsonld_body),
		cmocka_unit_test(test_headline),
		cmocka_unit_test(test_captions),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_boilerplate_sentences),
		cmocka_unit_test(test_trim_tail_article),
		cmocka_unit_test(test_pick_teasers_short),
		cmocka_unit_test(test_fallback_one_cell),
		cmocka_unit_test(test_fallback_hours),
		cmocka_unit_test(test_captions_long_gallery),
		cmocka_unit_test(test_fallback_after_cleaning),
		cmocka_unit_test(test_lead),
		cmocka_unit_test(test_repeated),
		cmocka_unit_test(test_tail_words),
		cmocka_unit_test(test_subtitle_markup),
		cmocka_unit_test(test_switcher_alts),
		cmocka_unit_test(test_class_token_end),
		cmocka_unit_test(test_site_from_title),
		cmocka_unit_test(test_caption_classes),
		cmocka_unit_test(test_cut_after_body),
		cmocka_unit_test(test_credit_lines),
		cmocka_unit_test(test_author_box),
		cmocka_unit_test(test_dateline_no_date),
		cmocka_unit_test(test_embed),
		cmocka_unit_test(test_meta_toc),
		cmocka_unit_test(test_caption_most),
		cmocka_unit_test(test_loose_text),
		cmocka_unit_test(test_teaser_disclaimer),
		cmocka_unit_test(test_link_lines),
		cmocka_unit_test(test_widget_phrases),
	};

	return (cmocka_run_group_tests_name("furniture", tests, NULL, NULL));
}
