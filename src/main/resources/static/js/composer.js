// Photos in the composer, for browsers with JavaScript: a preview of each chosen photo, buttons to move it earlier or
// remove it, and one empty slot shown at a time. Without JavaScript the form's plain file inputs and description
// fields work as they are: this only moves files and descriptions between those same inputs.
(function () {
  'use strict';
  if (!window.FileReader || !window.DataTransfer) { return; }

  function enhance(fieldset) {
    if (fieldset.getAttribute('data-enhanced')) { return; }
    fieldset.setAttribute('data-enhanced', 'yes');
    var slots = Array.prototype.slice.call(fieldset.querySelectorAll('[data-photo-slot]'));
    var moveLabel = fieldset.getAttribute('data-move-label');
    var removeLabel = fieldset.getAttribute('data-remove-label');
    var previewLabel = fieldset.getAttribute('data-preview-label');

    function input(slot) { return slot.querySelector('input[type=file]'); }
    function description(slot) { return slot.querySelector('textarea'); }
    function hasFile(slot) { return input(slot).files && input(slot).files.length > 0; }

    function swap(a, b) {
      var fileA = new DataTransfer();
      var fileB = new DataTransfer();
      if (hasFile(a)) { fileA.items.add(input(a).files[0]); }
      if (hasFile(b)) { fileB.items.add(input(b).files[0]); }
      input(a).files = fileB.files;
      input(b).files = fileA.files;
      var text = description(a).value;
      description(a).value = description(b).value;
      description(b).value = text;
    }

    function clear(slot) {
      input(slot).value = '';
      description(slot).value = '';
    }

    function tools(slot, index) {
      var box = slot.querySelector('.photo-tools');
      if (box) { box.remove(); }
      var preview = slot.querySelector('.photo-preview');
      if (preview) { preview.remove(); }
      if (!hasFile(slot)) { return; }
      var img = document.createElement('img');
      img.className = 'photo-preview';
      img.alt = previewLabel;
      var reader = new FileReader();
      reader.onload = function () { img.src = reader.result; };
      reader.readAsDataURL(input(slot).files[0]);
      input(slot).insertAdjacentElement('afterend', img);
      box = document.createElement('div');
      box.className = 'photo-tools';
      if (index > 0) {
        var earlier = document.createElement('button');
        earlier.type = 'button';
        earlier.className = 'link';
        earlier.textContent = moveLabel;
        earlier.addEventListener('click', function () {
          swap(slots[index - 1], slot);
          refresh();
          input(slots[index - 1]).focus();
        });
        box.appendChild(earlier);
      }
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link';
      remove.textContent = removeLabel;
      remove.addEventListener('click', function () {
        clear(slot);
        // the photos after it move up, so the filled slots stay first
        for (var i = index; i + 1 < slots.length; i++) { swap(slots[i], slots[i + 1]); }
        refresh();
        input(slots[0]).focus();
      });
      box.appendChild(remove);
      img.insertAdjacentElement('afterend', box);
    }

    function refresh() {
      var shownEmpty = false;
      slots.forEach(function (slot, index) {
        tools(slot, index);
        if (hasFile(slot)) {
          slot.hidden = false;
        } else {
          // one empty slot at a time: the next photo's
          slot.hidden = shownEmpty;
          shownEmpty = true;
        }
      });
    }

    slots.forEach(function (slot) { input(slot).addEventListener('change', refresh); });
    refresh();
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-photo-slots]'), enhance);
})();
