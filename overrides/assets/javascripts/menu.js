// The menu and the language list, for keyboards and screen readers, and
// closed again when the reader leaves. Both open without JavaScript too
// (Material's checkbox and label; the list opens on focus or hover), but a
// <label> cannot be reached with the Tab key nor pressed with Enter or Space,
// and neither says whether it is open. Here the menu button becomes a button
// (Enter and Space open it, Escape closes it, aria-expanded tells a screen
// reader), the language button says whether its list is open and Escape
// closes the list. On Exit (exit.js sends "rg-exit") and whenever the page is
// left (pagehide, also into the back/forward cache) both are closed, so a
// page restored by Back shows no open panel.
//
// The header's height is kept in --rg-header-height for the headings reached by
// a link (site.css). Wide screens: the menu beside the page is sticky. Near the end of a page
// the footer would push it up under the header; Material's bundle.js (not
// loaded, see main.html) shrank it instead, and so does this. Without
// JavaScript, site.css gives it the screen's height and it may scroll away
// at the very end of a page.
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var menuButton = document.querySelector("label[for='__drawer'][data-rg-toggle]");
  var select = document.querySelector(".md-header__option .md-select");
  var languageButton = select && select.querySelector("button");

  function isOpen() {
    return Boolean(select) && !select.classList.contains("rg-closed") &&
      (select.matches(":focus-within") || select.matches(":hover"));
  }

  function syncLanguage() {
    if (languageButton) languageButton.setAttribute("aria-expanded", String(isOpen()));
  }

  function closeLanguages() {
    if (!select) return;
    select.classList.add("rg-closed");
    syncLanguage();
  }

  function syncMenu() {
    if (menuButton) menuButton.setAttribute("aria-expanded", String(drawer.checked));
  }

  function setMenu(open, fromKeyboard) {
    drawer.checked = open;
    syncMenu();
    if (open && fromKeyboard) {
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus({ preventScroll: true });
    }
  }

  if (drawer && menuButton) {
    menuButton.setAttribute("role", "button");
    menuButton.setAttribute("tabindex", "0");
    syncMenu();
    drawer.addEventListener("change", syncMenu);
    menuButton.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        setMenu(!drawer.checked, true);
      }
    });
  }

  if (select && languageButton) {
    syncLanguage();
    select.addEventListener("focusin", syncLanguage);
    select.addEventListener("mouseenter", syncLanguage);
    select.addEventListener("mouseleave", function () { window.setTimeout(syncLanguage, 0); });
    select.addEventListener("focusout", function () {
      window.setTimeout(function () {
        if (!select.matches(":focus-within")) select.classList.remove("rg-closed");
        syncLanguage();
      }, 0);
    });
    // Enter or Space on the button (a click with no pointer) opens or closes the list.
    languageButton.addEventListener("click", function (event) {
      if (event.detail === 0) select.classList.toggle("rg-closed", isOpen());
      else select.classList.remove("rg-closed");
      syncLanguage();
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (select && select.matches(":focus-within") && isOpen()) {
      closeLanguages();
      languageButton.focus();
    } else if (drawer && drawer.checked) {
      setMenu(false, false);
      if (menuButton) menuButton.focus();
    }
  });

  function closeAll() {
    if (drawer) setMenu(false, false);
    if (select && select.matches(":focus-within") && document.activeElement) document.activeElement.blur();
    closeLanguages();
  }
  document.addEventListener("rg-exit", closeAll);
  window.addEventListener("pagehide", closeAll);
  window.addEventListener("pageshow", function () {
    if (select) select.classList.remove("rg-closed");
    syncLanguage();
  });

  // A heading reached by a link (#anchor) must clear the header, whose buttons wrap
  // onto a second row on a narrow screen when the language's name is long: site.css
  // reads the header's height from --rg-header-height.
  var header = document.querySelector(".md-header");
  function headerHeight() {
    if (header) document.documentElement.style.setProperty("--rg-header-height", header.offsetHeight + "px");
  }
  headerHeight();
  window.addEventListener("resize", headerHeight);

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
