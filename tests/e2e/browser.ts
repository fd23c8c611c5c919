import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame } from 'playwright-core';

/** Headless Chromium for end-to-end tests: system binary, fresh profile, no background network. */

const chromeArguments = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium binary, or an error that says how to get one. Never a skip: a missing browser fails. */
export function chromiumExecutable(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) {
    return path;
  }
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is missing at ${path} on CI. The CI image must install it (apt-get install -y chromium) ` +
        'or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  throw new Error(
    `Chromium is missing at ${path}. Install it with "apt-get install -y chromium" ` +
      'or set CHROME_PATH to a Chrome/Chromium binary, then rerun the e2e tests.',
  );
}

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = chromiumExecutable();
  const profile = mkdtempSync(join(tmpdir(), 'seika-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: chromeArguments,
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the scatterplot's canvas shows, read from its pixels. */
export interface CanvasReading {
  /** Pixels in the hub's primary (blue) colour: the drawn points. */
  pointPixels: number;
  /** Average colour of those pixels, "r,g,b". */
  pointColour: string;
  /** A pixel at the centre of some point, in CSS pixels relative to the canvas. */
  pointCentre: { x: number; y: number } | null;
}

/** Reads the chart canvas inside the hub frame. Point pixels are the blue ones; axes and grid are grey. */
export function readScatterCanvas(frame: Frame): Promise<CanvasReading> {
  return frame.evaluate(() => {
    const canvas = document.querySelector('.seika-scatter canvas');
    if (!(canvas instanceof HTMLCanvasElement)) {
      throw new Error('No scatterplot canvas');
    }
    const context = canvas.getContext('2d');
    if (!context) {
      throw new Error('No 2D context');
    }
    const { width, height } = canvas;
    const data = context.getImageData(0, 0, width, height).data;
    const isPoint = (offset: number): boolean =>
      (data[offset + 3] ?? 0) > 0 && (data[offset + 2] ?? 0) - (data[offset] ?? 0) > 60;
    let count = 0;
    const sum = [0, 0, 0];
    let centre: { x: number; y: number } | null = null;
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const offset = (y * width + x) * 4;
        if (!isPoint(offset)) {
          continue;
        }
        count++;
        sum[0] = (sum[0] ?? 0) + (data[offset] ?? 0);
        sum[1] = (sum[1] ?? 0) + (data[offset + 1] ?? 0);
        sum[2] = (sum[2] ?? 0) + (data[offset + 2] ?? 0);
        // A point's centre: point-coloured two pixels away in all four directions.
        const reach = 2 * width * 4;
        if (
          !centre &&
          isPoint(offset - 8) &&
          isPoint(offset + 8) &&
          isPoint(offset - reach) &&
          isPoint(offset + reach)
        ) {
          centre = { x: x / ratio, y: y / ratio };
        }
      }
    }
    const average = sum.map((channel) => Math.round(channel / Math.max(count, 1))).join(',');
    return { pointPixels: count, pointColour: average, pointCentre: centre };
  });
}
