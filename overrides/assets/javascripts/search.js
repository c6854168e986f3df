/* The masthead's search box (partials/search.html), searching with Pagefind.
 *
 * Nothing of the search index is fetched until the reader types: the first keystroke loads
 * pagefind.js, which picks the index of the page's language from <html lang>, so a reader of
 * the English site never downloads the Chinese index. The masthead's search button is shown
 * by this script: without it there is no search to open. In the Traditional edition a query is
 * first written in the edition's characters (data-characters: 湿 and 濕 → 溼 for Taiwan), so
 * that it finds a story whichever script the reader types in. */
(function () {
  "use strict";

  const RESULTS_SHOWN = 10;
  const DEBOUNCE_MS = 200;
  const EXCERPT_WORDS = 30;
  const OPEN_KEYS = new Set(["/", "s", "f"]); // the shortcuts readers of Material sites know

  const box = document.querySelector("[data-nr-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const button = document.querySelector("[data-nr-search-open]");
  const form = box.querySelector("form");
  const input = form.elements.namedItem("query");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const words = {
    hint: box.dataset.textHint,
    loading: box.dataset.textLoading,
    none: box.dataset.textNone,
    one: box.dataset.textOne,
    other: box.dataset.textOther,
    failed: box.dataset.textFailed,
  };

  let pagefind = null; // the promise of the loaded Pagefind module
  let pagefindReady = false;
  let characters = null; // the promise of the edition's character table, where there is one
  let latestSearch = 0; // answers to older keystrokes are dropped

  function loadPagefind() {
    if (!pagefind) {
      const url = new URL(box.dataset.pagefind, document.baseURI).href;
      pagefind = import(url).then(async (module) => {
        await module.options({ excerptLength: EXCERPT_WORDS });
        await module.init();
        pagefindReady = true;
        return module;
      });
      // after a failed load (e.g. offline), the next keystroke tries again
      pagefind.catch(() => {
        pagefind = null;
      });
    }
    return pagefind;
  }

  function loadCharacters() {
    if (!characters) {
      const url = box.dataset.characters;
      characters = url
        ? fetch(new URL(url, document.baseURI).href).then((response) => {
            if (!response.ok) throw new Error(response.statusText);
            return response.json();
          })
        : Promise.resolve({});
      characters.catch(() => {
        characters = null;
      });
    }
    return characters;
  }

  async function inEditionCharacters(query) {
    const table = await loadCharacters();
    return Array.from(query, (character) => table[character] || character).join("");
  }

  async function search(query) {
    const ticket = ++latestSearch;
    if (!query) {
      showResults(words.hint, []);
      return;
    }
    if (!pagefindReady) meta.textContent = words.loading;
    try {
      const [module, written] = await Promise.all([loadPagefind(), inEditionCharacters(query)]);
      const found = await module.debouncedSearch(written, {}, DEBOUNCE_MS);
      if (found === null || ticket !== latestSearch) return;
      const pages = await Promise.all(found.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
      if (ticket !== latestSearch) return;
      showResults(countText(found.results.length), pages.map(resultItem));
    } catch {
      if (ticket === latestSearch) showResults(words.failed, []);
    }
  }

  function countText(count) {
    if (count === 0) return words.none;
    return count === 1 ? words.one : words.other.replace("#", String(count));
  }

  function showResults(summary, items) {
    meta.textContent = summary;
    list.replaceChildren(...items);
  }

  function resultItem(page) {
    const title = element("h1");
    title.textContent = page.meta.title || page.url;
    const excerpt = element("p");
    excerpt.append(...excerptNodes(page.excerpt));
    const article = element("article", "md-search-result__article md-search-result__article--document md-typeset");
    article.append(element("div", "md-search-result__icon md-icon"), title, excerpt);
    const link = element("a", "md-search-result__link");
    link.href = page.url;
    link.tabIndex = -1;
    link.append(article);
    const item = element("li", "md-search-result__item");
    item.append(link);
    return item;
  }

  /* Pagefind's excerpt is HTML: the page's text with the matched words in <mark>. It is parsed
     into an inert document and only its text and marks are kept, so no markup from a page
     can reach the result list. */
  function excerptNodes(excerpt) {
    const parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
    return Array.from(parsed.childNodes, (node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = element("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function element(name, className) {
    const node = document.createElement(name);
    if (className) node.className = className;
    return node;
  }

  function open() {
    toggle.checked = true;
    shown();
    input.focus();
  }

  function close() {
    toggle.checked = false;
    shown();
    input.blur();
    if (button) button.focus();
  }

  function shown() {
    if (button) button.setAttribute("aria-expanded", String(toggle.checked));
  }

  function moveFocus(step) {
    const stops = [input, ...list.querySelectorAll(".md-search-result__link")];
    const here = stops.indexOf(document.activeElement);
    stops[(here + step + stops.length) % stops.length].focus();
  }

  if (button) {
    button.hidden = false;
    button.addEventListener("click", () => (toggle.checked ? close() : open()));
  }
  input.addEventListener("focus", () => {
    toggle.checked = true;
    shown();
  });
  // the magnifier, the arrow and the overlay are labels of the toggle: follow them
  toggle.addEventListener("change", () => {
    if (toggle.checked) open();
    else close();
  });
  input.addEventListener("input", (event) => {
    // while an input method composes a Chinese word the box holds pinyin: load, do not search yet
    if (event.isComposing) loadPagefind().catch(() => {});
    else search(input.value.trim());
  });
  input.addEventListener("compositionend", () => search(input.value.trim()));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    latestSearch++;
    showResults(words.hint, []);
    setTimeout(open);
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (toggle.checked) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        moveFocus(event.key === "ArrowDown" ? 1 : -1);
      }
      return;
    }
    const typing = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]");
    if (!typing && OPEN_KEYS.has(event.key)) {
      event.preventDefault();
      open();
    }
  });
})();
