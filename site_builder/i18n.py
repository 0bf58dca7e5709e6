"""Interface languages: the words of the site's interface in four languages, and dates for each locale."""

from __future__ import annotations

import datetime
import functools

from babel import Locale
from babel.dates import format_date, format_skeleton

UI_LANGUAGES = ("en", "ru", "kk", "az")
# Babel locale per interface language (British English writes "24 August 2022").
LOCALES = {"en": "en_GB", "ru": "ru", "kk": "kk", "az": "az"}
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU", "kk": "kk_KZ", "az": "az_AZ"}
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша", "az": "Azərbaycanca"}

# Each entry: key -> (en, ru, kk, az).
_STRINGS: dict[str, tuple[str, str, str, str]] = {
    "skip": ("Skip to content", "Перейти к содержанию", "Мазмұнға өту", "Məzmuna keç"),
    "nav": ("Main", "Основное меню", "Негізгі мәзір", "Əsas menyu"),
    "home": ("Home", "Главная", "Басты бет", "Ana səhifə"),
    "timeline": ("Timeline", "Хронология", "Хронология", "Xronologiya"),
    "documents": ("Documents", "Документы", "Құжаттар", "Sənədlər"),
    "topics": ("Topics", "Темы", "Тақырыптар", "Mövzular"),
    "entities": ("People, places, organizations", "Люди, места, организации", "Адамдар, жерлер, ұйымдар",
                 "Şəxslər, yerlər, təşkilatlar"),
    "entities_short": ("Index", "Указатель", "Көрсеткіш", "Göstərici"),
    "search": ("Search", "Поиск", "Іздеу", "Axtarış"),
    "language": ("Language", "Язык", "Тіл", "Dil"),
    "choose_language": ("Choose a language", "Выберите язык", "Тілді таңдаңыз", "Dili seçin"),
    "about": ("A documentary record of relations between Kazakhstan and Azerbaijan: news reports and official "
              "statements in their original languages, annotated, dated with their evidence and linked to "
              "the events they describe.",
              "Документальная хроника отношений Казахстана и Азербайджана: новости и официальные заявления "
              "на языке оригинала, с аннотациями, датами и их обоснованием, связанные с описанными событиями.",
              "Қазақстан мен Әзербайжан қатынастарының деректі шежіресі: түпнұсқа тіліндегі жаңалықтар мен "
              "ресми мәлімдемелер, аннотацияланған, күні мен оның дәлелі көрсетілген, оқиғалармен байланысқан.",
              "Qazaxıstan və Azərbaycan münasibətlərinin sənədli salnaməsi: orijinal dildə xəbərlər və rəsmi "
              "bəyanatlar, annotasiyalı, tarixi və onun əsası göstərilmiş, təsvir etdikləri hadisələrlə əlaqəli."),
    "latest_events": ("Latest events", "Последние события", "Соңғы оқиғалар", "Son hadisələr"),
    "topic_hubs": ("Topics", "Темы", "Тақырыптар", "Mövzular"),
    "in_numbers": ("The record in numbers", "Хроника в цифрах", "Шежіре сандармен", "Salnamə rəqəmlərlə"),
    "n_entities": ("people, places and organizations", "людей, мест и организаций", "адам, жер және ұйым",
                   "şəxs, yer və təşkilat"),
    "n_languages": ("text languages", "языков текстов", "мәтін тілі", "mətn dili"),
    "all_events": ("All events", "Все события", "Барлық оқиғалар", "Bütün hadisələr"),
    "all_documents": ("All documents", "Все документы", "Барлық құжаттар", "Bütün sənədlər"),
    "all_topics": ("All topics", "Все темы", "Барлық тақырыптар", "Bütün mövzular"),
    "date": ("Date", "Дата", "Күні", "Tarix"),
    "title": ("Title", "Заголовок", "Тақырыбы", "Başlıq"),
    "text_language": ("Language of the text", "Язык текста", "Мәтін тілі", "Mətnin dili"),
    "outlet": ("Outlet", "Источник", "Басылым", "Mənbə"),
    "citing": ("citing", "со ссылкой на", "сілтемесімен:", "istinadən:"),
    "no_outlet": ("not named", "не указан", "көрсетілмеген", "göstərilməyib"),
    "place": ("Place", "Место", "Орны", "Yer"),
    "people": ("People", "Люди", "Адамдар", "Şəxslər"),
    "places": ("Places and projects", "Места и проекты", "Жерлер мен жобалар", "Yerlər və layihələr"),
    "organizations": ("Organizations", "Организации", "Ұйымдар", "Təşkilatlar"),
    "quotes": ("Quotes", "Цитаты", "Дәйексөздер", "Sitatlar"),
    "key_quotes": ("Key quotes", "Главные цитаты", "Негізгі дәйексөздер", "Əsas sitatlar"),
    "said_by": ("said", "сказал(а)", "деді", "dedi"),
    "in_document": ("in", "в документе", "құжатта:", "sənəddə:"),
    "full_text": ("Full text", "Полный текст", "Толық мәтін", "Tam mətn"),
    # A text is given whole once, on its page in its own language; this page gives its opening and leads there.
    "text_on_own_page": ("The whole text is on this document's page in its own language. Its opening:",
                         "Весь текст — на странице документа на языке оригинала. Его начало:",
                         "Мәтіннің толығы құжаттың өз тіліндегі бетінде. Басы:",
                         "Mətnin tamı sənədin öz dilindəki səhifəsindədir. Başlanğıcı:"),
    "read_full_text": ("Read the full text ({language}, {n} paragraphs)", "Читать полный текст ({language}, абзацев: {n})",
                       "Толық мәтінді оқу ({language}, абзац саны: {n})", "Tam mətni oxu ({language}, abzas sayı: {n})"),
    "original_language_note": ("The text is shown in its original language.", "Текст приводится на языке оригинала.",
                               "Мәтін түпнұсқа тілінде берілген.", "Mətn orijinal dildə verilir."),
    "paragraph": ("Paragraph", "Абзац", "Абзац", "Abzas"),
    "leftover": ("left over from the web page, not part of the article", "остаток веб-страницы, не часть статьи",
                 "веб-беттен қалған жол, мақаланың бөлігі емес", "veb-səhifədən qalan sətir, məqalənin hissəsi deyil"),
    "quote_mark": ("Quotation", "Цитата", "Дәйексөз", "Sitat"),
    "date_evidence": ("How the date is known", "Как установлена дата", "Күн қалай анықталды", "Tarix necə müəyyən edilib"),
    "from_header": ("from the date line of the saved text", "по строке даты в сохранённом тексте",
                    "сақталған мәтіндегі күн жолы бойынша", "saxlanmış mətndəki tarix sətrinə görə"),
    "inferred_from": ("inferred from the words", "выведена из слов", "мына сөздерден шығарылды", "bu sözlərdən çıxarılıb"),
    "precision_day": ("exact day", "точный день", "нақты күн", "dəqiq gün"),
    "precision_month": ("month only", "только месяц", "тек ай", "yalnız ay"),
    "precision_year": ("year only", "только год", "тек жыл", "yalnız il"),
    "undated": ("Undated", "Без даты", "Күні белгісіз", "Tarixsiz"),
    "related": ("Other accounts of the same event", "Другие сообщения о том же событии",
                "Сол оқиға туралы басқа хабарлар", "Eyni hadisə haqqında digər məlumatlar"),
    "related_more": ("Related documents", "Связанные документы", "Байланысты құжаттар", "Əlaqəli sənədlər"),
    "supports_events": ("Timeline events this text supports", "События хронологии, подтверждаемые этим текстом",
                        "Осы мәтін дәлелдейтін оқиғалар", "Bu mətnin təsdiqlədiyi hadisələr"),
    "sources": ("Sources", "Источники", "Дереккөздер", "Mənbələr"),
    "source_paragraphs": ("paragraphs", "абзацы", "абзацтар", "abzaslar"),
    # An event's source named by its outlet where its title is the event's own; this when it names none.
    "source_document": ("Text", "Текст", "Мәтін", "Mətn"),
    "how_to_cite": ("How to cite this page", "Как цитировать эту страницу", "Бұл бетке қалай сілтеме жасау керек",
                    "Bu səhifəyə necə istinad etmək olar"),
    "cite_csl": ("CSL-JSON", "CSL-JSON", "CSL-JSON", "CSL-JSON"),
    "cite_bibtex": ("BibTeX", "BibTeX", "BibTeX", "BibTeX"),
    "raw_text": ("The text as it was saved (plain text)", "Текст в сохранённом виде (простой текст)",
                 "Мәтін сақталған күйінде (қарапайым мәтін)", "Mətn saxlanıldığı kimi (sadə mətn)"),
    "checksum": ("SHA-256 of the saved text", "SHA-256 сохранённого текста", "Сақталған мәтіннің SHA-256",
                 "Saxlanmış mətnin SHA-256"),
    "accessed": ("accessed", "дата обращения", "қаралған күні", "müraciət tarixi"),
    "topic_timeline": ("Timeline of this topic", "Хронология темы", "Тақырып хронологиясы", "Mövzunun xronologiyası"),
    "topic_documents": ("Documents on this topic", "Документы по теме", "Тақырып бойынша құжаттар",
                        "Mövzu üzrə sənədlər"),
    "most_mentioned": ("Most mentioned", "Чаще всего упоминаются", "Жиі аталатындар", "Ən çox xatırlananlar"),
    "mentions": ("mentions", "упоминаний", "рет аталған", "dəfə xatırlanıb"),
    "mentioned_in": ("Documents that mention it", "Документы, где упоминается", "Аталған құжаттар",
                     "Xatırlandığı sənədlər"),
    "their_quotes": ("Quotes", "Цитаты", "Дәйексөздері", "Sitatları"),
    "events_with": ("Events", "События", "Оқиғалар", "Hadisələr"),
    "no_items": ("Nothing yet.", "Пока ничего нет.", "Әзірге ештеңе жоқ.", "Hələ heç nə yoxdur."),
    "chart_title": ("Events per year by topic", "События по годам и темам", "Жылдар мен тақырыптар бойынша оқиғалар",
                    "İllər və mövzular üzrə hadisələr"),
    "chart_docs_title": ("Documents per year by topic", "Документы по годам и темам",
                         "Жылдар мен тақырыптар бойынша құжаттар", "İllər və mövzular üzrə sənədlər"),
    "original_title": ("Original title", "Заголовок оригинала", "Түпнұсқа тақырыбы", "Orijinal başlıq"),
    "title_translated": ("title translated by the editor", "перевод заголовка — редакции",
                         "тақырыпты редактор аударған", "başlığı redaktor tərcümə edib"),
    "editor_summary": ("Summary by the editor", "Краткое изложение от редакции", "Редактордың қысқаша мазмұны",
                       "Redaktorun xülasəsi"),
    "review": ("Editor's desk", "Стол редактора", "Редактор үстелі", "Redaktor masası"),
    "review_intro": ("What ingest was unsure of, and every problem check finds: each waits for your decision. "
                     "This page exists only in the local preview; it is never published.",
                     "То, в чём ingest не уверен, и все проблемы, которые находит check: каждое ждёт вашего решения. "
                     "Эта страница есть только в локальном просмотре и никогда не публикуется.",
                     "Ingest сенімсіз болған нәрселер және check тапқан барлық мәселе: әрқайсысы сіздің шешіміңізді "
                     "күтеді. Бұл бет тек жергілікті алдын ала қарауда бар, ешқашан жарияланбайды.",
                     "Ingest-in əmin olmadığı hər şey və check-in tapdığı bütün problemlər: hər biri sizin qərarınızı "
                     "gözləyir. Bu səhifə yalnız yerli önizləmədədir, heç vaxt dərc olunmur."),
    "review_nothing": ("Nothing waits for your decision.", "Ничто не ждёт вашего решения.",
                       "Шешіміңізді күтетін ештеңе жоқ.", "Qərarınızı gözləyən heç nə yoxdur."),
    "review_waiting": ("waiting", "ожидают", "күтуде", "gözləyir"),
    "review_range": ("the office holders it names allow", "названные в нём должностные лица допускают",
                     "онда аталған лауазымды тұлғалар мүмкіндік береді", "adı çəkilən vəzifəli şəxslər imkan verir"),
    "review_sha_now": ("its SHA-256 is now", "его SHA-256 теперь", "оның SHA-256 қазір", "onun SHA-256-sı indi"),
    "review_edit": ("Edit", "Изменить", "Өңдеу", "Redaktə"),
    "review_preview": ("Preview", "Просмотр", "Алдын ала қарау", "Önizləmə"),
    "review_problem": ("Problems found by check", "Проблемы, найденные check", "Check тапқан мәселелер",
                       "Check-in tapdığı problemlər"),
    "review_problem_how": ("Fix the line named; the build refuses until then.",
                           "Исправьте указанную строку; до тех пор сборка не пройдёт.",
                           "Көрсетілген жолды түзетіңіз; оған дейін құрастыру өтпейді.",
                           "Göstərilən sətri düzəldin; o vaxta qədər yığım alınmır."),
    "review_seed-changed": ("Texts whose seed changed since ingest", "Тексты, чей исходный файл изменился после ingest",
                            "Ingest-тен кейін бастапқы файлы өзгерген мәтіндер",
                            "Ingest-dən sonra mənbə faylı dəyişmiş mətnlər"),
    "review_seed-changed_how": ("Compare the seed with the entry, then write its new seed_sha256.",
                                "Сравните исходный файл с записью и впишите новый seed_sha256.",
                                "Бастапқы файлды жазбамен салыстырып, жаңа seed_sha256 жазыңыз.",
                                "Mənbə faylını qeydlə müqayisə edin, sonra yeni seed_sha256 yazın."),
    "review_undated": ("Undated texts", "Тексты без даты", "Күні жоқ мәтіндер", "Tarixsiz mətnlər"),
    "review_undated_how": ("Write the date by hand, or reviewed: true if it stays undated.",
                           "Впишите дату вручную или reviewed: true, если дата остаётся неизвестной.",
                           "Күнді қолмен жазыңыз, не күні белгісіз қалса reviewed: true.",
                           "Tarixi əllə yazın, tarixsiz qalırsa reviewed: true."),
    "review_low-confidence-date": ("Dates read at low confidence", "Даты, установленные с низкой уверенностью",
                                   "Сенімсіз анықталған күндер", "Aşağı əminliklə oxunmuş tarixlər"),
    "review_low-confidence-date_how": ("Check the date; then delete date_confidence (or write high).",
                                       "Проверьте дату, затем удалите date_confidence (или впишите high).",
                                       "Күнді тексеріп, date_confidence жолын өшіріңіз (не high жазыңыз).",
                                       "Tarixi yoxlayın, sonra date_confidence-i silin (və ya high yazın)."),
    "review_first-sentence-title": ("Titles taken from a first sentence", "Заголовки из первого предложения",
                                    "Бірінші сөйлемнен алынған тақырыптар", "İlk cümlədən götürülmüş başlıqlar"),
    "review_first-sentence-title_how": ("Write a title and title_source: editor.",
                                        "Впишите заголовок и title_source: editor.",
                                        "Тақырып пен title_source: editor жазыңыз.",
                                        "Başlıq və title_source: editor yazın."),
    "review_quote-without-speaker": ("Quotes without a speaker", "Цитаты без автора", "Айтушысы жоқ дәйексөздер",
                                     "Müəllifi olmayan sitatlar"),
    "review_quote-without-speaker_how": ("Name the speaker (an entity id), or delete the quote.",
                                         "Укажите автора (id сущности) или удалите цитату.",
                                         "Айтушыны (нысан id) көрсетіңіз не дәйексөзді өшіріңіз.",
                                         "Müəllifi (obyekt id) göstərin və ya sitatı silin."),
    "review_leftovers": ("Suspected web leftovers", "Вероятные остатки веб-страницы", "Веб-беттен қалған болуы мүмкін жолдар",
                         "Veb-səhifədən qalmış ola biləcək sətirlər"),
    "review_leftovers_how": ("Keep or remove the paragraph numbers, then reviewed: true.",
                             "Оставьте или удалите номера абзацев, затем reviewed: true.",
                             "Абзац нөмірлерін қалдырыңыз не өшіріңіз, содан кейін reviewed: true.",
                             "Abzas nömrələrini saxlayın və ya silin, sonra reviewed: true."),
    "review_suggested-entity": ("Suggested entities not yet confirmed", "Предложенные, но не подтверждённые сущности",
                                "Ұсынылған, бірақ расталмаған нысандар", "Təklif edilmiş, lakin təsdiqlənməmiş obyektlər"),
    "review_suggested-entity_how": ("Check the names, then delete suggested: true (or write false).",
                                    "Проверьте имена, затем удалите suggested: true (или впишите false).",
                                    "Аттарын тексеріп, suggested: true жолын өшіріңіз (не false жазыңыз).",
                                    "Adları yoxlayın, sonra suggested: true-nu silin (və ya false yazın)."),
    "strip_label": ("The whole record at a glance", "Вся хроника одним взглядом", "Бүкіл шежіре бір көзқараспен",
                    "Bütün salnamə bir baxışda"),
    "strip_note": ("{n} events from {first} to {last}. Each mark is an event, coloured by its topics and as wide as "
                   "its date is precise (a day, a month, a year); it leads to the event in the list below, as does "
                   "each year. The list is the same record in words.",
                   "{n} событий с {first} по {last} год. Каждая отметка — событие, окрашенное по его темам и "
                   "шириной по точности даты (день, месяц, год); она ведёт к событию в списке ниже, как и каждый "
                   "год. Список ниже — та же хроника словами.",
                   "{first}–{last} жылдардағы {n} оқиға. Әр белгі — оқиға, тақырыптары бойынша боялған, ені "
                   "күнінің дәлдігіндей (күн, ай, жыл); ол төмендегі тізімдегі оқиғаға апарады, әр жыл да солай. "
                   "Тізім — сол шежіре сөзбен.",
                   "{first}–{last} illəri üzrə {n} hadisə. Hər işarə bir hadisədir, mövzularına görə rənglənib, eni "
                   "tarixinin dəqiqliyi qədərdir (gün, ay, il); aşağıdakı siyahıda hadisəyə aparır, hər il də "
                   "belə. Siyahı eyni salnamənin sözlə ifadəsidir."),
    "chart_docs_year": ("Documents on this topic per year", "Документы по теме по годам",
                        "Тақырып бойынша құжаттар, жылдар бойынша", "Mövzu üzrə sənədlər, illər üzrə"),
    "chart_events_year": ("Events of this topic per year", "События темы по годам",
                          "Тақырып оқиғалары, жылдар бойынша", "Mövzunun hadisələri, illər üzrə"),
    "unit_documents": ("Documents", "Документы", "Құжаттар", "Sənədlər"),
    "unit_events": ("Events", "События", "Оқиғалар", "Hadisələr"),
    "chart_note_documents": ("The first panel counts each document once; a document on several topics is also "
                             "counted in the panel of each of them.",
                             "Первая панель считает каждый документ один раз; документ на несколько тем учтён "
                             "также в панели каждой из них.",
                             "Бірінші панель әр құжатты бір рет санайды; бірнеше тақырыптағы құжат олардың "
                             "әрқайсысының панелінде де есептеледі.",
                             "Birinci panel hər sənədi bir dəfə sayır; bir neçə mövzuya aid sənəd onların hər "
                             "birinin panelində də sayılır."),
    "chart_note_events": ("The first panel counts each event once; an event on several topics is also counted in "
                          "the panel of each of them.",
                          "Первая панель считает каждое событие один раз; событие на несколько тем учтено также в "
                          "панели каждой из них.",
                          "Бірінші панель әр оқиғаны бір рет санайды; бірнеше тақырыптағы оқиға олардың "
                          "әрқайсысының панелінде де есептеледі.",
                          "Birinci panel hər hadisəni bir dəfə sayır; bir neçə mövzuya aid hadisə onların hər "
                          "birinin panelində də sayılır."),
    "chart_table": ("The chart's figures as a table", "Данные диаграммы в виде таблицы", "Диаграмма деректері кесте түрінде",
                    "Diaqramın rəqəmləri cədvəl şəklində"),
    "year": ("Year", "Год", "Жыл", "İl"),
    "total": ("Total", "Всего", "Барлығы", "Cəmi"),
    "sort_by": ("Sort by", "Сортировать по", "Сұрыптау", "Sırala"),
    "sorted_by": ("sorted by", "отсортировано по", "сұрыпталған:", "sıralanıb:"),
    "feed": ("Atom feed", "Лента Atom", "Atom арнасы", "Atom lenti"),
    "data_intro": ("Every document's annotations and every event of the timeline, for reuse, as JSON and CSV. Each "
                   "document's page also gives its citation as CSL-JSON and BibTeX.",
                   "Аннотации всех документов и все события хронологии для повторного использования, в JSON и CSV. "
                   "Страница каждого документа также даёт его библиографическое описание в CSL-JSON и BibTeX.",
                   "Барлық құжаттың аннотациялары мен хронологияның барлық оқиғалары қайта пайдалану үшін, JSON және "
                   "CSV пішімінде. Әр құжаттың беті оның библиографиялық сипаттамасын CSL-JSON және BibTeX "
                   "пішімінде де береді.",
                   "Bütün sənədlərin annotasiyaları və xronologiyanın bütün hadisələri təkrar istifadə üçün, JSON və "
                   "CSV formatında. Hər sənədin səhifəsi onun biblioqrafik təsvirini CSL-JSON və BibTeX formatında da "
                   "verir."),
    "data": ("Open data", "Открытые данные", "Ашық деректер", "Açıq məlumatlar"),
    "data_intro": ("Every document's annotations and the timeline, for reuse:",
                   "Аннотации всех документов и хронология для повторного использования:",
                   "Барлық құжаттың аннотациялары мен хронология қайта пайдалануға:",
                   "Bütün sənədlərin annotasiyaları və xronologiya təkrar istifadə üçün:"),
    "not_found": ("Page not found", "Страница не найдена", "Бет табылмады", "Səhifə tapılmadı"),
    "not_found_text": ("There is no page at this address. Try the home page, the timeline or the list of documents.",
                       "По этому адресу страницы нет. Попробуйте главную страницу, хронологию или список документов.",
                       "Бұл мекенжайда бет жоқ. Басты бетті, хронологияны немесе құжаттар тізімін қараңыз.",
                       "Bu ünvanda səhifə yoxdur. Ana səhifəyə, xronologiyaya və ya sənədlər siyahısına baxın."),
    "person": ("Person", "Человек", "Адам", "Şəxs"),
    "organization": ("Organization", "Организация", "Ұйым", "Təşkilat"),
    "type": ("Type", "Тип", "Түрі", "Növ"),
    "document_count": ("Documents", "Документов", "Құжаттар", "Sənədlər"),
    "footer": ("Texts belong to their outlets and are quoted for documentation. Built with site_builder.",
               "Тексты принадлежат их источникам и приводятся в целях документирования. Собрано site_builder.",
               "Мәтіндер өз басылымдарына тиесілі және құжаттау үшін келтірілген. site_builder арқылы жасалған.",
               "Mətnlər öz mənbələrinə məxsusdur və sənədləşdirmə məqsədilə verilir. site_builder ilə hazırlanıb."),
    "topics_intro": ("Each topic gathers the documents that discuss it substantially, with its timeline, quotes "
                     "and the people, places and organizations it involves.",
                     "Каждая тема собирает документы, где она обсуждается по существу, с хронологией, цитатами, "
                     "людьми, местами и организациями.",
                     "Әр тақырып оны мазмұнды талқылайтын құжаттарды, хронологиясын, дәйексөздерін, адамдарын, "
                     "жерлері мен ұйымдарын жинайды.",
                     "Hər mövzu onu ətraflı müzakirə edən sənədləri, xronologiyasını, sitatlarını, şəxsləri, "
                     "yerləri və təşkilatları toplayır."),
    "entities_intro": ("Everyone and everything the documents name, with their quotes and the documents that "
                       "mention them.",
                       "Все, кого и что называют документы, с цитатами и документами, где они упоминаются.",
                       "Құжаттарда аталған барлық адамдар мен нысандар, дәйексөздері және аталған құжаттары.",
                       "Sənədlərin adını çəkdiyi hər kəs və hər şey, sitatları və xatırlandığı sənədlərlə."),
    "timeline_intro": ("Every event in date order. Each rests on paragraphs of the documents that report it; "
                       "a date is shown only as precisely as the sources allow.",
                       "Все события по порядку дат. Каждое опирается на абзацы сообщающих о нём документов; "
                       "дата показана с той точностью, которую допускают источники.",
                       "Барлық оқиға күн ретімен. Әрқайсысы ол туралы хабарлайтын құжаттардың абзацтарына "
                       "негізделген; күн дереккөздер мүмкіндік беретін дәлдікпен көрсетілген.",
                       "Bütün hadisələr tarix sırası ilə. Hər biri onu bildirən sənədlərin abzaslarına əsaslanır; "
                       "tarix mənbələrin imkan verdiyi dəqiqliklə göstərilir."),
    "documents_intro": ("Every document in the record. Choose a column heading to sort the table.",
                        "Все документы хроники. Выберите заголовок столбца, чтобы отсортировать таблицу.",
                        "Шежіредегі барлық құжат. Кестені сұрыптау үшін баған тақырыбын таңдаңыз.",
                        "Salnamədəki bütün sənədlər. Cədvəli sıralamaq üçün sütun başlığını seçin."),
    "breadcrumb": ("Breadcrumb", "Навигационная цепочка", "Навигация тізбегі", "Naviqasiya zənciri"),
    "on_this_page": ("Language versions", "Языковые версии", "Тілдік нұсқалар", "Dil versiyaları"),
    "event": ("Event", "Событие", "Оқиға", "Hadisə"),
    "summary": ("Summary", "Кратко", "Қысқаша", "Qısaca"),
    "topic": ("Topic", "Тема", "Тақырып", "Mövzu"),
    "search_label": ("Search the documents and events", "Поиск по документам и событиям",
                     "Құжаттар мен оқиғалардан іздеу", "Sənədlərdə və hadisələrdə axtarış"),
    "search_button": ("Search", "Найти", "Іздеу", "Axtar"),
    "search_intro": ("Search every document and event in all four languages. Names are found in any spelling: "
                     "Алиев, Әлиев, Aliyev and Əliyev all find Ilham Aliyev.",
                     "Поиск по всем документам и событиям на четырёх языках. Имена находятся в любом написании: "
                     "Алиев, Әлиев, Aliyev и Əliyev находят Ильхама Алиева.",
                     "Барлық құжаттар мен оқиғалардан төрт тілде іздеу. Есімдер кез келген жазылуымен табылады: "
                     "Алиев, Әлиев, Aliyev және Əliyev — бәрі Ильхам Әлиевті табады.",
                     "Bütün sənədlərdə və hadisələrdə dörd dildə axtarış. Adlar istənilən yazılışda tapılır: "
                     "Алиев, Әлиев, Aliyev və Əliyev İlham Əliyevi tapır."),
    "search_nojs": ("Search needs JavaScript. Without it, browse the documents, the timeline or the index of names.",
                    "Для поиска нужен JavaScript. Без него воспользуйтесь списком документов, хронологией или указателем.",
                    "Іздеу үшін JavaScript қажет. Онсыз құжаттар тізімін, хронологияны немесе көрсеткішті қараңыз.",
                    "Axtarış üçün JavaScript lazımdır. Onsuz sənədlər siyahısına, xronologiyaya və ya göstəriciyə baxın."),
    "results": ("results", "результатов", "нәтиже", "nəticə"),
    "no_results": ("No results.", "Ничего не найдено.", "Ештеңе табылмады.", "Heç nə tapılmadı."),
    "search_failed": ("Search is not available: its index could not be loaded. The documents and the timeline list "
                      "everything.",
                      "Поиск недоступен: не удалось загрузить его индекс. Все материалы есть в списке документов и в "
                      "хронологии.",
                      "Іздеу қолжетімсіз: оның индексі жүктелмеді. Барлық материал құжаттар тізімі мен хронологияда "
                      "бар.",
                      "Axtarış mümkün deyil: onun indeksi yüklənmədi. Bütün materiallar sənədlər siyahısında və "
                      "xronologiyadadır."),
    "pages": ("Pages", "Страницы", "Беттер", "Səhifələr"),
    "page": ("Page", "Страница", "Бет", "Səhifə"),
    "previous_page": ("Previous", "Предыдущая", "Алдыңғы", "Əvvəlki"),
    "next_page": ("Next", "Следующая", "Келесі", "Növbəti"),
    "range_of": ("{first}–{last} of {total}", "{first}–{last} из {total}", "{total} ішінен {first}–{last}",
                 "{total} ədəddən {first}–{last}"),
    "years": ("Years", "Годы", "Жылдар", "İllər"),
    "events_of_year": ("Events of {year}", "События {year} года", "{year} жылғы оқиғалар", "{year}-ci ilin hadisələri"),
    "timeline_years_intro": ("The timeline has a page for each year. Choose a year, or filter the whole record.",
                             "У хронологии есть страница для каждого года. Выберите год или отфильтруйте всю хронику.",
                             "Хронологияның әр жылға арналған беті бар. Жылды таңдаңыз немесе бүкіл шежірені сүзіңіз.",
                             "Xronologiyanın hər il üçün səhifəsi var. İli seçin və ya bütün salnaməni süzün."),
    "see_all": ("See all {n}", "Все {n}", "Барлығы: {n}", "Hamısı: {n}"),
    "all_sources": ("All {n} sources", "Все источники: {n}", "Барлық дереккөз: {n}", "Bütün mənbələr: {n}"),
    "more_related": ("and {n} more reports", "и ещё {n} сообщений", "және тағы {n} хабар", "və daha {n} xəbər"),
    "show_more": ("Show more", "Показать ещё", "Тағы көрсету", "Daha çox göstər"),
    "filter_loading": ("Loading the whole record…", "Загрузка всей хроники…", "Бүкіл шежіре жүктелуде…",
                       "Bütün salnamə yüklənir…"),
    "filter_failed": ("The filters could not load the record; the pages below list everything.",
                      "Фильтрам не удалось загрузить хронику; страницы ниже содержат всё.",
                      "Сүзгілер шежірені жүктей алмады; төмендегі беттерде бәрі бар.",
                      "Filtrlər salnaməni yükləyə bilmədi; aşağıdakı səhifələrdə hər şey var."),
    "quote_in_text": ("marked in the text", "отмечена в тексте", "мәтінде белгіленген", "mətndə qeyd olunub"),
    "latest_documents": ("Latest documents", "Последние документы", "Соңғы құжаттар", "Son sənədlər"),
    "outlets": ("Outlets", "Издания", "Басылымдар", "Nəşrlər"),
    "outlets_intro": ("Every outlet the documents come from, with how many of them each gave.",
                      "Все издания, из которых взяты документы, и сколько документов дало каждое.",
                      "Құжаттар алынған барлық басылым және әрқайсысынан алынған құжат саны.",
                      "Sənədlərin götürüldüyü bütün nəşrlər və hər birindən neçə sənəd gəldiyi."),
    "documents_of_outlet": ("Documents from {outlet}", "Документы издания {outlet}", "{outlet} құжаттары",
                            "{outlet} sənədləri"),
    "documents_of_year": ("Documents of {year}", "Документы {year} года", "{year} жылғы құжаттар",
                          "{year}-ci ilin sənədləri"),
    "by_year": ("By year", "По годам", "Жылдар бойынша", "İllər üzrə"),
    "filters": ("Filter", "Фильтр", "Сүзгі", "Filtr"),
    "any": ("Any", "Любой", "Кез келген", "İstənilən"),
    "entity": ("Person, place or organization", "Человек, место или организация", "Адам, жер немесе ұйым",
               "Şəxs, yer və ya təşkilat"),
    "clear_filters": ("Show all", "Показать все", "Барлығын көрсету", "Hamısını göstər"),
    "shown": ("shown", "показано", "көрсетілді", "göstərilir"),
    "of": ("of", "из", "/", "/"),
}

TEXT_LANGUAGE_NAMES = {
    "en": {"en": "English", "ru": "Russian", "kk": "Kazakh", "az": "Azerbaijani"},
    "ru": {"en": "английский", "ru": "русский", "kk": "казахский", "az": "азербайджанский"},
    "kk": {"en": "ағылшын тілі", "ru": "орыс тілі", "kk": "қазақ тілі", "az": "әзербайжан тілі"},
    "az": {"en": "ingilis dili", "ru": "rus dili", "kk": "qazax dili", "az": "Azərbaycan dili"},
}


# Counted words by CLDR plural category ("1 document", "2 документа", "5 документов"); Kazakh and
# Azerbaijani do not inflect a noun after a number.
_COUNTED: dict[str, dict[str, dict[str, str]]] = {
    "documents": {"en": {"one": "document", "other": "documents"},
                  "ru": {"one": "документ", "few": "документа", "many": "документов", "other": "документа"},
                  "kk": {"other": "құжат"}, "az": {"other": "sənəd"}},
    "events": {"en": {"one": "event", "other": "events"},
               "ru": {"one": "событие", "few": "события", "many": "событий", "other": "события"},
               "kk": {"other": "оқиға"}, "az": {"other": "hadisə"}},
    "sources": {"en": {"one": "source", "other": "sources"},
                "ru": {"one": "источник", "few": "источника", "many": "источников", "other": "источника"},
                "kk": {"other": "дереккөз"}, "az": {"other": "mənbə"}},
    "quotes": {"en": {"one": "quote", "other": "quotes"},
               "ru": {"one": "цитата", "few": "цитаты", "many": "цитат", "other": "цитаты"},
               "kk": {"other": "дәйексөз"}, "az": {"other": "sitat"}},
}


@functools.lru_cache(maxsize=8192)
def _plural_form(lang: str, n: int) -> str:
    return Locale.parse(LOCALES[lang]).plural_form(n)


def counted(n: int, key: str, lang: str) -> str:
    """The word for `n` things of `key` in `lang`, in the plural form the number asks for."""
    forms = _COUNTED[key][lang]
    form = _plural_form(lang, n)
    return forms.get(form, forms["other"])


def strings(lang: str) -> dict[str, str]:
    """All interface words in one language."""
    i = UI_LANGUAGES.index(lang)
    return {key: values[i] for key, values in _STRINGS.items()}


def parse_date(date: str) -> datetime.date:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])


def format_partial_date(date: str | None, precision: str | None, lang: str) -> str:
    """A date at its precision in the interface language: '24 August 2022', 'August 2022', '2022'."""
    if not date:
        return strings(lang)["undated"]
    d = parse_date(date)
    locale = LOCALES[lang]
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return format_skeleton("yMMMM", d, locale=locale)
    return format_date(d, "long", locale=locale)


def iso_machine_date(date: str | None) -> str:
    """The value for <time datetime>: YYYY, YYYY-MM or YYYY-MM-DD as given."""
    return date or ""
