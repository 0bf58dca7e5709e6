// Filters for the timeline and the document index: progressive enhancement over a page that
// lists everything. The form is hidden until this script shows it; its state lives in the URL
// (?topic=energy&year=2025), so a filtered view can be bookmarked and shared.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var target = document.getElementById(form.dataset.target);
  if (!target) return;
  var FIELDS = ["topic", "language", "year", "entity"];
  var isTable = target.localName === "table";
  var items = Array.prototype.slice.call(isTable ? target.tBodies[0].rows : target.querySelectorAll("article.event"));
  var status = form.querySelector(".filter-status");

  function words(value) {
    return value ? value.split(" ") : [];
  }

  // What an item offers for each field: rows name one language, events the languages of their sources.
  var values = items.map(function (item) {
    var d = item.dataset;
    return {
      topic: words(d.topics),
      language: words(d.languages || d.language),
      year: words(d.year),
      entity: words(d.entities)
    };
  });

  function chosen() {
    var out = {};
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      if (select && select.value) out[name] = select.value;
    });
    return out;
  }

  function apply() {
    var want = chosen();
    var shown = 0;
    items.forEach(function (item, i) {
      var ok = FIELDS.every(function (name) {
        return !want[name] || values[i][name].indexOf(want[name]) !== -1;
      });
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    // The timeline strip dims the marks of the events the filters hide (they stay links).
    Array.prototype.forEach.call(document.querySelectorAll("svg.strip a.mark"), function (mark) {
      var event = document.getElementById(mark.getAttribute("href").slice(1));
      mark.classList.toggle("out", !!event && event.hidden);
    });
    // A year of the timeline with nothing left in it goes too, heading and all.
    Array.prototype.forEach.call(target.querySelectorAll("section.year"), function (section) {
      section.hidden = !section.querySelector("article.event:not([hidden])");
    });
    if (status) {
      status.textContent = Object.keys(want).length
        ? status.dataset.template.replace("{n}", shown).replace("{total}", items.length)
        : "";
    }
    return want;
  }

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
