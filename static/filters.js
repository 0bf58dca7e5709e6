// Filters for the timeline and the document index: progressive enhancement over pages that list
// everything without JavaScript. The form is hidden until this script shows it; its state lives in
// the URL (?topic=energy&year=2025), so a filtered view can be bookmarked and shared.
//
// A list that fits on its page is filtered in place. A list cut into pages (…/page/2/) is filtered
// over the whole record: the compact index of data/index/ is fetched once, on the first choice,
// and the matches are listed in place of the page's own items, a batch at a time.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var target = document.getElementById(form.dataset.target);
  if (!target) return;
  var FIELDS = ["topic", "language", "year", "entity"];
  var BATCH = 200;
  var isTable = target.localName === "table";
  var complete = form.dataset.complete === "yes";
  var status = form.querySelector(".filter-status");
  // The language's home, as the site links it: "../../" or, for a copy read from disk, "../../index.html".
  var folderPage = /index\.html$/.test(form.dataset.root || "") ? "index.html" : "";
  var root = (form.dataset.root || "").replace(/index\.html$/, "");

  function words(value) {
    return value ? value.split(" ") : [];
  }

  function chosen() {
    var out = {};
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      if (select && select.value) out[name] = select.value;
    });
    return out;
  }

  function matches(want, values) {
    return FIELDS.every(function (name) {
      return !want[name] || values[name].indexOf(want[name]) !== -1;
    });
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function count(n, total) {
    return status ? status.dataset.template.replace("{n}", n).replace("{total}", total) : "";
  }

  // The timeline strip dims the marks of the events the filters hide (they stay links).
  function dimMarks(hidden) {
    Array.prototype.forEach.call(document.querySelectorAll("svg.strip a.mark"), function (mark) {
      var href = mark.getAttribute("href");
      var id = href.slice(href.indexOf("#") + 1).replace(/^event-/, "");
      mark.classList.toggle("out", hidden(id));
    });
  }

  // ------------------------------------------------------------ in place

  var items = Array.prototype.slice.call(isTable ? target.tBodies[0].rows : target.querySelectorAll("article.event"));
  // What an item offers for each field: rows name one language, events the languages of their sources.
  var values = items.map(function (item) {
    var d = item.dataset;
    return {topic: words(d.topics), language: words(d.languages || d.language), year: words(d.year),
            entity: words(d.entities)};
  });

  function applyInPlace(want) {
    var shown = 0;
    items.forEach(function (item, i) {
      var ok = matches(want, values[i]);
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    dimMarks(function (id) {
      var event = document.getElementById("event-" + id);
      return !!event && event.hidden;
    });
    // A year of the timeline with nothing left in it goes too, heading and all.
    Array.prototype.forEach.call(target.querySelectorAll("section.year"), function (section) {
      section.hidden = !section.querySelector("article.event:not([hidden])");
    });
    say(Object.keys(want).length ? count(shown, items.length) : "");
  }

  // ------------------------------------------------------------ over the whole record

  var index = null;
  var loading = null;
  var results = null;
  var pagers = Array.prototype.slice.call(document.querySelectorAll("nav.pager"));

  function fetchJSON(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  }

  // The index comes in two files: the items, shared by every language (data/index/<what>.json),
  // and what this page's language shows differently (data/index/<what>.<lang>.json): names, dates
  // as written, translated titles. Put together, each item reads as the pages list it.
  function assemble(shared, own) {
    var items = shared.items.map(function (x, i) {
      var title = own.titles[i] || [x[1], x[2]];
      var date = shared.dates[x[3]];
      if (isTable) {
        // [id, title, title's language, ISO date, date, language, outlet, topics, entities]
        return [x[0], title[0], title[1], date[0], own.dates[x[3]], x[4], x[5], x[6], x[7]];
      }
      // [id, title, title's language, ISO date, date, place, topics, languages, entities, address]
      return [x[0], title[0], title[1], date[0], own.dates[x[3]], x[4] ? own.places[x[4]] || "" : "",
              x[5], x[6], x[7], x[8]];
    });
    return {topics: own.topics, languages: own.languages || {}, order: own.order, items: items};
  }

  function load() {
    if (!loading) {
      loading = Promise.all([fetchJSON(form.dataset.shared), fetchJSON(form.dataset.index)]).then(function (parts) {
        index = assemble(parts[0], parts[1]);
        return index;
      });
    }
    return loading;
  }

  function link(route) {
    var parts = route.split("#");
    return root + parts[0] + folderPage + (parts[1] ? "#" + parts[1] : "");
  }

  function element(name, text, attrs) {
    var el = document.createElement(name);
    if (text) el.textContent = text;
    Object.keys(attrs || {}).forEach(function (key) {
      el.setAttribute(key, attrs[key]);
    });
    return el;
  }

  function titleLink(route, title, titleLang) {
    var a = element("a", title, {href: link(route)});
    if (titleLang && titleLang !== document.documentElement.lang) a.setAttribute("lang", titleLang);
    return a;
  }

  function dateElement(iso, text) {
    return iso ? element("time", text, {datetime: iso}) : document.createTextNode(text);
  }

  function topicList(ids) {
    var ul = element("ul", "", {"class": "tags"});
    ids.forEach(function (id) {
      var li = document.createElement("li");
      li.appendChild(titleLink("topics/" + id + "/", index.topics[id] || id));
      ul.appendChild(li);
    });
    return ul;
  }

  function documentRow(x) {
    // [id, title, title's language, ISO date, date, language, outlet, topics, entities]
    var tr = document.createElement("tr");
    var cells = [dateElement(x[3], x[4]), titleLink("documents/" + x[0] + "/", x[1], x[2]),
                 document.createTextNode(index.languages[x[5]] || x[5]), document.createTextNode(x[6] || "—"),
                 document.createTextNode(x[7].map(function (id) { return index.topics[id] || id; }).join(", "))];
    cells.forEach(function (content, i) {
      var td = document.createElement("td");
      td.appendChild(content);
      tr.appendChild(td);
    });
    return tr;
  }

  function eventArticle(x) {
    // [id, title, title's language, ISO date, date, place, topics, languages, entities, address]
    var article = element("article", "", {"class": "event"});
    var h = document.createElement("h3");
    h.appendChild(titleLink(x[9], x[1], x[2]));
    article.appendChild(h);
    var meta = element("p", "", {"class": "meta"});
    meta.appendChild(dateElement(x[3], x[4]));
    if (x[5]) meta.appendChild(document.createTextNode(" · " + x[5]));
    article.appendChild(meta);
    if (x[6].length) article.appendChild(topicList(x[6]));
    return article;
  }

  function indexValues(x) {
    if (isTable) return {topic: x[7], language: [x[5]], year: [x[3].slice(0, 4)], entity: x[8]};
    return {topic: x[6], language: x[7], year: [x[3].slice(0, 4)], entity: x[8]};
  }

  function showOwn(show) {
    if (isTable) {
      items.forEach(function (item) { item.hidden = !show; });
    } else {
      Array.prototype.forEach.call(target.children, function (child) {
        if (child !== results) child.hidden = !show;
      });
    }
    pagers.forEach(function (nav) { nav.hidden = !show; });
  }

  function clearResults() {
    if (results) results.remove();
    results = null;
    var more = document.getElementById("filter-more");
    if (more) more.remove();
  }

  function listAll(want) {
    clearResults();
    var order = index.items.map(function (_, i) { return i; });
    var sort = form.dataset.sort;
    if (isTable && sort && index.order && index.order[sort]) order = index.order[sort];
    var found = order.filter(function (i) { return matches(want, indexValues(index.items[i])); });
    var foundIds = {};
    found.forEach(function (i) { foundIds[index.items[i][0]] = true; });
    dimMarks(function (id) { return !foundIds[id]; });
    showOwn(false);
    results = isTable ? document.createElement("tbody") : element("div", "", {"class": "filter-results"});
    target.appendChild(results);
    var shown = 0;
    var more = element("button", form.dataset.more, {type: "button", id: "filter-more", "class": "more"});
    function next() {
      found.slice(shown, shown + BATCH).forEach(function (i) {
        var x = index.items[i];
        results.appendChild(isTable ? documentRow(x) : eventArticle(x));
      });
      shown = Math.min(found.length, shown + BATCH);
      more.hidden = shown >= found.length;
      say(count(shown, found.length) + " · " + count(found.length, index.items.length));
    }
    more.addEventListener("click", next);
    (isTable ? target.closest(".table-wrap") || target : target).after(more);
    next();
  }

  function applyOverRecord(want) {
    if (!Object.keys(want).length) {
      clearResults();
      showOwn(true);
      dimMarks(function () { return false; });
      say("");
      return;
    }
    if (!index) say(form.dataset.loading);
    load().then(function () {
      // The reader may have changed the form while the index came.
      var now = chosen();
      if (Object.keys(now).length) listAll(now);
    }, function () {
      loading = null;
      say(form.dataset.failed);
    });
  }

  function apply() {
    var want = chosen();
    if (complete) applyInPlace(want); else applyOverRecord(want);
    return want;
  }

  // ------------------------------------------------------------ the URL

  function query(want) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      if (want[name]) params.set(name, want[name]);
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  // The sort links of the document table keep the filters.
  var sortLinks = Array.prototype.map.call(document.querySelectorAll("#documents-table thead a"), function (a) {
    return {a: a, href: a.getAttribute("href")};
  });

  function remember(want) {
    var q = query(want);
    history.replaceState(history.state, "", location.pathname + q + location.hash);
    sortLinks.forEach(function (link) {
      link.a.setAttribute("href", link.href + q);
    });
  }

  // The view the URL asks for; a value the page does not offer is ignored.
  var params = new URLSearchParams(location.search);
  FIELDS.forEach(function (name) {
    var select = form.elements[name];
    var value = params.get(name);
    if (!select || !value) return;
    var offered = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    if (offered) select.value = value;
  });

  form.addEventListener("change", function () {
    remember(apply());
  });
  form.addEventListener("reset", function () {
    // The form's values are reset after this event: read them once they are.
    setTimeout(function () { remember(apply()); }, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.hidden = false;
  remember(apply());
})();
