// Handoff maps fit the page width; a map drawn smaller than its designed size gets a button that
// shows it at full size in a scroll box (pan by scrolling or dragging) and back.
(function () {
  document.querySelectorAll('figure.map').forEach(function (figure) {
    var box = figure.querySelector('.map-scroll');
    var svg = box && box.querySelector('svg');
    if (!svg || svg.getBoundingClientRect().width >= svg.width.baseVal.value - 1) {
      return; // already at full size
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'zoom no-print';
    button.textContent = 'Show full size';
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', function () {
      var full = figure.classList.toggle('full');
      button.textContent = full ? 'Fit to page' : 'Show full size';
      button.setAttribute('aria-pressed', String(full));
    });
    figure.insertBefore(button, box);
    var drag = null;
    box.addEventListener('pointerdown', function (e) {
      if (figure.classList.contains('full') && !e.target.closest('a')) {
        drag = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop };
      }
    });
    window.addEventListener('pointerup', function () { drag = null; });
    box.addEventListener('pointermove', function (e) {
      if (drag) {
        box.scrollLeft = drag.left - (e.clientX - drag.x);
        box.scrollTop = drag.top - (e.clientY - drag.y);
      }
    });
  });
})();
