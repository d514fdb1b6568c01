// Driving Camunda Tasklist and its Camunda Forms (form-js) the way a person does: by the labels they read.

/** A new browser context logged in to Tasklist through its login form. */
export async function login(browser, base, user, viewport = { width: 1440, height: 1000 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(base + '/camunda/app/tasklist/');
  await page.getByPlaceholder('用户名').waitFor();
  await page.waitForTimeout(1500); // the login form is wired once the app has started
  await page.getByPlaceholder('用户名').fill(user);
  await page.getByPlaceholder('密码').fill(user);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('我的待办').first().waitFor();
  return { context, page };
}

/** The form-js field whose label starts with the text. */
export function field(page, label) {
  return page.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

export async function fill(page, label, value) {
  const input = field(page, label).locator('input, textarea').first();
  await input.click();
  await input.fill(String(value));
  if ((await input.inputValue()) !== String(value)) {
    await input.fill('');
    await input.pressSequentially(String(value));
  }
  await input.blur();
}

export async function choose(page, label, option) {
  const f = field(page, label);
  await f.locator('.fjs-select-display, .fjs-input-group, input').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

/** A form-js date field (flatpickr), typed as its placeholder shows: 2027/01/31. */
export async function pickDate(page, label, value) {
  const input = field(page, label).getByPlaceholder('yyyy/mm/dd').first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await input.blur();
}

export async function check(page, label) {
  await page.locator('.fjs-form-field-checkbox').filter({ hasText: label }).locator('input[type=checkbox]').first().check();
}

export async function uncheck(page, label) {
  await page.locator('.fjs-form-field-checkbox').filter({ hasText: label }).locator('input[type=checkbox]').first().uncheck();
}

/** Picks options of a taglist by typing part of each name (李 finds 李委员). */
export async function pick(page, label, names) {
  const input = field(page, label).locator('input').first();
  for (const name of names) {
    await input.click();
    await input.fill(name);
    await page.locator('.fjs-dropdownlist-item', { hasText: name }).first().click();
  }
}

/** Opens a task from the current list by (part of) its name. */
export async function openTask(page, name) {
  const card = page.locator('.tasks-list li').filter({ hasText: name }).first();
  await card.waitFor({ timeout: 20000 });
  await card.click();
  await formReady(page);
}

/** Tasklist may import a form twice right after opening it; what is typed before the second import is lost. */
export async function formReady(page) {
  await page.locator('.fjs-form').first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(1200);
}

/** Claims the open task if it is not ours yet (the form is read-only until then). */
export async function claim(page) {
  const claimLink = page.getByText('认领', { exact: true });
  if (await claimLink.count()) {
    await claimLink.first().click();
    await page.waitForTimeout(1000);
  }
}

export async function complete(page) {
  await page.getByRole('button', { name: '完成' }).click();
  // done when the form leaves the page (Tasklist then asks to pick the next task)
  await page.locator('.fjs-form').first().waitFor({ state: 'detached', timeout: 20000 }).catch(async () => {
    const errors = await page.locator('.alert-danger, .notifications, .fjs-form-field-error').allInnerTexts();
    throw new Error('the task was not completed: ' + errors.join(' / '));
  });
}

export async function filter(page, name) {
  await page.locator('.filters, [cam-tasklist-filters]').getByText(name, { exact: false }).first().click();
  await page.waitForTimeout(1500);
}
