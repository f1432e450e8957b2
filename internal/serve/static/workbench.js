// tilmash serve: the keyboard of tilmash review on a document page. Every
// action is a form that works without this script; the keys only pick the
// current group and press its buttons.
(function () {
  "use strict";
  if (document.body.dataset.page !== "document") {
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.group"));
  if (rows.length === 0) {
    return;
  }
  // A sentence's tools and a group's note come in a noscript: with this
  // script the browser keeps them as one text, not as some ten elements
  // for each sentence of the page, and they are made into their form
  // when they are opened (a page without the script shows them as they
  // are). The text is the page's own markup, escaped by the server.
  function unfold(d) {
    var ns = d && d.querySelector(":scope > noscript");
    if (!ns) {
      return;
    }
    var t = document.createElement("template");
    t.innerHTML = ns.textContent;
    ns.replaceWith(t.content);
  }
  document.addEventListener("click", function (e) {
    var s = e.target && e.target.closest && e.target.closest("details.sent-edit > summary, details.note-edit > summary");
    if (s) { unfold(s.parentNode); }
  }, true);
  document.addEventListener("toggle", function (e) {
    if (e.target.open) { unfold(e.target); }
  }, true);
  var cur = 0;
  var fromHash = document.getElementById(location.hash.slice(1));
  if (fromHash && rows.indexOf(fromHash) >= 0) {
    cur = rows.indexOf(fromHash);
  }
  var langLinks = document.querySelectorAll("nav.langs a");
  var findingsLink = document.getElementById("findings-link");
  function show(i, scroll) {
    rows[cur].classList.remove("current");
    cur = Math.max(0, Math.min(rows.length - 1, i));
    rows[cur].classList.add("current");
    if (scroll) {
      rows[cur].scrollIntoView({block: "center"});
      history.replaceState(null, "", "#" + rows[cur].id);
    }
    // Another language of the interface opens the page at this group;
    // the findings page, from this group on, with a link back to it.
    for (var k = 0; k < langLinks.length; k++) {
      langLinks[k].hash = rows[cur].id;
    }
    if (findingsLink) {
      findingsLink.search = "?from=" + rows[cur].dataset.group;
    }
  }
  show(cur, false);
  // The person's own column: s opens its sentences. The page marks the
  // interface's language; 1, 2, 3 pick another, kept for the next pages.
  var heads = Array.prototype.slice.call(document.querySelectorAll("table.groups thead th[lang]"));
  var cols = heads.map(function (th) { return th.lang; });
  var work = document.querySelector("table.groups").dataset.work;
  try {
    var kept = localStorage.getItem("tilmash.column");
    if (kept && cols.indexOf(kept) >= 0) { work = kept; }
  } catch (err) { /* no storage: the page's choice */ }
  function markWork() {
    heads.forEach(function (th) { th.classList.toggle("work", th.lang === work); });
  }
  markWork();
  // say shows a short line about what a key could not do (the page's
  // words, in the reader's language); the next key takes it away.
  var status = document.getElementById("key-status");
  function say(text) {
    if (status) {
      status.textContent = text;
      status.hidden = text === "";
    }
  }
  // A page opened at a group after a change (the redirect names the
  // group) is scrolled to it, away from what the change said at the top
  // of the page: the status line repeats it there, until the next key.
  var notes = document.querySelector("ul.notes");
  if (notes && status && fromHash && rows.indexOf(fromHash) >= 0) {
    var copy = notes.cloneNode(true);
    copy.removeAttribute("role");
    status.replaceChildren(copy);
    status.hidden = false;
  }
  // opened is the sentence box s opened last: s again on its group goes on
  // to the next sentence of the column, and after the last to the first.
  var opened = null;
  function openSentence(row, next) {
    var cell = Array.prototype.filter.call(row.querySelectorAll("td"), function (td) { return td.lang === work; })[0];
    var boxes = cell ? cell.querySelectorAll("details.sent-edit") : [];
    if (boxes.length === 0) {
      // Not silence: the group has no sentence in this column.
      var th = heads[cols.indexOf(work)];
      say(th ? th.dataset.none : "");
      return;
    }
    var i = 0;
    if (next && opened && opened.row === row && opened.lang === work) {
      i = (opened.i + 1) % boxes.length;
    }
    // A box left as it was is closed on the way; one with typed text stays.
    Array.prototype.forEach.call(row.querySelectorAll("details.sent-edit[open]"), function (d) {
      var t = d.querySelector("textarea");
      if (t && t.value === t.defaultValue && !t.hasAttribute("autofocus")) { d.open = false; }
    });
    unfold(boxes[i]);
    boxes[i].open = true;
    boxes[i].querySelector("textarea").focus();
    opened = {row: row, lang: work, i: i};
  }
  // a opens the group's note, its field focused with the cursor after what
  // it holds: Enter saves it, Escape closes it as it does the sentence tools.
  function openNote(row) {
    var d = row.querySelector("details.note-edit");
    unfold(d);
    var f = d && d.querySelector("textarea[name=note]");
    if (!f) {
      return;
    }
    d.open = true;
    f.focus();
    f.setSelectionRange(f.value.length, f.value.length);
  }
  function press(row, selector) {
    var b = row && row.querySelector(selector);
    if (b) {
      b.click();
      return true;
    }
    return false;
  }
  function pager(rel) {
    var a = document.querySelector("nav.pager a[rel=" + rel + "]");
    if (a) {
      location.href = a.href;
    }
  }
  // In the sentence tools and the note: Enter saves (a sentence is one
  // line, so a line break in the box is always refused; a note is kept on
  // one line, its box wraps it only to show it whole), Escape closes the
  // tools and gives the keys back to the group.
  function inTools(e) {
    var t = e.target;
    var d = t && t.closest && t.closest("details.sent-edit, details.note-edit");
    if (!d || e.isComposing) {
      return false;
    }
    if (e.key === "Escape") {
      d.open = false;
      var row = d.closest("tr.group");
      if (row) { show(rows.indexOf(row), false); row.focus(); }
      e.preventDefault();
      return true;
    }
    if (e.key === "Enter" && t.tagName === "TEXTAREA" && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var save = t.form && t.form.querySelector("button[value=edit], button[value=note]");
      if (save) { save.click(); }
      e.preventDefault();
      return true;
    }
    return false;
  }
  // The key pressed, as its letter on a Latin layout: a translator typing
  // in Russian or Kazakh presses c (с in ЙЦУКЕН, the same key) and means c.
  function keyOf(e) {
    var k = e.key;
    if (k && k.length === 1 && k > "\u007f" && /^Key[A-Z]$/.test(e.code || "")) {
      k = e.code.charAt(3);
      return e.shiftKey ? k : k.toLowerCase();
    }
    return k;
  }
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (inTools(e)) {
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable))) {
      return;
    }
    // Space on a focused button presses it (a keyboard user tabbed to
    // it), as on any page; elsewhere it goes on to the next group.
    if (e.key === " " && t && t.tagName === "BUTTON") {
      return;
    }
    var row = rows[cur];
    say("");
    switch (keyOf(e)) {
    case "j": case "n": case " ": case "ArrowDown": case "ArrowRight":
      if (cur === rows.length - 1) { pager("next"); } else { show(cur + 1, true); }
      break;
    case "k": case "p": case "ArrowUp": case "ArrowLeft":
      if (cur === 0) { pager("prev"); } else { show(cur - 1, true); }
      break;
    case "c":
      // As in tilmash review, c confirms and goes on to the next group; on
      // a group confirmed already it says so and goes on.
      var done = row.querySelector("button.unconfirm");
      if (done) {
        if (cur === rows.length - 1) { pager("next"); } else { show(cur + 1, true); }
        say(done.dataset.said);
        break;
      }
      var f = row.querySelector("form.act");
      if (f && f.querySelector("button.confirm") && !f.querySelector("input[name=advance]")) {
        var a = document.createElement("input");
        a.type = "hidden"; a.name = "advance"; a.value = "1";
        f.appendChild(a);
      }
      press(row, "button.confirm");
      break;
    case "m":
      // The last group of the document has nothing to merge with: said.
      if (!press(row, "button.merge") && row.dataset.last) { say(row.dataset.last); }
      break;
    case "M": case "u":
      if (!press(rows[cur - 1], "button.merge") && row.dataset.first) { say(row.dataset.first); }
      break;
    case "s":
      openSentence(row, true);
      break;
    case "a":
      openNote(row);
      break;
    case "1": case "2": case "3": case "4": case "5": case "6": case "7": case "8": case "9":
      var c = cols[Number(keyOf(e)) - 1];
      if (!c) { return; }
      work = c;
      try { localStorage.setItem("tilmash.column", work); } catch (err) { /* kept for this page only */ }
      markWork();
      openSentence(row, false);
      break;
    case "f": case "F":
      // The next (F: the previous) group with a finding or a flag; after
      // the last of the page, the document's findings page lists the rest.
      var step = keyOf(e) === "f" ? 1 : -1;
      var i = cur + step;
      while (i >= 0 && i < rows.length && !/\b(has-error|has-warning|flagged)\b/.test(rows[i].className)) { i += step; }
      if (i >= 0 && i < rows.length) {
        show(i, true);
      } else if (step > 0) {
        if (findingsLink) { location.href = findingsLink.href; }
      }
      break;
    case "z":
      press(document, "#undo");
      break;
    case "r":
      press(document, "#redo");
      break;
    case "?": case "h":
      var keys = document.getElementById("keys");
      if (keys) { keys.scrollIntoView(); }
      break;
    default:
      return;
    }
    e.preventDefault();
  });
  // A refused edit came back with its text in the box (autofocus): the
  // box, not the row the address names (the browser focuses that when it
  // scrolls to it, after this script), has the focus, so that Enter saves
  // it again.
  var draft = document.querySelector("details.sent-edit[open] textarea[autofocus]");
  if (draft) {
    window.addEventListener("load", function () { draft.focus(); });
  }
  // A corrected sentence or a note typed and not saved is not lost to a
  // click elsewhere (another group's Confirm, a key, a link): the browser
  // asks before it leaves the page. Saving that field's own form does not
  // ask; a sentence given back after a refusal counts as not saved.
  var submitting = null;
  document.addEventListener("submit", function (e) { submitting = e.target; }, true);
  window.addEventListener("beforeunload", function (e) {
    var fields = document.querySelectorAll("details.sent-edit textarea, details.note-edit textarea[name=note]");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if ((f.value !== f.defaultValue || f.hasAttribute("autofocus")) && f.form !== submitting) {
        e.preventDefault();
        e.returnValue = "";
        return;
      }
    }
  });
  rows.forEach(function (r, i) {
    r.addEventListener("click", function () { show(i, false); });
  });
  // The status line goes at a click too: a person working with the mouse
  // presses no key, and the line would stay over the page.
  document.addEventListener("click", function () { say(""); });
}());
