/*
 * EchoTune chat widget. Add to any page of an allowed site (see ECHOTUNE_ALLOWED_ORIGINS):
 *
 *   <script src="https://echotune.example/widget.js" data-title="Ask our DJ" data-theme="auto"
 *           data-accent="#e0457b" data-position="right" async></script>
 *
 * data-server defaults to where this script came from. Theme further with CSS variables on the page, e.g.
 * #echotune-widget { --echotune-accent: teal; --echotune-font: Georgia, serif; --echotune-radius: 8px; }
 * A plain (classic) script so it works in every embedding; the widget itself is loaded as ES modules.
 */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var options = {};
  for (var key in script.dataset) options[key] = script.dataset[key];
  options.server = (options.server || new URL(script.src, location.href).origin).replace(/\/+$/, '');
  function start() {
    import(options.server + '/js/widget-panel.js')
      .then(function (m) { window.EchoTune = m.mountWidget(options); })
      .catch(function (e) { console.error('EchoTune widget could not start:', e); });
  }
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
