import t from 'tap';
import { ROLES } from '../../hub/policy/permissions.js';
import { consoleRig } from '../helpers/consoleRig.js';

/**
 * The top bar on a 1366 px patrol-car or desk screen: every role's pages, the user and the
 * sign-out button fit on one row, so the page starts where the officer expects it; and every
 * page link is reached with the keyboard alone.
 */
t.test('every role\'s top bar is one row at 1366 px, its links reached with Tab', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  t.equal(page.viewportSize()?.width, 1366);
  for (const role of ROLES) {
    await rig.signIn(await h.user(role, { username: `top.${role}` }));
    const links = page.getByRole('navigation', { name: 'Pages' }).getByRole('link');
    const boxes = [...await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().top)),
      ...await page.locator('header.top button, header.top .brand').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top))];
    t.ok(boxes.length > 3);
    t.ok(Math.max(...boxes) - Math.min(...boxes) < 24, `${role}: the links, the brand and the sign-out button on one row (tops ${boxes.map(Math.round).join(', ')})`);
    const bar = await page.locator('header.top').evaluate((e) => e.getBoundingClientRect().height);
    t.ok(bar <= 72, `${role}: the top bar is one row high (${Math.round(bar)} px)`);
    const titles = await links.allInnerTexts();
    await page.keyboard.press('Tab'); // the skip link
    const reached: string[] = [];
    for (let i = 0; i < titles.length; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => (document.activeElement as HTMLElement).innerText));
    }
    t.same(reached, titles, `${role}: Tab goes through every page link in order`);
    if (role === 'admin' || role === 'auditor') await rig.check(`top-bar-${role}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  }
});

/**
 * A sign-out the hub never received (the patrol car's link dropped) leaves the session cookie
 * live: showing the sign-in page then would tell the officer they are signed out while anyone
 * who reloads the console is in as them.
 */
t.test('a sign-out that does not reach the hub says so and keeps the officer signed in until it does', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  await rig.signIn(await h.user('officer'));
  await page.route('**/api/v1/auth/console-session/end', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Sign out' }).click();
  t.match(await page.getByRole('alert').innerText({ timeout: 5000 }), /still signed in/, 'the officer is told the sign-out failed');
  t.ok(await page.getByRole('button', { name: 'Sign out' }).isVisible(), 'and the console does not pretend to be signed out');
  await page.unroute('**/api/v1/auth/console-session/end');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  t.equal(await page.evaluate(async () => (await fetch('/api/v1/me')).status), 401, 'tried again, the session is over at the hub');
});
