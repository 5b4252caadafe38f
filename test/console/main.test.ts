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
