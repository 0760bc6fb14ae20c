// "N new posts" on the home feed, without reloading: asks every 30 s how many posts arrived after the newest one
// shown, and reveals a link that loads them. Without JavaScript the feed simply stays as it is.
(function () {
  'use strict';
  var banner = document.getElementById('new-posts');
  if (!banner || !window.fetch) { return; }
  var after = banner.getAttribute('data-after');
  var link = banner.querySelector('a');
  var template = link.textContent;
  function check() {
    if (document.hidden) { return; }
    fetch('/feed/new?after=' + encodeURIComponent(after), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && data.count > 0) {
          link.textContent = template.replace('{n}', String(data.count));
          banner.hidden = false;
        }
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }
  setInterval(check, 30000);
  document.addEventListener('tribune:feed', check);
  document.addEventListener('visibilitychange', check);
})();
