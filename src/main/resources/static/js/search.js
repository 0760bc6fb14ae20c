// Suggestions under the header's search box: people and groups whose names start like what is typed, as links.
// Without this script the box is a plain form to the results page.
(function () {
  var input = document.getElementById('header-q');
  var list = document.getElementById('header-suggestions');
  if (!input || !list) return;
  var timer = null;
  var asked = '';

  function clear() {
    list.replaceChildren();
    list.hidden = true;
  }

  function show(items) {
    list.replaceChildren();
    items.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.label;
      var detail = document.createElement('span');
      detail.className = 'muted';
      detail.textContent = ' ' + item.detail;
      a.appendChild(detail);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
  }

  function ask() {
    var q = input.value.trim();
    if (q.length < 2) { clear(); return; }
    if (q === asked) return;
    asked = q;
    fetch('/search/suggestions?q=' + encodeURIComponent(q), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : {items: []}; })
      .then(function (body) { if (input.value.trim() === q) show(body.items || []); })
      .catch(clear);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') clear();
    if (e.key === 'ArrowDown' && !list.hidden) {
      var first = list.querySelector('a');
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener('keydown', function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a'));
    var at = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && at < links.length - 1) { e.preventDefault(); links[at + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (e.key === 'Escape') { clear(); input.focus(); }
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest || !e.target.closest('.header-search')) clear();
  });
})();
