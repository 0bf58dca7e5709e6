// Full-text search with the Pagefind bundle the build writes into pagefind/: one index of every
// document and event, for every interface language. Its records name pages by their route below
// the language folder (documents/x/), and this page leads to its own language's page of each. The
// query and the filters live in the URL (?q=cable&topic=energy), so a search can be shared and the
// back button works. Without JavaScript the page says so and links to the lists that hold everything.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = form.elements.q;
  var filterBox = document.getElementById("search-filters");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var MAX_RESULTS = 50;
  var LANG = document.documentElement.lang;
  // The filters in the order they are shown; their names and values' names come from the page.
  var FILTERS = ["topic", "language", "year", "outlet"];
  var labels = {};
  Array.prototype.forEach.call(document.querySelectorAll("#search-labels li"), function (li) {
    labels[li.dataset.filter + "\n" + li.dataset.value] = li.textContent;
  });
  // Pagefind has no Kazakh or Azerbaijani stemmer. The index holds the texts' words and their
  // forms with Kazakh and Azerbaijani letters folded (ә→а, ə→a …); a query is folded the same
  // way and also searched without a Kazakh case ending, since Pagefind matches the start of
  // words (Бакуде → баку finds Бакуге); the results of every form are merged.
  var FOLD = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
              "ə": "a", "ğ": "g", "ı": "i", "ş": "s", "ç": "c", "ö": "o", "ü": "u"};
  var ENDINGS = ["ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен",
                 "мен", "бен", "пен", "ға", "ге", "қа", "ке", "на", "не", "да", "де", "та", "те",
                 "ны", "ні", "ды", "ді", "ты", "ті", "ин", "ын", "ін", "а", "е", "у", "ю", "ы", "ом", "ем"];
  var pagefind = null;

  function fold(text) {
    return text.toLowerCase().replace(/[әғқңөұүһіəğışçöü]/g, function (c) { return FOLD[c]; });
  }

  function stem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (word.length - e.length >= 4 && word.slice(-e.length) === e) return word.slice(0, -e.length);
    }
    return word;
  }

  function load() {
    if (!pagefind) {
      var bundle = new URL(form.dataset.bundle, location.href);
      pagefind = import(bundle.href).then(function (pf) {
        // Result URLs are routes below a language folder: this page's, below the site's root
        // wherever the site is served (/REPO/ …).
        return pf.options({baseUrl: new URL("../" + LANG + "/", bundle).pathname}).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function el(name, text, attrs) {
    var node = document.createElement(name);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  // Where the parts of a record start, in words (search.records): the title, translations,
  // summaries, outlet and topics; the paragraphs ("paras", one start each); the index-only names and
  // folded words ("terms": Aliyev finds a text that writes Алиев). An event is all one part.
  function layout(data) {
    var m = data.meta || {};
    return {paras: m.paras ? m.paras.split(" ").map(Number) : [], terms: m.terms ? Number(m.terms) : Infinity,
            event: m.kind === "event"};
  }

  // Where a word found stands: rank 0 in a paragraph (its anchor #p-N and first word) or an event,
  // 1 in the title and facts above the text, 2 in the index-only words.
  function placeAt(parts, at) {
    if (at >= parts.terms) return {at: at, rank: 2, anchor: null, floor: 0};
    if (parts.event) return {at: at, rank: 0, anchor: null, floor: 0};
    for (var i = parts.paras.length - 1; i >= 0; i--) {
      if (parts.paras[i] <= at) return {at: at, rank: 0, anchor: "p-" + (i + 1), floor: parts.paras[i]};
    }
    return {at: at, rank: 1, anchor: null, floor: 0};
  }

  // The first place found in the text itself, else in the title and facts, else in the names.
  function bestPlace(data, parts) {
    var places = (data.locations || []).map(function (at) { return placeAt(parts, at); });
    places.sort(function (x, y) { return x.rank - y.rank || x.at - y.at; });
    return places[0] || null;
  }

  // An excerpt of the record's own words around the place, the words found marked (built as text: no HTML).
  function excerpt(data, parts, place) {
    var words = data.content.split(/[\r\n\s]+/);
    var found = {};
    (data.locations || []).forEach(function (at) { found[at] = true; });
    var last = Math.min(words.length, parts.terms);
    // From no earlier than the paragraph the words stand in (not the tail of the one before).
    var at = place.at, start = Math.max(place.floor, at - 12), end = Math.min(last, at + 18);
    if (place.rank === 2) {
      // A list of spellings says little: the name found, then the opening words of the text.
      start = parts.paras.length ? parts.paras[0] : 0;
      end = Math.min(last, start + 30);
    }
    var p = el("p", "", {"class": "excerpt"});
    if (place.rank === 2) {
      p.appendChild(el("mark", words[at]));
      p.appendChild(document.createTextNode(" — "));
    }
    if (start > 0) p.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      if (found[i] && place.rank !== 2) p.appendChild(el("mark", words[i]));
      else p.appendChild(document.createTextNode(words[i]));
      p.appendChild(document.createTextNode(" "));
    }
    if (end < last) p.appendChild(document.createTextNode("…"));
    return p;
  }

  function result(data) {
    var m = data.meta || {};
    var parts = layout(data);
    var place = bestPlace(data, parts);
    var href = data.url;
    // A paragraph is on the page that gives the whole text: the one in the text's own language.
    if (place && place.anchor) {
      if (m.text && m.text !== LANG) href = href.replace("/" + LANG + "/documents/", "/" + m.text + "/documents/");
      href += "#" + place.anchor;
    }
    // The editor's translation of a document's title into this page's language comes first.
    var own = m["title_" + LANG];
    var title = own || m.title || data.url;
    var li = el("li");
    var h = el("h2", "", {"class": "result-title"});
    if (parts.event) h.appendChild(el("a", status.dataset.timeline + ": " + title, {href: href}));
    else h.appendChild(el("a", title, {href: href, lang: own ? LANG : m.lang || ""}));
    li.appendChild(h);
    // A title the editor translated: the original beside it, in its own language.
    if (own && !parts.event && m.title) {
      var o = el("p", "", {"class": "original-title"});
      o.appendChild(el("span", status.dataset.original + ": ", {"class": "visually-hidden"}));
      o.appendChild(el("span", m.title, {lang: m.lang || ""}));
      o.appendChild(el("span", " (" + status.dataset.translated + ")", {"class": "tr-note"}));
      li.appendChild(o);
    }
    if (place) li.appendChild(excerpt(data, parts, place));
    return li;
  }

  function chosenFilters() {
    var out = {};
    Array.prototype.forEach.call(filterBox.querySelectorAll("select"), function (s) {
      if (s.value) out[s.dataset.filter] = [s.value];
    });
    return out;
  }

  function buildFilters(pf) {
    return pf.filters().then(function (all) {
      var params = new URLSearchParams(location.search);
      FILTERS.filter(function (name) { return all[name]; }).forEach(function (name, i) {
        var id = "sf-" + i;
        var p = el("p");
        p.appendChild(el("label", filterBox.dataset[name], {"for": id}));
        var select = el("select", "", {id: id, name: name});
        select.dataset.filter = name;
        select.appendChild(el("option", filterBox.dataset.any, {value: ""}));
        var label = function (value) { return labels[name + "\n" + value] || value; };
        // Years newest first, as on the timeline; every other filter in alphabetical order of its names.
        Object.keys(all[name]).sort(function (a, b) {
          return name === "year" ? b.localeCompare(a) : label(a).localeCompare(label(b), LANG) || a.localeCompare(b);
        }).forEach(function (value) {
          select.appendChild(el("option", label(value) + " (" + all[name][value] + ")", {value: value}));
        });
        if (params.get(name)) select.value = params.get(name);
        p.appendChild(select);
        filterBox.appendChild(p);
      });
    });
  }

  // The forms of a query to search: as typed, folded, without Kazakh case endings. Pagefind
  // ignores case, so forms that differ only in case are searched once (each search of a common
  // word costs seconds on a cold page at 10,000 documents).
  function queries(text) {
    var typed = text.toLowerCase();
    var folded = fold(text);
    var stemmed = folded.split(/\s+/).map(stem).join(" ");
    return [typed, folded, stemmed].filter(function (q, i, all) { return all.indexOf(q) === i; });
  }

  // Every form of the query is searched and the results merged: a record once, at its best score,
  // with what each form found in it (the typed form may find the text, the folded one the names).
  function run(pf, text, filters) {
    var tries = text === null ? [null] : queries(text);
    return Promise.all(tries.map(function (q) { return pf.search(q, {filters: filters}); })).then(function (all) {
      var best = {};
      all.forEach(function (found) {
        found.results.forEach(function (r) {
          var entry = best[r.id] || (best[r.id] = {id: r.id, score: r.score, finds: []});
          entry.score = Math.max(entry.score, r.score);
          entry.finds.push(r);
        });
      });
      return Object.keys(best).map(function (id) { return best[id]; }).sort(function (x, y) {
        return y.score - x.score || (x.id < y.id ? -1 : 1);
      });
    });
  }

  // A record's data with the words every form found in it. One form at a time: Pagefind may hand
  // each form the same object, with that form's locations.
  function dataOf(entry) {
    var found = {}, data = null;
    return entry.finds.reduce(function (done, r) {
      return done.then(function () { return r.data(); }).then(function (d) {
        data = d;
        (d.locations || []).forEach(function (at) { found[at] = true; });
      });
    }, Promise.resolve()).then(function () {
      var merged = Object.assign({}, data);
      merged.locations = Object.keys(found).map(Number).sort(function (x, y) { return x - y; });
      return merged;
    });
  }

  var generation = 0;

  function search(push) {
    var text = input.value.trim();
    var filters = chosenFilters();
    var params = new URLSearchParams();
    if (text) params.set("q", text);
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k][0]); });
    var url = location.pathname + (params.toString() ? "?" + params : "");
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    var mine = ++generation;
    list.textContent = "";
    if (!text && !Object.keys(filters).length) {
      status.textContent = "";
      list.dataset.query = url;
      return Promise.resolve();
    }
    return start().then(load).then(function (pf) {
      return run(pf, text || null, filters);
    }).then(function (results) {
      return Promise.all(results.slice(0, MAX_RESULTS).map(dataOf))
        .then(function (datas) { return [results.length, datas]; });
    }).then(function (out) {
      if (mine !== generation) return;  // a newer search has started
      var total = out[0];
      status.textContent = total ? total + " " + status.dataset.results : status.dataset.none;
      out[1].forEach(function (data) { list.appendChild(result(data)); });
      list.dataset.query = url;
    }).catch(function () {
      // No index (opened from disk, a failed download …): say so; the next search tries again.
      if (mine !== generation) return;
      status.textContent = status.dataset.failed;
      list.dataset.query = url;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(true);
  });
  filterBox.addEventListener("change", function () { search(true); });
  window.addEventListener("popstate", function () {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    Array.prototype.forEach.call(filterBox.querySelectorAll("select"), function (s) {
      s.value = params.get(s.dataset.filter) || "";
    });
    search(false);
  });

  // The index is fetched when it is wanted (a query in the URL, or the reader comes to the
  // form), not by every visit: it is the largest thing on the page for a slow link.
  var ready = null;
  function start() {
    if (!ready) {
      ready = load().then(buildFilters);
      ready.catch(function () { pagefind = ready = null; });  // the next search loads it again
    }
    return ready;
  }
  // A failed load is reported by the search that needed it (search()), not by every caller.
  function quiet() {}
  // While the reader types, Pagefind loads the parts of the index the words will need.
  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      var text = input.value.trim();
      if (text) start().then(load).then(function (pf) { queries(text).forEach(function (q) { pf.preload(q); }); })
        .catch(quiet);
    }, 200);
  });
  input.value = new URLSearchParams(location.search).get("q") || "";
  if (location.search) start().catch(quiet).then(function () { return search(false); });
  else form.addEventListener("focusin", function () { start().catch(quiet); }, {once: true});
})();
