// Tells the LMS how tall the widget is, so the iframe fits it without a second scroll bar.
// Canvas, Moodle, Brightspace and others listen for the `lti.frameResize` message; platforms
// that do not simply ignore it. Served as a file because the Content-Security-Policy forbids
// inline scripts.
(function () {
  'use strict';
  if (window.parent === window) return;
  var lastHeight = 0;
  function postHeight() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage({ subject: 'lti.frameResize', height: height }, '*');
  }
  window.addEventListener('load', postHeight);
  window.addEventListener('resize', postHeight);
  if ('ResizeObserver' in window) new ResizeObserver(postHeight).observe(document.body);
})();
