// Live updates for signed-in pages: one Server-Sent Events connection to /live. The "notification" event updates the
// unread count in the header; every event is also passed on as a DOM event named "tribune:<event>" on document, with
// the event's data as detail, for other scripts (the feed listens to "tribune:feed"). Without this script, or without
// EventSource, pages work the same; they only do not update by themselves.
(function () {
  'use strict';
  // Events the server sends. A named SSE event reaches only listeners for its name: add new names here.
  var EVENTS = ['notification', 'feed'];

  if (!window.EventSource) {
    return;
  }

  function showUnread(count) {
    var number = document.getElementById('unread-count');
    if (!number || typeof count !== 'number') {
      return;
    }
    number.textContent = count > 99 ? '99+' : String(count);
    var badge = number.closest('.unread-badge');
    if (badge) {
      badge.hidden = count === 0;
    }
  }

  function pass(name, message) {
    var data = null;
    try {
      data = message.data ? JSON.parse(message.data) : null;
    } catch (notJson) {
      data = message.data;
    }
    if (name === 'notification' && data) {
      showUnread(data.unread);
    }
    document.dispatchEvent(new CustomEvent('tribune:' + name, { detail: data }));
  }

  var source = null;
  var retry = null;
  var delay = 1000;

  function connect() {
    if (retry) {
      clearTimeout(retry);
      retry = null;
    }
    source = new EventSource('/live');
    EVENTS.forEach(function (name) {
      source.addEventListener(name, function (message) { pass(name, message); });
    });
    source.addEventListener('open', function () { delay = 1000; });
    source.addEventListener('error', function () {
      // The browser retries a dropped stream by itself, but gives up for good when an attempt fails outright (the
      // network was down, or the service worker answered offline): then we open a new one, waiting longer each time.
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, 60000);
      }
    });
  }

  // Back online: resume at once rather than at the end of a back-off.
  window.addEventListener('online', function () {
    if (!source || source.readyState === EventSource.CLOSED) {
      delay = 1000;
      connect();
    }
  });

  // The browser reconnects by itself after a lost connection. A page left behind keeps nothing open (each account
  // has a few connections at most), and one brought back from the history cache opens a new one.
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
    if (retry) {
      clearTimeout(retry);
      retry = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source) {
      connect();
    }
  });
  connect();
})();
