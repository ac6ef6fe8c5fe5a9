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
  // The passages (purpose, steps) are in the index as written, for quoting; lower-cased once here.
  index.forEach(function (entry) {
    (entry.p || []).forEach(function (p) { p.lower = p.t.toLowerCase(); });
  });
  // Characters of context the snippet shows before the first match, and its whole length.
  var BEFORE = 60, LENGTH = 180;

  function terms(q) {
    return q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function inPassages(entry, word) {
    var ps = entry.p || [];
    for (var i = 0; i < ps.length; i++) {
      if (ps[i].lower.indexOf(word) >= 0) {
        return true;
      }
    }
    return false;
  }

  function score(entry, words) {
    var title = entry.t.toLowerCase();
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      var inTitle = title.indexOf(words[i]) >= 0;
      if (!inTitle && entry.x.indexOf(words[i]) < 0 && !inPassages(entry, words[i])) {
        return 0;
      }
      s += inTitle ? 3 : 1;
    }
    return s;
  }

  // The passage that holds the most of the words (the first of equals), or null.
  function bestPassage(entry, words) {
    var best = null, most = 0;
    (entry.p || []).forEach(function (p) {
      var n = words.filter(function (w) { return p.lower.indexOf(w) >= 0; }).length;
      if (n > most) {
        best = p;
        most = n;
      }
    });
    return best;
  }

  // The passage's text around its first match, cut at spaces, with every match in <mark>.
  function snippet(p, words, href) {
    var first = p.t.length;
    words.forEach(function (w) {
      var at = p.lower.indexOf(w);
      if (at >= 0 && at < first) {
        first = at;
      }
    });
    var from = Math.max(0, first - BEFORE);
    if (from > 0) {
      var space = p.t.indexOf(" ", from);
      from = space >= 0 && space < first ? space + 1 : from;
    }
    var to = Math.min(p.t.length, from + LENGTH);
    if (to < p.t.length) {
      var back = p.t.lastIndexOf(" ", to);
      to = back > first ? back : to;
    }
    var text = p.t.substring(from, to), lower = p.lower.substring(from, to);
    var out = document.createElement("p");
    out.className = "snippet";
    var label = document.createElement(p.a ? "a" : "span");
    label.className = "where";
    label.textContent = p.l;
    if (p.a) {
      label.href = href + "#" + p.a;
    }
    out.appendChild(label);
    out.appendChild(document.createTextNode(from > 0 ? " \u2026" : " "));
    var at = 0;
    while (at < text.length) {
      var next = -1, len = 0;
      words.forEach(function (w) {
        var i = lower.indexOf(w, at);
        if (i >= 0 && (next < 0 || i < next || (i === next && w.length > len))) {
          next = i;
          len = w.length;
        }
      });
      if (next < 0) {
        out.appendChild(document.createTextNode(text.substring(at)));
        break;
      }
      out.appendChild(document.createTextNode(text.substring(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.substring(next, next + len);
      out.appendChild(mark);
      at = next + len;
    }
    if (to < p.t.length) {
      out.appendChild(document.createTextNode("\u2026"));
    }
    return out;
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
      var passage = bestPassage(hit.entry, words);
      var a = document.createElement("a");
      // A match in a step links to that step, unless the title alone holds every word.
      var title = hit.entry.t.toLowerCase();
      var byTitle = words.every(function (w) { return title.indexOf(w) >= 0; });
      a.href = hit.entry.u + (passage && passage.a && !byTitle ? "#" + passage.a : "");
      a.textContent = hit.entry.t;
      li.appendChild(kind);
      li.appendChild(a);
      if (hit.entry.c) {
        var c = document.createElement("span");
        c.className = "muted";
        c.textContent = " \u00b7 " + hit.entry.c;
        li.appendChild(c);
      }
      if (passage) {
        li.appendChild(snippet(passage, words, hit.entry.u));
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
