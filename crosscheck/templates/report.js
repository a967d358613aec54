(function () {
  "use strict";
  var controls = document.getElementById("controls");
  if (!controls) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.findings"));
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var texts = rows.map(function (row) { return row.textContent.replace(/\s+/g, " ").toLowerCase(); });

  function verdict() {
    var checked = controls.querySelector("input[name=verdict]:checked");
    return checked ? checked.value : "all";
  }

  function apply() {
    var want = verdict();
    var query = search.value.replace(/\s+/g, " ").trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row, i) {
      var ok = (want === "all" || row.getAttribute("data-verdict") === want) &&
               (query === "" || texts[i].indexOf(query) !== -1);
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    tables.forEach(function (table) {
      var empty = table.querySelector("tr.no-match");
      if (empty) { empty.hidden = table.querySelector("tr.finding:not([hidden])") !== null; }
    });
    shown.textContent = "Showing " + count + " of " + rows.length + " findings";
  }

  function reset() {
    var all = document.getElementById("filter-all");
    if (all) { all.checked = true; }
    search.value = "";
    apply();
  }

  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var row = target ? target.closest("tr.finding") : null;
    if (row && row.hidden) {
      reset();
      target.scrollIntoView();
    }
  }

  controls.addEventListener("change", apply);
  search.addEventListener("input", apply);
  document.getElementById("reset").addEventListener("click", reset);
  window.addEventListener("hashchange", reveal);
  controls.hidden = false;
  document.documentElement.className += " js";
  apply();
  reveal();
})();
