// "Exit this page", after GOV.UK Frontend's ExitThisPage component.
// Without JavaScript the exit links are plain links to a neutral site. Here we
// add: the page is blanked at once (so nobody glancing at the screen sees it
// while the next site loads), the neutral site *replaces* this history entry
// (Back does not come straight back here), Shift pressed three times exits,
// and screen readers hear what is happening. Before leaving, the page's title
// is blanked and "rg-exit" tells search.js and menu.js to clear the search
// and close every panel, so nothing the reader typed or opened is left in a
// page the browser may keep (back/forward cache); they do the same on every
// pagehide.
(function () {
  "use strict";

  var root = document.querySelector("[data-rg-exit]");
  if (!root) return;
  var links = document.querySelectorAll("[data-rg-exit-link]");
  var status = root.querySelector(".rg-exit__status");
  var exitUrl = links.length ? links[0].href : null;
  var PRESSES_NEEDED = 3;
  var RESET_AFTER_MS = 5000;
  var presses = 0;
  var resetTimer = null;
  var shiftUsedAsModifier = false;
  var overlay = null;
  var sayTimer = null;
  var title = document.title;

  function say(message) {
    // Clearing first makes screen readers announce a repeated message again.
    clearStatus();
    sayTimer = window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function clearStatus() {
    if (sayTimer) window.clearTimeout(sayTimer);
    sayTimer = null;
    status.textContent = "";
  }

  function showOverlay() {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "rg-exit-overlay";
      overlay.setAttribute("role", "alert");
      overlay.textContent = root.getAttribute("data-overlay");
      document.body.appendChild(overlay);
    }
    overlay.hidden = false;
    document.documentElement.classList.add("rg-exiting");
  }

  function hideOverlay() {
    document.documentElement.classList.remove("rg-exiting");
    if (overlay) overlay.hidden = true;
  }

  function exitPage(event) {
    if (event) event.preventDefault();
    resetCount(false);
    showOverlay();
    document.title = "";
    document.dispatchEvent(new CustomEvent("rg-exit"));
    // At once, not after say()'s pause: on a slow phone the next site may arrive
    // before a timer fires, and the message differs from the last one anyway.
    clearStatus();
    status.textContent = root.getAttribute("data-sr-activated");
    window.location.replace(exitUrl);
  }

  function resetCount(announce) {
    if (resetTimer) window.clearTimeout(resetTimer);
    resetTimer = null;
    if (presses > 0 && announce) say(root.getAttribute("data-sr-expired"));
    presses = 0;
  }

  function onKeyDown(event) {
    if (event.key === "Shift") return;
    // Any other key, including one typed while Shift is held, starts over.
    if (event.shiftKey) shiftUsedAsModifier = true;
    resetCount(false);
  }

  function onKeyUp(event) {
    if (event.key !== "Shift") return;
    if (shiftUsedAsModifier) {
      shiftUsedAsModifier = false;
      return;
    }
    presses += 1;
    if (presses >= PRESSES_NEEDED) {
      exitPage();
      return;
    }
    var left = PRESSES_NEEDED - presses;
    var message = (left === 1 && root.getAttribute("data-sr-count-one")) || root.getAttribute("data-sr-count");
    say(message.replace("{count}", String(left)));
    if (resetTimer) window.clearTimeout(resetTimer);
    resetTimer = window.setTimeout(function () { resetCount(true); }, RESET_AFTER_MS);
  }

  for (var i = 0; i < links.length; i++) links[i].addEventListener("click", exitPage);
  document.addEventListener("keydown", onKeyDown, true);
  document.addEventListener("keyup", onKeyUp, true);
  // A page restored from the back/forward cache must be usable again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.title = title;
      hideOverlay();
      resetCount(false);
      shiftUsedAsModifier = false;
      // Otherwise a screen reader moving through the page finds "activated".
      clearStatus();
    }
  });
  document.documentElement.classList.add("rg-exit-ready");
})();
