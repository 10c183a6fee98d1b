// Drives the inspect page of a running `quotewire serve` in a real headless
// Chromium (Debian's, through playwright-core) and prints what the page
// shows as one JSON object; tests/inspect_page.rs starts the server, runs
// this script and checks the report against the pipeline's own events.
//
// Usage: node inspect.mjs BASE_URL ARTICLE_JSON_FILE SCREENSHOT_PNG
// Environment: QUOTEWIRE_CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [baseUrl, articleFile, screenshotPath] = process.argv.slice(2);
if (!baseUrl || !articleFile || !screenshotPath) {
  console.error('usage: node inspect.mjs BASE_URL ARTICLE_JSON_FILE SCREENSHOT_PNG');
  process.exit(2);
}
const article = JSON.parse(readFileSync(articleFile, 'utf8'));

// Statements highlighted (not dimmed) in the article text, by index.
const highlighted = () => {
  const ids = new Set();
  for (const seg of document.querySelectorAll('#article-text .seg.st[data-content]:not(.dim)')) {
    for (const id of seg.dataset.content.split(' ')) ids.add(Number(id));
  }
  return [...ids].sort((a, b) => a - b);
};

const browser = await chromium.launch({
  executablePath: process.env.QUOTEWIRE_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  chromiumSandbox: false,
  args: [
    '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
  timeout: 60_000,
});
const report = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));

  // 1. Paste the article's text and submit, as a person would.
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.fill('#article-input', article.text);
  await page.fill('#article-title', article.title || '');
  await page.click('#extract-button');
  await page.waitForSelector('#result:not([hidden]) #article-text .seg', { timeout: 30_000 });
  report.statementsOnPage = Number(await page.$eval('#article-text', (el) => el.dataset.statements));
  report.highlighted = await page.evaluate(highlighted);
  report.summary = await page.textContent('#summary');
  report.renderedText = await page.$eval('#article-text', (el) => el.textContent);
  report.speakers = await page.$$eval('#speakers .speaker', (buttons) => buttons.map((b) => ({
    key: b.dataset.speaker,
    label: b.querySelector('.name').textContent,
    meta: b.querySelector('.meta') ? b.querySelector('.meta').textContent : null,
    count: Number(b.querySelector('.count').dataset.count),
    countText: b.querySelector('.count').textContent,
  })));
  report.marks = {
    content: await page.locator('#article-text .seg.st').count(),
    cue: await page.locator('#article-text .seg.cue').count(),
    mention: await page.locator('#article-text .seg.mention').count(),
  };

  // 2. Hovering a statement shows kind, cue, confidence and resolution.
  const first = page.locator('#article-text [data-opens]').first();
  await first.hover();
  await page.waitForSelector('#tooltip:not([hidden])');
  report.hoverTooltip = await page.textContent('#tooltip');
  await page.mouse.move(0, 0);
  report.tooltipHiddenAfterHover = await page.$eval('#tooltip', (el) => el.hidden);

  // 3. Clicking a speaker shows only their statements; clicking again all.
  const busiest = report.speakers.reduce((a, b) => (b.count > a.count ? b : a));
  const speakerButton = page.locator(`#speakers .speaker[data-speaker="${busiest.key.replace(/"/g, '\\"')}"]`);
  await speakerButton.click();
  report.clickFilter = {
    key: busiest.key,
    pressed: await speakerButton.getAttribute('aria-pressed'),
    highlighted: await page.evaluate(highlighted),
  };
  await speakerButton.click();
  report.clickFilter.afterSecondClick = (await page.evaluate(highlighted)).length;

  // 4. The keyboard alone: Tab to the second speaker, Enter selects it,
  // Escape-free reset with the "show every speaker" button; Tab reaches a
  // statement and focusing it shows its details.
  const second = report.speakers[Math.min(1, report.speakers.length - 1)];
  await page.focus('#speakers .speaker');
  if (second !== report.speakers[0]) await page.keyboard.press('Tab');
  report.keyboard = { focused: await page.evaluate(() => document.activeElement.dataset.speaker) };
  await page.keyboard.press('Enter');
  report.keyboard.highlighted = await page.evaluate(highlighted);
  report.keyboard.key = second.key;
  await page.focus('#show-all');
  await page.keyboard.press('Enter');
  report.keyboard.afterShowAll = (await page.evaluate(highlighted)).length;
  await page.focus('#article-text [data-opens]');
  report.keyboard.focusTooltipVisible = await page.$eval('#tooltip', (el) => !el.hidden);
  report.keyboard.tabStops = await page.locator('#article-text [tabindex="0"]').count();

  // 5. The screenshot: a statement hovered, its details shown.
  await page.evaluate(() => document.activeElement.blur());
  await page.locator('#article-text [data-opens]').nth(2).hover();
  await page.screenshot({ path: screenshotPath, fullPage: true });

  // 6. Dropping text on the input extracts it too.
  await page.evaluate((text) => {
    document.getElementById('article-input').value = '';
    document.getElementById('article-text').dataset.statements = 'stale';
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    const target = document.getElementById('article-input');
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, article.text);
  await page.waitForFunction(() => document.getElementById('article-text').dataset.statements !== 'stale');
  report.afterDrop = (await page.evaluate(highlighted)).length;
  report.droppedIntoInput = (await page.inputValue('#article-input')) === article.text;

  // 7. On a phone-sized screen nothing is wider than the screen.
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => document.getElementById('tooltip').hidden);
  report.phone = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  report.problems = problems;
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
