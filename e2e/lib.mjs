// Shared by the journeys: a browser on Debian's Chromium, numbered screenshots under target/e2e/, and on a
// failing step the page's HTML and console log next to them.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

export const base = process.env.BASE_URL || 'http://localhost:8080';
export const out = path.resolve(process.env.E2E_OUT || 'target/e2e');
fs.mkdirSync(out, { recursive: true });

export async function browser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

/** A journey: named steps, each with a screenshot; the first failure saves page and console and stops the journey. */
export async function journey(name, contextOrPage, steps) {
  const page = contextOrPage.newPage ? await contextOrPage.newPage() : contextOrPage;
  const log = [];
  page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  let n = 0;
  for (const [label, step] of steps) {
    n += 1;
    const file = `${name}-${String(n).padStart(2, '0')}-${label}`;
    try {
      await step(page);
      await page.screenshot({ path: path.join(out, file + '.png'), fullPage: true });
      console.log(`  ok   ${file}`);
    } catch (e) {
      await page.screenshot({ path: path.join(out, file + '-FAILED.png'), fullPage: true }).catch(() => {});
      fs.writeFileSync(path.join(out, file + '-FAILED.html'), await page.content().catch(() => ''));
      fs.writeFileSync(path.join(out, file + '-FAILED.console.log'), log.join('\n'));
      console.log(`  FAIL ${file}: ${e.message}`);
      throw e;
    }
  }
  return page;
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Personal data of the demo and of the journeys themselves: none of it may reach a public page. */
export const PERSONAL = ['张三', '13812341234', '李四', '13900001111', '王五', '13700002222', '赵六', '13600003333',
  '钱八', '13500005555', '周九', '13600006666', '孙七', '13500007777', '欧阳明', '13912340000', '郑十', '13700008888'];
