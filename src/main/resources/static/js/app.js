// Registers the service worker that makes Tribune installable and shows an offline page when the network is down.
// Without this script (or in a browser without service workers) every page works the same.
(function () {
  'use strict';
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* the site works without it */ });
    });
  }
})();
