// Tribune's service worker. It keeps the shell (styles, scripts, icons and the offline page) so the app opens and
// says it is offline when the network is down. It never caches pages or API answers: they are personal, and a
// stale one would show someone what they may no longer see. Everything else goes to the network untouched.
'use strict';

var SHELL = 'tribune-shell-v3';
var OFFLINE = '/offline';
var SHELL_FILES = [
  OFFLINE,
  '/css/tribune.css',
  '/js/live.js',
  '/js/feed.js',
  '/js/composer.js',
  '/js/search.js',
  '/js/app.js',
  '/img/tribune.svg',
  '/img/icons.svg',
  '/img/icon/heart.svg',
  '/img/icon/heart-full.svg',
  '/img/icon/comment.svg',
  '/img/icon/share.svg',
  '/img/icon/note.svg',
  '/img/icon/flag.svg',
  '/img/icons/tribune-192.png',
  '/img/icons/tribune-512.png',
  '/img/icons/tribune-maskable-192.png',
  '/img/icons/tribune-maskable-512.png'
];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(SHELL_FILES.map(function (url) { return new Request(url, { cache: 'reload' }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== SHELL; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function isShell(url) {
  return url.origin === self.location.origin && SHELL_FILES.indexOf(url.pathname) >= 0 && url.pathname !== OFFLINE;
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (request.mode === 'navigate') {
    // Pages always come from the network; only when it fails does the offline page stand in.
    event.respondWith(fetch(request).catch(function () {
      return caches.match(OFFLINE);
    }));
    return;
  }
  if (isShell(url)) {
    // The network first, so a new version shows at once; the kept copy when offline. Refreshing the copy keeps it
    // current without ever storing anything but the shell's own files.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname);
    }));
  }
  // Anything else (API, live updates, pictures, forms) is left to the browser: not cached here.
});
