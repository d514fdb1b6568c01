// 规则状态 for 流程设计员 and administrators: the rules in force and the last refused change, from
// GET /api/admin/rules (lastRefusal). Reloading is a write: POST /api/admin/rules/reload with HTTP Basic, or
// save the file and let the folder watcher pick it up; this page then shows the outcome.
(function () {
  const $ = (id) => document.getElementById(id);
  const text = (value) => { const span = document.createElement('span'); span.textContent = value ?? ''; return span.innerHTML; };
  const time = (iso) => iso ? iso.substring(0, 16).replace('T', ' ') : '';
  const short = (sha) => sha ? text(sha.substring(0, 12)) + '…' : '';

  function refusal(last, checksum) {
    if (!last) {
      return '<h2>最近一次被拒绝的修改 <span class="published-badge">无</span></h2>'
          + '<p class="note">最近一次加载成功，rules/ 目录下的文件都已生效。</p>';
    }
    const problems = last.problems.map((p) => `<tr><td>${text(p.file ?? '—')}</td><td>${p.line ?? '—'}</td>`
        + `<td>${text(p.message)}</td></tr>`).join('');
    return '<h2>最近一次被拒绝的修改 <span class="provisional-badge">未生效</span></h2>'
        + `<p class="calendar-warning">${text(time(last.at))} 拒绝了对 ${text(last.changedFiles.join('、') || '（无改动的文件）')} 的修改；`
        + `现行规则继续生效（校验和 ${short(last.stillInForce)}${last.stillInForce === checksum ? '' : '，此后已换过'}）。</p>`
        + '<table><thead><tr><th>文件</th><th>行</th><th>编译器或解析器的消息</th></tr></thead>'
        + `<tbody id="refusalProblems">${problems}</tbody></table>`;
  }

  function inForce(rules) {
    const files = rules.files.map((f) => `<tr><td>${text(f.path)}</td><td>${short(f.sha256)}</td><td>${f.size}</td></tr>`).join('');
    return '<h2>现行规则</h2>'
        + `<p class="note">校验和 ${short(rules.checksum)}，${text(time(rules.loadedAt))} 加载自 ${text(rules.source)}</p>`
        + '<table><thead><tr><th>文件</th><th>SHA-256</th><th>字节</th></tr></thead>'
        + `<tbody id="rulesFiles">${files}</tbody></table>`;
  }

  function load() {
    // location.origin never carries credentials typed into the address bar (fetch refuses URLs that do)
    fetch(location.origin + '/api/admin/rules', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then((r) => { if (!r.ok) throw new Error('/api/admin/rules ' + r.status); return r.json(); })
        .then((rules) => { $('refusal').innerHTML = refusal(rules.lastRefusal, rules.checksum); $('inForce').innerHTML = inForce(rules); })
        .catch((e) => { $('refusal').innerHTML = `<h2>规则状态</h2><p class="empty">读取失败：${text(e.message)}</p>`; });
  }

  $('refresh').addEventListener('click', load);
  setInterval(load, 10000);
  load();
})();
