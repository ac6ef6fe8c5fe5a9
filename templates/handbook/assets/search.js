/* Client-side search over search-index.js. The page lists everything without JavaScript; with it,
   the query narrows the list. Results are built with textContent, never innerHTML. */
(function () {
  "use strict";
  var index = window.SOP_SEARCH || [];
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  var status = document.getElementById("search-status");
  var all = document.getElementById("index");
  if (!input || !results) {
    return;
  }

  function terms(q) {
    return q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var title = entry.t.toLowerCase();
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      var inTitle = title.indexOf(words[i]) >= 0;
      if (!inTitle && entry.x.indexOf(words[i]) < 0) {
        return 0;
      }
      s += inTitle ? 3 : 1;
    }
    return s;
  }

  function show(q) {
    var words = terms(q);
    while (results.firstChild) {
      results.removeChild(results.firstChild);
    }
    if (words.length === 0) {
      results.hidden = true;
      all.hidden = false;
      status.textContent = "";
      return;
    }
    var hits = [];
    index.forEach(function (entry, i) {
      var s = score(entry, words);
      if (s > 0) {
        hits.push({ entry: entry, score: s, order: i });
      }
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = hit.entry.k;
      var a = document.createElement("a");
      a.href = hit.entry.u;
      a.textContent = hit.entry.t;
      li.appendChild(kind);
      li.appendChild(a);
      if (hit.entry.c) {
        var c = document.createElement("span");
        c.className = "muted";
        c.textContent = " · " + hit.entry.c;
        li.appendChild(c);
      }
      results.appendChild(li);
    });
    results.hidden = false;
    all.hidden = true;
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for \u201c" + q + "\u201d";
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  show(input.value);
  input.addEventListener("input", function () {
    show(input.value);
    try {
      var url = new URL(window.location.href);
      if (input.value) {
        url.searchParams.set("q", input.value);
      } else {
        url.searchParams.delete("q");
      }
      window.history.replaceState(null, "", url.toString());
    } catch (e) {
      // some browsers refuse history changes on file:// pages; the search works all the same
    }
  });
})();
