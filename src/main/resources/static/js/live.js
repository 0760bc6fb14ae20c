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

  function connect() {
    source = new EventSource('/live');
    EVENTS.forEach(function (name) {
      source.addEventListener(name, function (message) { pass(name, message); });
    });
  }

  // The browser reconnects by itself after a lost connection. A page left behind keeps nothing open (each account
  // has a few connections at most), and one brought back from the history cache opens a new one.
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source) {
      connect();
    }
  });
  connect();
})();
