// Wide screens: the menu beside the page is sticky. Near the end of a page
// the footer would push it up under the header; Material's bundle.js (not
// loaded, see main.html) shrank it instead, and so does this. Without
// JavaScript, site.css gives it the screen's height and it may scroll away
// at the very end of a page.
(function () {
  "use strict";

  var sidebar = document.querySelector(".md-sidebar--primary");
  var main = document.querySelector(".md-main__inner");
  if (!sidebar || !main || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 76.25em)");
  var pending = false;

  function fit() {
    pending = false;
    if (!wide.matches) {
      sidebar.style.height = "";
      return;
    }
    var top = parseFloat(window.getComputedStyle(sidebar).top) || 0;
    var bottom = Math.min(window.innerHeight, main.getBoundingClientRect().bottom);
    sidebar.style.height = Math.max(0, bottom - top) + "px";
  }

  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(fit);
    }
  }

  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  fit();
})();
