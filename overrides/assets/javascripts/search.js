/* The masthead's search box (partials/search.html), searching with Pagefind.
 *
 * Nothing of the search index is fetched until the reader types: the first keystroke loads
 * pagefind.js, which picks the index of the page's language from <html lang>, so a reader of
 * the English site never downloads the Chinese index, and merges the other shards of that
 * language's index into it. The masthead's search button is shown
 * by this script: without it there is no search to open. In the Traditional edition a query is
 * first written in the edition's characters (data-characters: 湿 and 濕 → 溼 for Taiwan), so
 * that it finds a story whichever script the reader types in. */
(function () {
  "use strict";

  const RESULTS_SHOWN = 10;
  const DEBOUNCE_MS = 200;
  const EXCERPT_WORDS = 30; // Pagefind's words: a Chinese word is one to four characters
  const LEAD_IN_WORDS = 8; // at most this many words before the first match, from a sentence's start
  // where the parts of a page that results quote start (story.html, series.html): the headline
  // and deck above them are the result's title already; a result without a match in them quotes
  // the story's text from its start
  const QUOTED = new Set(["nr-lead-photo", "nr-story-text", "nr-series-text"]);
  const TEXT = new Set(["nr-story-text", "nr-series-text"]);
  const SENTENCE_END = /[。！？；.!?;]["”’）)]*\s*$/u;
  const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef“”‘’—…·]\s*$/u;
  const HAN = /\p{Script=Han}\s*$/u;
  const WORD_AND_PUNCTUATION = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;
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
    cut: box.dataset.textCut,
  };
  const closeButton = box.querySelector("[data-nr-search-close]");

  let pagefind = null; // the promise of the loaded Pagefind module
  let pagefindReady = false;
  let characters = null; // the promise of the edition's character table, where there is one
  let latestSearch = 0; // answers to older keystrokes are dropped

  function loadPagefind() {
    if (!pagefind) {
      const url = new URL(box.dataset.pagefind, document.baseURI);
      const bundle = new URL(".", url);
      pagefind = Promise.all([import(url.href), loadShards(bundle)]).then(async ([module, shards]) => {
        await module.init();
        // the language's other shards: Pagefind searches them with the first and sorts all their
        // results by score; their pages' addresses are relative to the same home
        const home = new URL("..", bundle).pathname;
        await Promise.all(shards.map((shard) => module.mergeIndex(new URL(shard, bundle).pathname, { baseUrl: home })));
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

  /* The bundles of the index's other shards, relative to the first (newsroom/render/search.py). */
  async function loadShards(bundle) {
    const response = await fetch(new URL("shards.json", bundle).href);
    if (!response.ok) throw new Error(response.statusText);
    return response.json();
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
      showResults(countText(found.results.length), pages.map((page) => resultItem(page, query)));
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

  /* A result as a news site lists it: the series kicker, the headline, the passage that matches
     and the date. */
  function resultItem(page, query) {
    const article = element("article", "md-search-result__article nr-search-result");
    if (page.meta.kicker) article.append(textElement("p", "nr-search-result__kicker", page.meta.kicker));
    article.append(textElement("h2", "nr-search-result__title", page.meta.title || page.url));
    const quoted = element("p", "nr-search-result__excerpt");
    quoted.append(...passage(page, query));
    article.append(quoted);
    if (page.meta.date) article.append(textElement("p", "nr-search-result__date", page.meta.date));
    const link = element("a", "md-search-result__link");
    link.href = page.url;
    link.append(article);
    const item = element("li", "md-search-result__item");
    item.append(link);
    return item;
  }

  /* The passage of the text that holds the most of the matches, as text nodes with the matched
     words in <mark>. Pagefind's own excerpt would often quote the headline and deck, which the
     result shows already, and it joins blocks with a Latin ". " and spaces that Chinese text has
     no place for. Pagefind's words are its content split at zero-width spaces (Chinese, which it
     segments) or at whitespace; the match locations count those words. */
  function passage(page, query) {
    const segmented = page.raw_content.includes("\u200B");
    const tokens = segmented ? page.raw_content.split("\u200B") : page.raw_content.split(/\s+/);
    const parts = (page.anchors || []).filter((anchor) => QUOTED.has(anchor.id)).map((anchor) => anchor.location);
    const text = (page.anchors || []).find((anchor) => TEXT.has(anchor.id));
    const first = parts.length ? Math.min(...parts) : 0;
    const matches = page.weighted_locations
      .filter((match) => match.location >= first)
      .map((match) => ({ ...match, whole: isWholeMatch(tokens[match.location], query) }));
    const start = matches.length ? passageStart(tokens, matches, first) : (text?.location ?? first);
    const end = Math.min(tokens.length, start + EXCERPT_WORDS);
    // Pagefind also finds a Chinese query's single characters (县 of 祁县 in 左权县): those are not
    // marked, while an English word's other forms (restore, restoring) are
    const marked = new Set(matches.filter((match) => match.whole || !segmented).map((match) => match.location));
    const nodes = [];
    if (start > first && !SENTENCE_END.test(tokens[start - 1])) nodes.push(document.createTextNode(words.cut));
    for (let index = start; index < end; index++) {
      // a caption runs into the text without a full stop: part them
      if (!segmented && index > start && parts.includes(index) && !SENTENCE_END.test(tokens[index - 1])) {
        nodes.push(document.createTextNode("· "));
      }
      const word = unescape(segmented ? chineseWord(tokens[index], tokens[index + 1]) : tokens[index] + " ");
      if (!marked.has(index)) {
        nodes.push(document.createTextNode(word));
        continue;
      }
      // the word in the mark, the punctuation and space around it outside
      const [, before, core, after] = word.match(WORD_AND_PUNCTUATION);
      const mark = element("mark");
      mark.textContent = core;
      nodes.push(document.createTextNode(before), mark, document.createTextNode(after));
    }
    const last = nodes[nodes.length - 1];
    if (last) last.textContent = last.textContent.trimEnd();
    if (end < tokens.length && !SENTENCE_END.test(tokens[end - 1])) nodes.push(document.createTextNode(words.cut));
    return nodes;
  }

  /* Where the passage with the most whole matches of the query starts (of Pagefind's scores, the
     highest, between passages with as many), a few words before its first match or at the start
     of that match's sentence. */
  function passageStart(tokens, matches, first) {
    let best = first;
    let bestScore = [-1, -1];
    for (const match of matches) {
      let start = match.location;
      while (start > first && match.location - start < LEAD_IN_WORDS && !SENTENCE_END.test(tokens[start - 1])) start--;
      start = Math.max(first, Math.min(start, tokens.length - EXCERPT_WORDS));
      const inside = matches.filter((other) => other.location >= start && other.location < start + EXCERPT_WORDS);
      const score = [inside.filter((other) => other.whole).length, inside.reduce((sum, other) => sum + other.balanced_score, 0)];
      if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) [best, bestScore] = [start, score];
    }
    return best;
  }

  /* Whether a word Pagefind matched is one of the query's words, or holds one, rather than a
     piece of one: 祁县 or 湿地 (of 湿地公园), wetlands (of wetland), not 县 (of 祁县). */
  function isWholeMatch(token, query) {
    const word = (token || "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
    return query
      .toLowerCase()
      .split(/\s+/)
      .some((term) => word && (word.includes(term) || (term.includes(word) && word.length > 1)));
  }

  /* A Chinese word as the passage prints it. Where one block of the page ends and the next begins,
     Pagefind puts a space, or ". " as a word of its own after a block that ends without a full
     stop (a heading, a caption): after Chinese punctuation nothing is needed, between Han
     characters an ideographic space parts the blocks. */
  function chineseWord(word, next) {
    if (word.trim() === ".") return "\u3000";
    if (!/\s$/.test(word)) return word;
    if (CJK_PUNCTUATION.test(word) || next === undefined || next.trim() === ".") return word.trimEnd();
    if (HAN.test(word) && /^\p{Script=Han}/u.test(next)) return word.trimEnd() + "\u3000";
    return word;
  }

  // Pagefind escapes only < and > in raw_content; the text goes into text nodes
  function unescape(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  }

  function textElement(name, className, text) {
    const node = element(name, className);
    node.textContent = text;
    return node;
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

  if (closeButton) closeButton.addEventListener("click", close);
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
