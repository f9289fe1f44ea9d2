// Material's base helpers (from its partials/javascripts/base.html), moved to a
// file so the Content-Security-Policy can forbid inline scripts. The helpers
// only read storage unless a feature that writes is enabled; none is.
(function () {
  var script = document.currentScript;
  window.__md_scope = new URL(script.getAttribute("data-scope") || ".", location);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    try {
      storage = storage || localStorage;
      scope = scope || window.__md_scope;
      return JSON.parse(storage.getItem(scope.pathname + "." + key));
    } catch (error) {
      return null;
    }
  };
  // Never write: a watched phone must keep no trace of this site.
  window.__md_set = function () {};

  // On browsers without ResizeObserver, Material loads a polyfill from
  // unpkg.com. No request may leave this site, so those browsers get an inert
  // stand-in: the page still works, only some sticky-sidebar sizing is lost.
  if (typeof window.ResizeObserver === "undefined") {
    window.ResizeObserver = function () {};
    window.ResizeObserver.prototype.observe = function () {};
    window.ResizeObserver.prototype.unobserve = function () {};
    window.ResizeObserver.prototype.disconnect = function () {};
  }

  // Material's language switcher fetches "sitemap.xml" next to every
  // <link rel="alternate">. Ours point at pages, not language roots, so each
  // fetch would be a 404 (and, on a copy served from another address, a request
  // to the site_url host). Crawlers read the links from the HTML; the switcher
  // already links to the same page in each language, so the browser copy of
  // the links is not needed.
  var links = document.querySelectorAll("link[rel=alternate][hreflang]");
  for (var i = 0; i < links.length; i++) links[i].parentNode.removeChild(links[i]);
})();
