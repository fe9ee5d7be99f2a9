/*
 * OTP observer: a live view of the supervision tree.
 *
 * Reads config.json (beside this file) for the endpoint, then polls GET {endpoint} every second
 * and draws its tree. Clicking a process opens a detail pane that polls
 * GET {endpoint}/processes/{name} while it is open; when the endpoint says "writable": true the
 * pane can also restart or kill the process (POST {endpoint}/processes/{name}).
 *
 * Names, messages and stack traces are data from the application: they only ever reach the page
 * through textContent and attributes, never as markup.
 */
(function () {
    'use strict';

    var POLL_MS = 1000;
    var FETCH_TIMEOUT_MS = 5000;
    var BUMP_MS = 2600;
    var KNOWN_DETAIL_FIELDS = ['name', 'pid', 'type', 'status', 'supervisor', 'mailbox', 'restarts',
        'recentRestarts', 'lastCrash', 'state', 'stateValue', 'recentTransitions', 'guard'];

    var state = {
        endpoint: null,
        writable: false,
        lastSuccess: null,
        entries: new Map(), // tree path -> entry (see createEntry)
        selected: null, // name of the process shown in the detail pane
        detailSeq: 0,
        detailTimer: null,
        detailSnapshot: null,
        actionPending: false
    };

    function $(id) {
        return document.getElementById(id);
    }

    /** An element with a class and text: the only way text from the server reaches the page. */
    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        return node;
    }

    function isNumber(value) {
        return typeof value === 'number' && isFinite(value);
    }

    function show(value) {
        return value === null || value === undefined || value === '' ? '–' : String(value);
    }

    // ---------------------------------------------------------------- fetching

    function HttpError(status, statusText, body) {
        this.name = 'HttpError';
        this.status = status;
        this.body = body;
        this.message = 'HTTP ' + status + (statusText ? ' ' + statusText : '') + bodyMessage(body, '', ': ');
    }
    HttpError.prototype = Object.create(Error.prototype);

    /** The text a JSON error body carries ("message" or "error"), or the raw text if it is not JSON. */
    function bodyMessage(body, fallback, prefix) {
        var text = '';
        if (body && typeof body === 'object') {
            text = body.message || body.error || body.detail || body.title || '';
        } else if (typeof body === 'string') {
            text = body.trim().slice(0, 300);
        }
        return text ? (prefix || '') + text : fallback;
    }

    function parseBody(text) {
        if (!text) {
            return null;
        }
        try {
            return JSON.parse(text);
        } catch (ignored) {
            return text;
        }
    }

    function request(url, init) {
        var controller = typeof AbortController === 'function' ? new AbortController() : null;
        var timer = controller ? setTimeout(function () { controller.abort(); }, FETCH_TIMEOUT_MS) : null;
        var options = Object.assign({ cache: 'no-store', credentials: 'same-origin' }, init || {});
        options.headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
        if (controller) {
            options.signal = controller.signal;
        }
        return fetch(url, options).then(function (response) {
            return response.text().then(function (text) {
                return { status: response.status, ok: response.ok, statusText: response.statusText, body: parseBody(text) };
            });
        }, function (error) {
            if (error && error.name === 'AbortError') {
                throw new Error('no answer within ' + (FETCH_TIMEOUT_MS / 1000) + ' s');
            }
            throw new Error('network error' + (error && error.message ? ' (' + error.message + ')' : ''));
        }).finally(function () {
            if (timer) {
                clearTimeout(timer);
            }
        });
    }

    function getJson(url) {
        return request(url).then(function (response) {
            if (!response.ok) {
                throw new HttpError(response.status, response.statusText, response.body);
            }
            if (!response.body || typeof response.body !== 'object') {
                throw new Error('the answer is not JSON');
            }
            return response.body;
        });
    }

    function processUrl(name) {
        // one segment per part of the name: a key may hold '/', which the endpoint joins back
        return state.endpoint + '/processes/' + name.split('/').map(encodeURIComponent).join('/');
    }

    // ---------------------------------------------------------------- start and poll

    function start() {
        bindEvents();
        loadConfig();
    }

    function loadConfig() {
        getJson('config.json').then(function (config) {
            var endpoint = config && typeof config.endpoint === 'string' ? config.endpoint.trim() : '';
            if (!endpoint) {
                throw new Error('config.json names no "endpoint"');
            }
            state.endpoint = endpoint.replace(/\/+$/, '');
            var fromHash = selectedFromHash();
            if (fromHash) {
                openDetail(fromHash);
            }
            poll();
        }).catch(function (error) {
            setLive('offline');
            showError('Cannot load config.json: ' + error.message + '. Retrying…');
            setTimeout(loadConfig, POLL_MS);
        });
    }

    function poll() {
        getJson(state.endpoint).then(function (data) {
            state.lastSuccess = new Date();
            hideError();
            setLive('live');
            render(data);
        }).catch(function (error) {
            setLive('offline');
            showError('Cannot reach ' + state.endpoint + ': ' + error.message + '. Retrying every second'
                + (state.lastSuccess ? '; the view below is from ' + formatClock(state.lastSuccess) + '.' : '.'));
        }).finally(function () {
            setTimeout(poll, POLL_MS);
        });
    }

    // ---------------------------------------------------------------- header

    function setLive(mode) {
        var live = $('live');
        live.classList.remove('live-ok', 'offline', 'connecting');
        live.classList.add(mode === 'live' ? 'live-ok' : mode);
        $('live-label').textContent = mode === 'live' ? 'live' : mode === 'offline' ? 'offline' : 'connecting…';
        $('last-updated').textContent = state.lastSuccess ? 'updated ' + formatClock(state.lastSuccess) : '';
        $('tree').classList.toggle('stale', mode === 'offline' && state.lastSuccess !== null);
    }

    function showError(message) {
        var banner = $('error-banner');
        banner.textContent = message;
        banner.hidden = false;
    }

    function hideError() {
        $('error-banner').hidden = true;
    }

    function formatClock(date) {
        function two(n) { return (n < 10 ? '0' : '') + n; }
        return two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds());
    }

    function formatUptime(seconds) {
        if (!isNumber(seconds) || seconds < 0) {
            return '–';
        }
        var s = Math.floor(seconds);
        var days = Math.floor(s / 86400);
        var hours = Math.floor((s % 86400) / 3600);
        var minutes = Math.floor((s % 3600) / 60);
        var secs = s % 60;
        if (days > 0) {
            return days + 'd ' + hours + 'h ' + minutes + 'm';
        }
        if (hours > 0) {
            return hours + 'h ' + minutes + 'm ' + secs + 's';
        }
        if (minutes > 0) {
            return minutes + 'm ' + secs + 's';
        }
        return secs + 's';
    }

    /** An ISO instant as local date and time, to the second; anything else as it came. */
    function formatInstant(value) {
        if (typeof value !== 'string' || !value) {
            return show(value);
        }
        var date = new Date(value);
        if (isNaN(date.getTime())) {
            return value;
        }
        var today = new Date();
        var sameDay = date.toDateString() === today.toDateString();
        return (sameDay ? '' : date.toLocaleDateString() + ' ') + formatClock(date);
    }

    function renderHeader(data) {
        $('node-name').textContent = show(data.node);
        var uptime = $('uptime');
        uptime.textContent = formatUptime(data.uptimeSeconds);
        uptime.title = data.startedAt ? 'started ' + formatInstant(data.startedAt) + ' (' + data.startedAt + ')' : '';
        $('process-count').textContent = show(data.processCount);
        var dead = $('dead-letters');
        dead.textContent = show(data.deadLetters);
        dead.classList.toggle('warn', isNumber(data.deadLetters) && data.deadLetters > 0);
        document.title = (data.node ? data.node + ' · ' : '') + 'OTP observer';
    }

    function render(data) {
        renderHeader(data);
        var writable = data.writable === true;
        if (writable !== state.writable) {
            state.writable = writable;
            updateActionsVisibility();
        }
        renderTree(data.tree);
    }

    // ---------------------------------------------------------------- tree

    /**
     * The tree is kept as DOM elements keyed by their path, updated in place at each poll: nothing
     * flickers, a highlight can run across polls and an element under the mouse stays the same.
     */
    function renderTree(root) {
        var container = $('tree');
        var seen = new Set();
        if (!root || typeof root !== 'object') {
            state.entries.forEach(function (entry) { entry.li.remove(); });
            state.entries.clear();
            replaceChildren(container, [el('p', 'placeholder', 'No supervision tree: the root supervisor is not running.')]);
            return;
        }
        var rootItem = syncNode(root, '', seen);
        var list = container.querySelector(':scope > ul.tree-root');
        if (!list) {
            list = el('ul', 'tree-root');
            replaceChildren(container, [list]);
        }
        syncChildren(list, [rootItem]);
        state.entries.forEach(function (entry, key) {
            if (!seen.has(key)) {
                entry.li.remove();
                state.entries.delete(key);
            }
        });
    }

    function replaceChildren(parent, children) {
        while (parent.firstChild) {
            parent.removeChild(parent.firstChild);
        }
        children.forEach(function (child) { parent.appendChild(child); });
    }

    /** Puts exactly {@code items}, in order, in {@code list}, moving only what is out of place. */
    function syncChildren(list, items) {
        items.forEach(function (item, index) {
            if (list.children[index] !== item) {
                list.insertBefore(item, list.children[index] || null);
            }
        });
        while (list.children.length > items.length) {
            list.removeChild(list.lastElementChild);
        }
    }

    function syncNode(node, parentPath, seen) {
        var name = show(node.name);
        var path = parentPath + '/' + name;
        var entry = state.entries.get(path);
        if (!entry) {
            entry = createEntry(name);
            state.entries.set(path, entry);
        }
        seen.add(path);
        updateEntry(entry, node);

        var children = Array.isArray(node.children) ? node.children : [];
        var items = children.map(function (child) { return syncNode(child, path, seen); });
        var hidden = isNumber(node.childCount) ? node.childCount - children.length : 0;
        if (hidden > 0) {
            if (!entry.moreItem) {
                entry.moreItem = el('li', 'tree-item more-item');
                entry.moreItem.appendChild(el('div', 'more'));
            }
            entry.moreItem.firstChild.textContent = '… ' + hidden + ' more not shown';
            items.push(entry.moreItem);
        }
        if (items.length > 0) {
            if (!entry.childList) {
                entry.childList = el('ul', 'tree-children');
                entry.li.appendChild(entry.childList);
            }
            syncChildren(entry.childList, items);
        } else if (entry.childList) {
            entry.childList.remove();
            entry.childList = null;
        }
        return entry.li;
    }

    function createEntry(name) {
        var li = el('li', 'tree-item');
        var card = el('div', 'node');
        card.setAttribute('data-process', name);
        card.setAttribute('role', 'button');
        card.tabIndex = 0;

        var dot = el('span', 'node-dot');
        dot.setAttribute('aria-hidden', 'true');

        var main = el('div', 'node-main');
        var titleLine = el('div', 'node-title');
        var nameEl = el('span', 'node-name', name);
        nameEl.title = name;
        var kind = el('span', 'tag kind');
        var strategy = el('span', 'tag strategy');
        var dynamic = el('span', 'tag dynamic', 'dynamic');
        titleLine.append(nameEl, kind, strategy, dynamic);

        var meta = el('div', 'node-meta');
        var status = el('span', 'status');
        var pid = el('span', 'pid');
        var children = el('span', 'children-info');
        meta.append(status, pid, children);
        main.append(titleLine, meta);

        var metrics = el('div', 'node-metrics');
        var restartsMetric = el('div', 'metric metric-restarts');
        var restarts = el('span', 'metric-value restarts');
        var restartsLabel = el('span', 'metric-label', 'restarts');
        restartsMetric.append(restarts, restartsLabel);
        var mailboxMetric = el('div', 'metric metric-mailbox');
        var mailbox = el('span', 'metric-value mailbox');
        mailboxMetric.append(mailbox, el('span', 'metric-label', 'mailbox'));
        metrics.append(restartsMetric, mailboxMetric);

        card.append(dot, main, metrics);
        card.addEventListener('animationend', function (event) {
            if (event.animationName === 'bump') {
                card.classList.remove('bumped');
            }
        });
        li.appendChild(card);

        return {
            name: name, li: li, card: card, kind: kind, strategy: strategy, dynamic: dynamic, status: status,
            pid: pid, children: children, restarts: restarts, restartsLabel: restartsLabel,
            restartsMetric: restartsMetric, mailbox: mailbox, mailboxMetric: mailboxMetric,
            lastRestarts: null, childList: null, moreItem: null, bumpTimer: null
        };
    }

    function updateEntry(entry, node) {
        var status = typeof node.status === 'string' && node.status ? node.status : 'unknown';
        var supervisor = node.type === 'supervisor';
        entry.card.setAttribute('data-status', status);
        entry.card.classList.toggle('supervisor', supervisor);
        entry.card.classList.toggle('selected', entry.name === state.selected);
        entry.card.title = entry.name + ' — ' + status + ' (click for details)';

        entry.status.textContent = status;
        entry.kind.textContent = show(node.type);
        entry.strategy.textContent = node.strategy ? String(node.strategy) : '';
        entry.strategy.hidden = !node.strategy;
        entry.strategy.title = node.strategy ? 'restart strategy' : '';
        entry.dynamic.hidden = node.dynamic !== true;
        entry.pid.textContent = node.pid ? String(node.pid) : 'not running';
        entry.pid.classList.toggle('none', !node.pid);

        var shown = Array.isArray(node.children) ? node.children.length : 0;
        var childInfo = '';
        if (supervisor && isNumber(node.childCount)) {
            childInfo = node.childCount + (node.childCount === 1 ? ' child' : ' children');
            if (node.childCount > shown) {
                childInfo += ' · showing first ' + shown;
            }
        }
        entry.children.textContent = childInfo;
        entry.children.hidden = childInfo === '';

        var restarts = isNumber(node.restarts) ? node.restarts : null;
        entry.restarts.textContent = restarts === null ? '–' : String(restarts);
        var recent = isNumber(node.recentRestarts) ? node.recentRestarts : 0;
        entry.restartsLabel.textContent = recent > 0 ? 'restarts · ' + recent + ' recent' : 'restarts';
        entry.restartsMetric.classList.toggle('recent', recent > 0);
        entry.restartsMetric.title = 'restarts: ' + show(restarts) + ', recent (within the restart period): ' + recent;
        if (restarts !== null && entry.lastRestarts !== null && restarts > entry.lastRestarts) {
            bump(entry);
        }
        entry.lastRestarts = restarts;

        var mailbox = isNumber(node.mailbox) ? node.mailbox : null;
        entry.mailbox.textContent = mailbox === null ? '–' : String(mailbox);
        entry.mailboxMetric.classList.toggle('hot', mailbox !== null && mailbox > 0);
        entry.mailboxMetric.title = mailbox === null ? 'mailbox size unknown' : mailbox + ' message(s) waiting in the mailbox';
    }

    /** Restarted since the last poll: flash the node (restarting the animation if it still runs). */
    function bump(entry) {
        var card = entry.card;
        card.classList.remove('bumped');
        void card.offsetWidth; // restarts the CSS animation
        card.classList.add('bumped');
        clearTimeout(entry.bumpTimer);
        entry.bumpTimer = setTimeout(function () { card.classList.remove('bumped'); }, BUMP_MS + 200);
    }

    function markSelected() {
        state.entries.forEach(function (entry) {
            entry.card.classList.toggle('selected', entry.name === state.selected);
        });
    }

    // ---------------------------------------------------------------- detail pane

    function selectedFromHash() {
        var hash = window.location.hash;
        if (hash.length <= 1) {
            return null;
        }
        try {
            return decodeURIComponent(hash.slice(1));
        } catch (ignored) {
            return null;
        }
    }

    function openDetail(name) {
        if (state.selected !== name) {
            state.selected = name;
            state.detailSnapshot = null;
            $('detail-name').textContent = name;
            $('detail-name').title = name;
            setBadge(null);
            replaceChildren($('detail-body'), [el('p', 'muted', 'Loading…')]);
            resetActions();
        }
        $('detail').hidden = false;
        document.body.classList.add('with-detail');
        markSelected();
        if (history.replaceState) {
            history.replaceState(null, '', '#' + encodeURIComponent(name));
        }
        refreshDetail();
    }

    function closeDetail() {
        state.selected = null;
        state.detailSeq++;
        clearTimeout(state.detailTimer);
        $('detail').hidden = true;
        document.body.classList.remove('with-detail');
        markSelected();
        if (history.replaceState) {
            history.replaceState(null, '', window.location.pathname + window.location.search);
        }
    }

    function refreshDetail() {
        var name = state.selected;
        if (name === null || state.endpoint === null) {
            return;
        }
        var seq = ++state.detailSeq;
        clearTimeout(state.detailTimer);
        getJson(processUrl(name)).then(function (detail) {
            if (seq === state.detailSeq) {
                setFound(true);
                renderDetail(detail);
            }
        }).catch(function (error) {
            if (seq !== state.detailSeq) {
                return;
            }
            if (error instanceof HttpError && error.status === 404) {
                setFound(false);
                renderDetailMessage('not-found', 'process not found (it may have stopped)');
            } else {
                renderDetailMessage('error', 'Cannot load the details: ' + error.message + '. Retrying…');
            }
        }).finally(function () {
            if (seq === state.detailSeq && state.selected === name) {
                state.detailTimer = setTimeout(refreshDetail, POLL_MS);
            }
        });
    }

    function setBadge(status) {
        var badge = $('detail-status');
        badge.textContent = status || '';
        badge.hidden = !status;
        badge.setAttribute('data-status', status || '');
    }

    function renderDetailMessage(kind, message) {
        var snapshot = kind + ':' + message;
        if (state.detailSnapshot === snapshot) {
            return;
        }
        state.detailSnapshot = snapshot;
        setBadge(null);
        replaceChildren($('detail-body'), [el('p', 'detail-message ' + kind, message)]);
    }

    function renderDetail(detail) {
        var snapshot = JSON.stringify(detail);
        if (state.detailSnapshot === snapshot) {
            return; // unchanged: keep the scroll position and any selection
        }
        state.detailSnapshot = snapshot;
        setBadge(typeof detail.status === 'string' ? detail.status : null);

        var sections = [];
        sections.push(section('Process', fields([
            ['PID', detail.pid ? String(detail.pid) : 'not running', 'mono'],
            ['Type', show(detail.type)],
            ['Status', show(detail.status)],
            ['Supervisor', supervisorLink(detail.supervisor)],
            ['Mailbox', show(detail.mailbox), isNumber(detail.mailbox) && detail.mailbox > 0 ? 'hot' : ''],
            ['Restarts', show(detail.restarts)],
            ['Recent restarts', show(detail.recentRestarts)]
        ])));

        var isStateMachine = detail.state != null || detail.stateValue != null || detail.recentTransitions != null;
        if (isStateMachine) {
            sections.push(stateMachineSection(detail));
        }
        if (detail.guard) {
            sections.push(guardSection(detail.guard));
        }
        sections.push(crashSection(detail.lastCrash));

        var extra = Object.keys(detail).filter(function (key) { return KNOWN_DETAIL_FIELDS.indexOf(key) < 0; });
        if (extra.length > 0) {
            sections.push(section('Other', fields(extra.map(function (key) {
                var value = detail[key];
                return [key, value !== null && typeof value === 'object' ? JSON.stringify(value) : show(value), 'mono'];
            }))));
        }
        replaceChildren($('detail-body'), sections);
    }

    /** What guards calls to the process: a Resilience4j circuit breaker and its state, a bulkhead. */
    function guardSection(guard) {
        var rows = [];
        if (guard.circuitBreaker != null) {
            var breakerState = el('span', 'breaker breaker-' + String(guard.circuitBreakerState).toLowerCase(),
                guard.circuitBreakerState);
            rows.push(['Circuit breaker', guard.circuitBreaker, 'mono']);
            rows.push(['Breaker state', breakerState]);
        }
        if (guard.bulkhead != null) {
            rows.push(['Bulkhead', guard.bulkhead, 'mono']);
            rows.push(['Calls it admits now', show(guard.availableCalls)]);
        }
        return section('Protection', fields(rows));
    }

    function section(title, content) {
        var box = el('section', 'detail-section');
        box.appendChild(el('h3', null, title));
        box.appendChild(content);
        return box;
    }

    /** A definition list from [label, text or node, class] rows. */
    function fields(rows) {
        var list = el('dl', 'fields');
        rows.forEach(function (row) {
            list.appendChild(el('dt', null, row[0]));
            var value = el('dd', row[2] || '');
            if (row[1] instanceof Node) {
                value.appendChild(row[1]);
            } else {
                value.textContent = row[1];
            }
            list.appendChild(value);
        });
        return list;
    }

    function supervisorLink(name) {
        if (typeof name !== 'string' || !name) {
            return '–';
        }
        var link = el('button', 'link', name);
        link.type = 'button';
        link.title = 'Show ' + name;
        link.addEventListener('click', function () { openDetail(name); });
        return link;
    }

    function stateMachineSection(detail) {
        var box = el('div');
        box.appendChild(fields([
            ['State', show(detail.state), 'state-name'],
            ['State value', show(detail.stateValue), 'mono wrap']
        ]));
        var transitions = Array.isArray(detail.recentTransitions) ? detail.recentTransitions : [];
        box.appendChild(el('h4', null, 'Recent transitions' + (transitions.length > 1 ? ' (oldest first)' : '')));
        if (transitions.length === 0) {
            box.appendChild(el('p', 'muted', 'None recorded.'));
            return section('State machine', box);
        }
        var table = el('table', 'transitions');
        var head = el('tr');
        ['From', 'Event', 'To', 'At'].forEach(function (label) { head.appendChild(el('th', null, label)); });
        table.appendChild(el('thead')).appendChild(head);
        var body = el('tbody');
        transitions.forEach(function (t, index) {
            var row = el('tr', index === transitions.length - 1 ? 'latest' : null);
            row.appendChild(el('td', t && t.from != null ? null : 'muted', t && t.from != null ? t.from : '(start)'));
            row.appendChild(el('td', 'mono' + (t && t.event != null ? '' : ' muted'), t && t.event != null ? t.event : '–'));
            row.appendChild(el('td', 'to', t ? show(t.to) : '–'));
            row.appendChild(el('td', 'time', t ? formatInstant(t.at) : '–'));
            if (t && t.at) {
                row.lastChild.title = String(t.at);
            }
            body.appendChild(row);
        });
        table.appendChild(body);
        var scroller = el('div', 'table-scroll');
        scroller.appendChild(table);
        box.appendChild(scroller);
        return section('State machine', box);
    }

    function crashSection(crash) {
        if (!crash || typeof crash !== 'object') {
            return section('Last crash', el('p', 'muted', 'No crash recorded.'));
        }
        var box = el('div', 'crash');
        box.setAttribute('id', 'last-crash');
        box.appendChild(el('div', 'crash-exception', show(crash.exception)));
        if (crash.message != null && crash.message !== '') {
            box.appendChild(el('div', 'crash-message', crash.message));
        }
        var at = el('span', null, formatInstant(crash.at));
        if (crash.at) {
            at.title = String(crash.at);
        }
        box.appendChild(fields([
            ['Reason', show(crash.reason), 'mono wrap'],
            ['At', at]
        ]));
        var trace = Array.isArray(crash.stackTrace) ? crash.stackTrace : [];
        if (trace.length > 0) {
            var stack = el('div', 'stack-trace');
            stack.setAttribute('aria-label', 'Stack trace');
            trace.forEach(function (line) {
                stack.appendChild(el('div', 'frame', 'at ' + line));
            });
            box.appendChild(stack);
        }
        // any field the contract may grow
        Object.keys(crash).forEach(function (key) {
            if (['reason', 'exception', 'message', 'at', 'stackTrace'].indexOf(key) < 0) {
                var value = crash[key];
                box.appendChild(fields([[key, value !== null && typeof value === 'object' ? JSON.stringify(value) : show(value), 'mono wrap']]));
            }
        });
        return section('Last crash', box);
    }

    // ---------------------------------------------------------------- actions

    function updateActionsVisibility() {
        $('detail-actions').hidden = !state.writable;
    }

    /** No buttons for a process the endpoint does not know (any result of a last action stays). */
    function setFound(found) {
        $('action-buttons').hidden = !found;
        if (!found) {
            $('kill-confirm-box').hidden = true;
        }
    }

    function resetActions() {
        $('kill-confirm-box').hidden = true;
        var result = $('action-result');
        result.hidden = true;
        result.textContent = '';
        result.className = 'action-result';
        setActionsDisabled(false);
        updateActionsVisibility();
    }

    function setActionsDisabled(disabled) {
        ['restart-button', 'kill-button', 'kill-confirm', 'kill-cancel'].forEach(function (id) {
            $(id).disabled = disabled;
        });
    }

    function showResult(kind, message) {
        var result = $('action-result');
        result.className = 'action-result ' + kind;
        result.setAttribute('data-result', kind);
        result.textContent = message;
        result.hidden = false;
    }

    function askKill() {
        if (state.selected === null) {
            return;
        }
        $('action-result').hidden = true;
        $('kill-confirm-text').textContent = 'Kill ' + state.selected + '? Its supervisor decides whether it comes back.';
        $('kill-confirm-box').hidden = false;
        $('kill-confirm').focus();
    }

    function act(action) {
        var name = state.selected;
        if (name === null || state.actionPending) {
            return;
        }
        state.actionPending = true;
        setActionsDisabled(true);
        $('kill-confirm-box').hidden = true;
        showResult('pending', (action === 'restart' ? 'Restarting ' : 'Killing ') + name + '…');
        request(processUrl(name), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ action: action })
        }).then(function (response) {
            if (state.selected !== name) {
                return;
            }
            var body = response.body;
            if (response.ok) {
                var pid = body && typeof body === 'object' && body.pid ? String(body.pid) : '';
                showResult('ok', action === 'restart'
                    ? 'Restarted ' + name + (pid ? ' — new pid ' + pid : '') + '.'
                    : 'Killed ' + name + '.' + (pid ? ' Its supervisor started it again as ' + pid + '.' : ''));
            } else if (response.status === 404) {
                showResult('error', 'process not found (it may have stopped)');
            } else {
                showResult('error', (action === 'restart' ? 'Restart' : 'Kill') + ' refused: '
                    + bodyMessage(body, 'HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : '')));
            }
        }, function (error) {
            if (state.selected === name) {
                showResult('error', (action === 'restart' ? 'Restart' : 'Kill') + ' failed: ' + error.message);
            }
        }).finally(function () {
            state.actionPending = false;
            setActionsDisabled(false);
            if (state.selected === name) {
                refreshDetail();
            }
        });
    }

    // ---------------------------------------------------------------- events

    function bindEvents() {
        var tree = $('tree');
        tree.addEventListener('click', function (event) {
            var card = event.target.closest('.node');
            if (card) {
                openDetail(card.getAttribute('data-process'));
            }
        });
        tree.addEventListener('keydown', function (event) {
            var card = event.target.closest('.node');
            if (card && (event.key === 'Enter' || event.key === ' ')) {
                event.preventDefault();
                openDetail(card.getAttribute('data-process'));
            }
        });
        $('detail-close').addEventListener('click', closeDetail);
        $('restart-button').addEventListener('click', function () { act('restart'); });
        $('kill-button').addEventListener('click', askKill);
        $('kill-confirm').addEventListener('click', function () { act('kill'); });
        $('kill-cancel').addEventListener('click', function () { $('kill-confirm-box').hidden = true; });
        document.addEventListener('keydown', function (event) {
            if (event.key !== 'Escape' || state.selected === null) {
                return;
            }
            if (!$('kill-confirm-box').hidden) {
                $('kill-confirm-box').hidden = true;
            } else {
                closeDetail();
            }
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
