// The staff pages as a township clerk sees them, on a desk screen and a phone: the supervisors' dashboard, the
// platforms page, and the public page for a visitor. People by name, times as YYYY-MM-DD HH:mm, no rule codes.
import path from 'node:path';
import { base, browser, journey, expect, out } from './lib.mjs';

const SCREENS = { desk: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
const CODES = /\b(STANDARD|ON_SITE|EMERGENCY|CONSULTATION_ROOM|MEMBER_STUDIO)\b/;

function plain(text, where) {
  expect(!ISO.test(text), `${where} shows a raw timestamp: ${text.match(ISO)}`);
  expect(!CODES.test(text), `${where} shows a code: ${text.match(CODES)}`);
}

/** A long page on a phone as its user sees it: one screenful after another (the journey keeps the full page too). */
async function screenfuls(page, name) {
  const height = page.viewportSize().height;
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0, n = 1; top < total; top += height, n++) {
    await page.evaluate((y) => window.scrollTo(0, y), top);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(out, `${name}-screen-${n}.png`) });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Logged in as people are, on /login (a page without a login is sent there; no Basic challenge to answer). */
async function staff(b, screen) {
  const context = await b.newContext({ viewport: SCREENS[screen], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.getByLabel('用户名').fill('supervisor');
  await page.getByLabel('密码').fill('supervisor');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(base + '/');
  await page.close();
  return context;
}

export default async function pages() {
  const b = await browser();
  try {
    for (const screen of Object.keys(SCREENS)) {
      const context = await staff(b, screen);
      await journey(`pages-${screen}`, context, [
        ['dashboard', async (page) => {
          await page.goto(base + '/dashboard');
          await page.locator('#cards .card').first().waitFor();
          await page.locator('#townshipRanking tbody tr').first().waitFor();
          await page.waitForTimeout(1200); // the charts animate in
          plain(await page.locator('main').innerText(), 'the dashboard');
          expect((await page.locator('#scoreExplained').innerText()).includes('合计100分'), 'the scorecard explained in words');
          if (screen === 'phone') await screenfuls(page, 'pages-phone-dashboard');
        }],
        ['dashboard-matter', async (page) => {
          const row = page.locator('#openBreaches tr.clickable, #dueSoon tr.clickable').first();
          if (await row.count() === 0) return;
          await row.click();
          await page.locator('#demand[open] li').first().waitFor();
          const history = await page.locator('#demand').innerText();
          plain(history, 'the matter history');
          expect(!/\b(clerk|member1|liaison|system)\b/.test(history), 'history by name: ' + history);
        }],
        ['dashboard-matter-closed', async (page) => {
          if (await page.locator('#demand[open]').count()) await page.locator('#demand button').click();
        }],
        ['platforms', async (page) => {
          await page.goto(base + '/platforms');
          await page.locator('#platforms tbody tr td').first().waitFor();
          await page.waitForTimeout(500);
          const text = await page.locator('main').innerText();
          plain(text, 'the platforms page');
          expect(!/\bmember\d\b/.test(text), 'members by name: ' + text);
          if (screen === 'phone') await screenfuls(page, 'pages-phone-platforms');
        }],
      ]);
      await context.close();
    }
    const visitor = await b.newContext({ viewport: SCREENS.phone, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await journey('pages-public', visitor, [
      ['phone-visitor', async (page) => {
        await page.goto(base + '/public');
        await page.locator('#board li').first().waitFor();
        await page.waitForTimeout(500); // the staff badge is asked for after the board
        expect(!(await page.locator('#staff').isVisible()), 'no staff badge for a visitor on a phone');
        expect(await page.locator('#submit label.required').count() >= 5, 'required fields marked');
      }],
    ]);
  } finally {
    await b.close();
  }
}
