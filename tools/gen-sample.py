# Generates data/sample/commentary.{en,fr,ru}.html from the texts below
# (written by the polyread authors; free to redistribute with polyread).
import html
import os
NB = "\u00a0"; NN = "\u202f"
A = {
"en": dict(
 site="Polar Review", title="The Northern Sea Route: a shortcut that divides the Arctic",
 byline="Elena Marchetti, July 12, 2024", date="2024-07-12", locale="en_GB", author="Elena Marchetti",
 cookie="We use cookies to improve your experience on our site. <button>Accept all</button> <a href=\"/cookies\">Cookie settings</a>",
 nav=["Politics", "Economy", "Arctic", "Opinion"], share="Share this article:",
 related="More on this topic", rel=["Icebreakers for hire: who builds them now", "Svalbard’s coal town turns to tourism", "The Arctic Council after 2022: five questions"],
 footer="© 2024 Polar Review. All rights reserved.", privacy="Privacy policy",
 paras=[
  ("p", "When the Arctic Council’s working groups met in Tromsø on June 21, 2024, the agenda said little about shipping. Yet the Northern Sea Route was on everyone’s mind: last year 1,402 transits were recorded along the Russian coast, 12.5% more than the year before, that is, some 156 more ships."),
  ("p", "Norway’s Minister of Fisheries, Ingrid Halvorsen, was blunt. “The Arctic cannot become a toll road run by one country,” she told reporters, adding that Oslo would “keep every channel open, but not at any price”."),
  ("p", "In Moscow the tone was different. Sergei Volkov, deputy head of the Rosatom department in charge of the route, said the figures spoke for themselves: “Ships choose the shortest way. Nobody forces them; they come because it saves 12 days and 4,500 kilometres.”"),
  ("h2", "A question of rules"),
  ("p", "The dispute is less about ice than about law. Russia treats the Vilkitsky and Sannikov straits as internal waters; the U.S. and most European states call them international. Mr. Volkov dismissed the objection: “Those who speak of ‘freedom of navigation’ rarely send their own icebreakers.”"),
  ("p", "Dr. Marie-Claire Dubois, who studies polar law at the <a href=\"https://www.univ-rennes.fr/\">University of Rennes</a>, sees room for compromise. In her view, “a shared code of conduct for search and rescue would cost little and save lives”. She notes that only 155 km separate the nearest rescue bases on either side."),
  ("blockquote", "“We have maps, we have ships, we have satellites. What we lack is a habit of talking to each other before something goes wrong.”"),
  ("h2", "What comes next"),
  ("p", "For now, the route remains a Russian affair with <em>foreign</em> cargo. Chinese shipping lines accounted for most transits in 2023, while Western insurers stayed away. Whether the Tromsø talks change that will become clear in the autumn, when the ice returns and next season’s permits are issued."),
  ("p", "As Ms. Halvorsen put it at the close of the meeting: “We do not need to agree on everything. We need to agree on <strong>who picks up the phone</strong>.”"),
 ]),
"fr": dict(
 site="Revue polaire", title=f"La route maritime du Nord{NB}: un raccourci qui divise l’Arctique",
 byline="Elena Marchetti, 12 juillet 2024", date="2024-07-12", locale="fr_FR", author="Elena Marchetti",
 cookie="Nous utilisons des cookies pour améliorer votre expérience. <button>Tout accepter</button> <a href=\"/cookies\">Paramètres</a>",
 nav=["Politique", "Économie", "Arctique", "Opinions"], share="Partager cet article :",
 related="Sur le même sujet", rel=["Brise-glaces à louer : qui les construit aujourd’hui", "La ville minière du Svalbard mise sur le tourisme", "Le Conseil de l’Arctique après 2022 : cinq questions"],
 footer="© 2024 Revue polaire. Tous droits réservés.", privacy="Politique de confidentialité",
 paras=[
  ("p", f"Lorsque les groupes de travail du Conseil de l’Arctique se sont réunis à Tromsø le 21{NB}juin 2024, l’ordre du jour parlait peu de navigation. Pourtant, la route maritime du Nord était dans tous les esprits{NB}: l’an dernier, 1{NN}402 transits ont été enregistrés le long des côtes russes, soit 12,5{NB}% de plus que l’année précédente, c’est-à-dire quelque 156 navires de plus."),
  ("p", "La ministre norvégienne de la Pêche, Ingrid Halvorsen, n’a pas mâché ses mots. « L’Arctique ne peut pas devenir une route à péage gérée par un seul pays », a-t-elle déclaré aux journalistes, ajoutant qu’Oslo « gardera tous les canaux ouverts, mais pas à n’importe quel prix »."),
  ("p", f"À Moscou, le ton était différent. Sergueï Volkov, chef adjoint du département de Rosatom chargé de la route, a estimé que les chiffres parlaient d’eux-mêmes{NB}: «{NB}Les navires choisissent le chemin le plus court. Personne ne les y oblige{NN}; ils viennent parce que cela fait gagner 12{NB}jours et 4{NN}500{NB}kilomètres.{NB}»"),
  ("h2", "Une question de règles"),
  ("p", f"Le différend porte moins sur la glace que sur le droit. La Russie considère les détroits de Vilkitski et de Sannikov comme des eaux intérieures{NN}; les États-Unis et la plupart des États européens les jugent internationaux. M.{NB}Volkov a balayé l’objection{NB}: «{NB}Ceux qui parlent de “liberté de navigation” envoient rarement leurs propres brise-glaces.{NB}»"),
  ("p", f"Marie-Claire Dubois, qui étudie le droit polaire à l’<a href=\"https://www.univ-rennes.fr/\">université de Rennes</a>, voit une marge de compromis. Selon elle, «{NB}un code de conduite commun pour la recherche et le sauvetage coûterait peu et sauverait des vies{NB}». Elle note que seuls 155{NB}km séparent les bases de secours les plus proches de part et d’autre."),
  ("blockquote", f"«{NB}Nous avons des cartes, des navires, des satellites. Ce qui nous manque, c’est l’habitude de nous parler avant que quelque chose ne tourne mal.{NB}»"),
  ("h2", f"Et maintenant{NN}?"),
  ("p", f"Pour l’instant, la route reste une affaire russe aux cargaisons <em>étrangères</em>. Les compagnies maritimes chinoises ont assuré la plupart des transits en 2023, tandis que les assureurs occidentaux se tenaient à l’écart. On saura à l’automne si les discussions de Tromsø changent la donne, lorsque la glace reviendra et que les permis de la saison suivante seront délivrés."),
  ("p", f"Comme l’a résumé Mme{NB}Halvorsen à la clôture de la réunion{NB}: «{NB}Nous n’avons pas besoin d’être d’accord sur tout. Nous devons nous mettre d’accord sur <strong>qui décroche le téléphone</strong>.{NB}»"),
 ]),
"ru": dict(
 site="Полярное обозрение", title="Северный морской путь: короткая дорога, которая разделяет Арктику",
 byline="Елена Маркетти, 12 июля 2024 г.", date="2024-07-12", locale="ru_RU", author="Елена Маркетти",
 cookie="Мы используем файлы cookie, чтобы сайт работал лучше. <button>Принять</button> <a href=\"/cookies\">Настройки</a>",
 nav=["Политика", "Экономика", "Арктика", "Мнения"], share="Поделиться:",
 related="Другие материалы по теме", rel=["Ледоколы напрокат: кто их сейчас строит", "Шахтёрский посёлок на Шпицбергене делает ставку на туризм", "Арктический совет после 2022 года: пять вопросов"],
 footer="© 2024 Полярное обозрение. Все права защищены.", privacy="Политика конфиденциальности",
 paras=[
  ("p", f"Когда рабочие группы Арктического совета собрались в Тромсё 21{NB}июня 2024{NB}г., о судоходстве в повестке дня говорилось немного. Однако Северный морской путь был у всех на уме: в прошлом году вдоль российского побережья зарегистрировано 1{NB}402 транзитных рейса, на 12,5{NB}% больше, чем годом ранее, т.{NB}е. примерно на 156 судов больше."),
  ("p", "Министр рыболовства Норвегии Ингрид Халворсен высказалась прямо. «Арктика не может стать платной дорогой, которой управляет одна страна», — заявила она журналистам, добавив, что Осло «сохранит все каналы открытыми, но не любой ценой»."),
  ("p", f"В Москве тон был иным. Сергей Волков, заместитель руководителя департамента «Росатома», отвечающего за трассу, сказал, что цифры говорят сами за себя: «Суда выбирают самый короткий путь. Никто их не заставляет; они приходят, потому что это экономит 12{NB}дней и 4{NB}500{NB}километров»."),
  ("h2", "Вопрос правил"),
  ("p", "Спор идёт не столько о льде, сколько о праве. Россия считает проливы Вилькицкого и Санникова внутренними водами; США и большинство европейских государств называют их международными. Г-н Волков отмёл это возражение: «Те, кто говорит о „свободе судоходства“, редко посылают собственные ледоколы»."),
  ("p", f"Мари-Клер Дюбуа, изучающая полярное право в <a href=\"https://www.univ-rennes.fr/\">Реннском университете</a>, видит возможность для компромисса. По её мнению, «общий кодекс поведения для поиска и спасания стоил бы немного и спасал бы жизни». Она отмечает, что ближайшие спасательные базы по обе стороны разделяют всего 155{NB}км."),
  ("blockquote", "«У нас есть карты, есть суда, есть спутники. Чего нам не хватает, так это привычки разговаривать друг с другом до того, как что-то пойдёт не так»."),
  ("h2", "Что дальше"),
  ("p", "Пока трасса остаётся российским делом с <em>иностранными</em> грузами. Большая часть транзитов в 2023 году пришлась на китайские судоходные компании, тогда как западные страховщики держались в стороне. Изменят ли что-то переговоры в Тромсё, станет ясно осенью, когда вернётся лёд и будут выданы разрешения на следующий сезон."),
  ("p", "Как сказала г-жа Халворсен при закрытии встречи: «Нам не нужно соглашаться во всём. Нам нужно договориться о том, <strong>кто поднимет трубку</strong>»."),
 ]),
}
for lang, a in A.items():
    e = html.escape
    out = []
    out.append("<!DOCTYPE html>")
    out.append(f'<html lang="{lang}">')
    out.append("<head>")
    out.append('<meta charset="utf-8">')
    out.append(f"<title>{e(a['title'])} | {e(a['site'])}</title>")
    out.append(f'<meta name="author" content="{e(a["author"])}">')
    out.append(f'<meta property="article:published_time" content="{a["date"]}">')
    out.append(f'<meta property="og:locale" content="{a["locale"]}">')
    out.append(f'<meta property="og:title" content="{e(a["title"])}">')
    for l in ("en", "fr", "ru"):
        out.append(f'<link rel="alternate" hreflang="{l}" href="commentary.{l}.html">')
    out.append('<style>body { font-family: serif; } .cookie-consent { position: fixed; }</style>')
    out.append('<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "article"});</script>')
    out.append("</head>")
    out.append("<body>")
    out.append(f'<div id="cookie-banner" class="cookie-consent">{a["cookie"]}</div>')
    out.append(f'<header class="site-header"><a class="logo" href="/">{e(a["site"])}</a>')
    out.append("<nav><ul>" + "".join(f'<li><a href="/{i}">{e(n)}</a></li>' for i, n in enumerate(a["nav"])) + "</ul></nav>")
    out.append('<div class="lang-switch"><a href="commentary.en.html">EN</a> | <a href="commentary.fr.html">FR</a> | <a href="commentary.ru.html">RU</a></div>')
    out.append("</header>")
    out.append("<main>")
    out.append("<article>")
    out.append(f"<h1>{e(a['title'])}</h1>")
    out.append(f'<p class="byline">{e(a["byline"])}</p>')
    for tag, text in a["paras"]:
        # text may hold inline markup already; escape only bare & < > outside tags
        if tag == "blockquote":
            out.append(f"<blockquote><p>{text}</p></blockquote>")
        else:
            out.append(f"<{tag}>{text}</{tag}>")
    out.append("</article>")
    out.append(f'<div class="share-bar">{e(a["share"])} <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a></div>')
    out.append(f'<section class="related"><h2>{e(a["related"])}</h2><ul>' + "".join(f'<li><a href="#">{e(r)}</a></li>' for r in a["rel"]) + "</ul></section>")
    out.append("</main>")
    out.append(f'<footer class="site-footer"><p>{e(a["footer"])} <a href="/privacy">{e(a["privacy"])}</a></p></footer>')
    out.append("</body>")
    out.append("</html>")
    open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "sample", f"commentary.{lang}.html"), "w").write("\n".join(out) + "\n")
