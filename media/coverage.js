// Coverage webview script. Messages follow src/extension/views/coverageProtocol.ts. Every string from
// the extension (outlet names, paths, labels) is written with textContent, never as HTML.
// @ts-check
(function () {
  /** @typedef {import('../src/extension/views/coverageProtocol').CoverageToWebview} CoverageToWebview */
  /** @typedef {import('../src/extension/views/coverageProtocol').CoverageFromWebview} CoverageFromWebview */
  /** @typedef {import('../src/extension/views/coverageProtocol').CoverageData} CoverageData */
  /** @typedef {import('../src/extension/views/coverageProtocol').CoverageStrings} CoverageStrings */

  // @ts-ignore acquireVsCodeApi is injected by VS Code
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));

  /** @param {CoverageFromWebview} message */
  function send(message) {
    vscode.postMessage(message);
  }

  /** @param {string} tag @param {string} [className] @param {string} [text] */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {number} fraction */
  function percent(fraction) {
    return Math.round(Math.max(0, Math.min(1, fraction)) * 100) + '%';
  }

  /** @param {string} template @param {...string} args */
  function format(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] !== undefined ? args[Number(i)] : m));
  }

  /** @param {string} message @param {{label: string, command: 'scan' | 'openFolder'} | null} action */
  function renderEmpty(message, action) {
    root.replaceChildren();
    const box = el('div', 'empty');
    box.append(el('p', '', message));
    if (action) {
      const button = el('button', 'action', action.label);
      button.addEventListener('click', () => send({ type: 'runAction', command: action.command }));
      box.append(button);
    }
    root.append(box);
  }

  /** @param {CoverageData} data @param {string | null} activePath @param {CoverageStrings} strings */
  function renderCoverage(data, activePath, strings) {
    root.replaceChildren();
    const articles = data.articles;

    const matrixSection = el('section', 'matrix');
    matrixSection.append(el('h2', '', strings.matrixTitle), el('p', 'help', strings.matrixHelp));
    const table = el('table');
    table.setAttribute('role', 'grid');
    const head = el('tr');
    head.append(el('th', 'corner', strings.rowHeader));
    // Columns are numbered (a sidebar is narrow); each row starts with the same number and the name.
    articles.forEach((a, j) => {
      const th = el('th', 'column', String(j + 1));
      th.title = a.outlet + ' (' + a.path + ')';
      th.scope = 'col';
      head.append(th);
    });
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    articles.forEach((row, i) => {
      const tr = el('tr', row.path === activePath ? 'active' : '');
      const th = el('th', 'row');
      th.scope = 'row';
      const link = el('button', 'link', row.outlet);
      link.title = row.path;
      th.append(el('span', 'number', String(i + 1)));
      link.addEventListener('click', () => send({ type: 'openArticle', path: row.path }));
      th.append(link);
      tr.append(th);
      articles.forEach((column, j) => {
        const share = data.shares[i][j];
        const td = el('td', i === j ? 'self' : share > 0 ? 'cell shared' : 'cell');
        if (i === j) {
          td.textContent = '—';
        } else {
          td.textContent = share > 0 ? percent(share) : '·';
          td.style.setProperty('--share', String(share));
          td.title = format(strings.cellTitle, percent(share), row.outlet, column.outlet);
          if (share > 0) {
            td.tabIndex = 0;
            const compare = () => send({ type: 'compareArticles', from: row.path, to: column.path });
            td.addEventListener('click', compare);
            td.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && compare());
          }
        }
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(body);
    const scroller = el('div', 'scroller');
    scroller.append(table);
    matrixSection.append(scroller);

    const originalSection = el('section', 'original');
    originalSection.append(el('h2', '', strings.originalTitle), el('p', 'help', strings.originalHelp));
    const list = el('ul', 'bars');
    articles.forEach((a) => {
      const item = el('li', a.path === activePath ? 'active' : '');
      item.title = format(strings.originalBarTitle, a.outlet, percent(a.original));
      const name = el('button', 'link name', a.outlet);
      name.addEventListener('click', () => send({ type: 'openArticle', path: a.path }));
      const bar = el('span', 'bar');
      const fill = el('span', 'fill');
      fill.style.setProperty('--original', String(a.original));
      bar.append(fill);
      item.append(name, bar, el('span', 'value', percent(a.original)));
      list.append(item);
    });
    originalSection.append(list);
    root.append(matrixSection, originalSection);
  }

  window.addEventListener('message', (event) => {
    /** @type {CoverageToWebview} */
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'empty') renderEmpty(message.message, message.action);
    else if (message.type === 'coverage') renderCoverage(message.data, message.activePath, message.strings);
  });
  send({ type: 'ready' });
})();
