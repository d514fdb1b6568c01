// The webapps' session from our pages: its login and logout want Camunda's CSRF token. Camunda hands it out with
// the read that creates it (as a header, and a cookie only pages under /camunda can read); once made, /login/token
// tells it to our pages (same origin only). Our pages' writes to /api send the same token (send), as the server
// refuses a session write without it.
window.shangliangSession = (function () {
  const AUTH = '/camunda/api/admin/auth/user/default';

  async function token() {
    const known = await fetch(location.origin + '/login/token', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((r) => r.json()).catch(() => ({}));
    if (known.token) return known.token;
    const made = await fetch(location.origin + AUTH, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    return made.headers.get('X-XSRF-TOKEN') || '';
  }

  async function post(path, body) {
    const headers = {Accept: 'application/json', 'X-XSRF-TOKEN': await token()};
    if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    return fetch(location.origin + AUTH + path, {method: 'POST', credentials: 'same-origin', headers, body});
  }

  /** A JSON write to our API with the session and its token; answers the fetch Response. */
  async function send(method, path, body) {
    const headers = {Accept: 'application/json', 'X-XSRF-TOKEN': await token()};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(location.origin + path, {method, credentials: 'same-origin', headers,
      body: body === undefined ? undefined : JSON.stringify(body)});
  }

  return {
    send,
    /** Logs in to the webapps' login of 'welcome', which lets in every account (Tasklist's would refuse a designer). */
    login: (username, password) => post('/login/welcome', new URLSearchParams({username, password})),
    logout: () => post('/logout'),
  };
})();
