// The staff's front door: the supervisor opens / and is sent to the Chinese login page (never the browser's
// password dialog), logs in, lands on the home page (at 1366×768 and on a 390×844 phone) and goes on to the
// dashboard and to Tasklist on the same login; a missing page and a refused one are Chinese pages. Then an
// English-language browser opens Tasklist and gets it in Chinese, without the "migrate to Camunda 8" banner.
// The liaison office, logged in on /login alone (no HTTP Basic), registers a platform on /platforms and records a
// "六有" check: the page's writes carry the session's CSRF token.
import { base, browser, journey, expect } from './lib.mjs';

export default async function frontDoor() {
  const b = await browser();
  try {
    await supervisor(b);
    await liaisonWrites(b);
    await englishBrowser(b);
  } finally {
    await b.close();
  }
}

async function supervisor(b) {
  const context = await b.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const challenges = [];
  context.on('response', (r) => { if (r.headers()['www-authenticate']) challenges.push(r.status() + ' ' + r.url()); });
  await journey('front-door', context, [
    ['login-page-instead-of-a-password-dialog', async (page) => {
      await page.goto(base + '/');
      await page.waitForURL(/\/login\?next=%2F$/);
      await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
      expect(challenges.length === 0, 'no Basic challenge on the way: ' + challenges.join(', '));
    }],
    ['wrong-password-said-in-chinese', async (page) => {
      await page.getByLabel('用户名').fill('nobody-at-all'); // no demo account gets locked by this
      await page.getByLabel('密码').fill('wrong');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('用户名或密码错误').waitFor();
    }],
    ['home-at-1366x768', async (page) => {
      await page.getByLabel('用户名').fill('supervisor');
      await page.getByLabel('密码').fill('supervisor');
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(base + '/');
      await page.locator('#hello', { hasText: '您好，' }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text.includes('督查督办') && text.includes('待我督办') && text.includes('已超期'), 'roles and filters with counts: ' + text);
      expect(!text.includes('规则状态'), 'a supervisor is not offered the designers\' page');
      expect(await page.locator('#place-dashboard').isVisible(), 'the dashboard is offered');
      expect(await noSideScroll(page), 'no sideways scrolling at 1366×768');
      expect(challenges.length === 0, 'no Basic challenge after logging in: ' + challenges.join(', '));
    }],
    ['home-on-a-phone-390x844', async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.locator('#hello', { hasText: '您好，' }).waitFor();
      await page.locator('#place-dashboard').waitFor();
      expect(await noSideScroll(page), 'no sideways scrolling on a phone');
    }],
    ['dashboard-from-home', async (page) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.locator('#place-dashboard').click();
      await page.waitForURL(base + '/dashboard');
      await page.locator('#cards .card').first().waitFor({ timeout: 15000 });
      expect(await page.locator('nav.site a', { hasText: '首页' }).isVisible(), 'the dashboard links back home');
    }],
    ['tasklist-filter-from-home-same-login', async (page) => {
      await page.locator('nav.site a', { hasText: '首页' }).click();
      await page.locator('#filters a', { hasText: '待我督办' }).click();
      await page.waitForURL(/\/camunda\/app\/tasklist\//);
      await page.getByText('待我督办').first().waitFor();
      expect(await page.getByPlaceholder('用户名').count() === 0, 'Tasklist is open without a second login');
    }],
    ['missing-page-in-chinese', async (page) => {
      const answer = await page.goto(base + '/no-such-page');
      expect(answer.status() === 404, 'status ' + answer.status());
      const text = await page.locator('body').innerText();
      expect(text.includes('未找到') && text.includes('返回首页') && !text.includes('"status"'), 'a Chinese page, not JSON: ' + text);
    }],
    ['refused-page-in-chinese', async (page) => {
      const answer = await page.goto(base + '/rules-state');
      expect(answer.status() === 403, 'status ' + answer.status());
      const text = await page.locator('body').innerText();
      expect(text.includes('无权') && text.includes('返回首页') && !text.includes('"status"'), 'a Chinese page, not JSON: ' + text);
    }],
    ['logged-out', async (page) => {
      await page.goto(base + '/');
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(/\/login$/);
      await page.goto(base + '/dashboard');
      await page.waitForURL(/\/login\?next=%2Fdashboard$/);
    }],
    ['back-to-where-they-were-going', async (page) => {
      await page.getByLabel('用户名').fill('supervisor');
      await page.getByLabel('密码').fill('supervisor');
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(base + '/dashboard');
      await page.locator('#cards .card').first().waitFor({ timeout: 15000 });
      expect(challenges.length === 0, 'no Basic challenge in the whole journey: ' + challenges.join(', '));
    }],
  ]);
  await context.close();
}

/** The liaison office writes on /platforms with the login page's session: no 403, no password dialog. */
async function liaisonWrites(b) {
  const context = await b.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const challenges = [];
  context.on('response', (r) => { if (r.headers()['www-authenticate']) challenges.push(r.status() + ' ' + r.url()); });
  const name = '前进村协商议事室-' + Date.now().toString(36);
  await journey('front-door-liaison-writes', context, [
    ['platforms-asks-for-a-login', async (page) => {
      await page.goto(base + '/platforms');
      await page.waitForURL(/\/login\?next=%2Fplatforms$/);
      await page.getByLabel('用户名').fill('liaison');
      await page.getByLabel('密码').fill('liaison');
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(base + '/platforms');
      await page.locator('#platforms tbody tr td').first().waitFor();
    }],
    ['registers-a-platform', async (page) => {
      const form = page.locator('#create');
      await form.locator('[name=name]').fill(name);
      await form.locator('[name=township]').fill('中峰镇');
      await form.locator('[name=village]').fill('前进村');
      await form.getByRole('button', { name: '登记' }).click();
      await form.locator('.msg.done', { hasText: '已保存' }).waitFor();
      await page.locator('#platforms td', { hasText: name }).waitFor();
    }],
    ['records-a-six-has-check', async (page) => {
      const form = page.locator('#check');
      await form.locator('[name=platform]').selectOption({ label: name });
      await form.locator('[name=item]').selectOption('PLACE');
      await form.locator('[name=met]').selectOption('true');
      await form.locator('[name=evidence]').fill('村委会二楼议事室，约 40 平方米，已拍照存档');
      await form.locator('[name=checkedOn]').fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
      await form.getByRole('button', { name: '记录' }).click();
      const msg = form.locator('.msg');
      await form.locator('.msg.done, .msg.error').waitFor();
      const said = await msg.innerText();
      expect(said.includes('已保存'), 'the check is recorded, not refused: ' + said);
      const row = page.locator('#platforms tbody tr', { hasText: name });
      await row.locator('.six span.met', { hasText: '有场所' }).waitFor();
      expect(challenges.length === 0, 'no Basic challenge on the way: ' + challenges.join(', '));
    }],
  ]);
  await context.close();
}

/** An English-language browser (en-US, Accept-Language: en) gets Tasklist in Chinese, with the product's name. */
async function englishBrowser(b) {
  const context = await b.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'Accept-Language': 'en' } });
  await journey('front-door-english-browser', context, [
    ['tasklist-login-in-chinese', async (page) => {
      await page.goto(base + '/camunda/app/tasklist/');
      await page.getByPlaceholder('用户名').waitFor();
      expect(await page.evaluate(() => navigator.language) === 'en-US', 'the browser speaks English');
      const text = await page.locator('body').innerText();
      expect(text.includes('商量'), 'the product\'s name on the login page: ' + text);
      expect(!/Log in|Username/.test(text), 'no English on the login page');
      await page.waitForTimeout(1500); // the login form is wired once the app has started
    }],
    ['tasklist-in-chinese-without-the-banner', async (page) => {
      await page.getByPlaceholder('用户名').fill('transport');
      await page.getByPlaceholder('密码').fill('transport');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('我的待办').first().waitFor();
      const text = await page.locator('body').innerText();
      expect(text.includes('本组待办') && !/Camunda 8|migrat/i.test(text), 'Chinese Tasklist without the banner');
      expect(!(await page.locator('.ce-eol-banner').isVisible().catch(() => false)), 'the EOL banner is hidden');
    }],
  ]);
  await context.close();
}

async function noSideScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
