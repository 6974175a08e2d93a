import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import portalEn from '../../web/portal/messages/en.json';
import portalEs from '../../web/portal/messages/es.json';

/** The public portal's own catalogs: flat keys such as `report.title`. */
export const portal = { en: portalEn, es: portalEs } as const;
export type PortalText = typeof portalEn;

/** Writes a file a visitor can attach with setInputFiles. */
export async function tempFile(name: string, data: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'haven-e2e-files-'));
  const file = path.join(dir, name);
  await writeFile(file, data);
  return file;
}

export interface PublicReport {
  concern: string;
  narrative: string;
  danger?: boolean;
  files?: string[];
  contact?: { name?: string; phone?: string; email?: string; safeTimes?: string };
}

/** Fills the report form as a visitor does (it works with scripts off) and sends it. */
export async function fillAndSendReport(page: Page, text: PortalText, report: PublicReport): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text['report.title'] }).waitFor();
  await page.getByRole('radio', { name: text[`report.concern.${report.concern}` as keyof PortalText] }).check();
  await page.getByLabel(text['report.narrative']).fill(report.narrative);
  if (report.danger) await page.getByRole('group', { name: text['report.danger.legend'] }).getByRole('radio', { name: text['report.danger.yes'] }).check();
  if (report.files) await page.getByLabel(text['report.files'], { exact: true }).setInputFiles(report.files);
  if (report.contact) {
    await page.getByRole('radio', { name: text['report.contact.share'] }).check();
    if (report.contact.name) await page.getByLabel(text['report.contact.name']).fill(report.contact.name);
    if (report.contact.phone) await page.getByLabel(text['report.contact.phone']).fill(report.contact.phone);
    if (report.contact.email) await page.getByLabel(text['report.contact.email']).fill(report.contact.email);
    if (report.contact.safeTimes) await page.getByLabel(text['report.contact.safeTimes']).fill(report.contact.safeTimes);
  }
  await page.getByRole('button', { name: text['report.submit'] }).click();
}

/** The receipt as the receipt page shows it, such as `4K7Q-9MZT-2RBD-X8PN`. */
export async function readReceipt(page: Page, text: PortalText): Promise<string> {
  await page.getByRole('heading', { level: 1, name: text['submitted.title'] }).waitFor();
  return ((await page.locator('#receipt').textContent()) ?? '').trim();
}

/** Opens the follow-up thread for a receipt from the follow-up page. */
export async function openThread(page: Page, text: PortalText, receipt: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text['followUp.title'] }).waitFor();
  await page.getByLabel(text['followUp.receipt']).fill(receipt);
  await page.getByRole('button', { name: text['followUp.submit'] }).click();
  await page.getByRole('heading', { level: 2, name: text['followUp.messages'] }).waitFor();
}

/** Sends a report straight to the portal, as a browser's form post would, and returns the receipt. */
export async function postReport(baseUrl: string, fields: Record<string, string>): Promise<string> {
  const sid = `e2e${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`.padEnd(20, 'x');
  const response = await fetch(`${baseUrl}/report`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ sid, lang: 'en', ...fields }) });
  const page = await response.text();
  const receipt = /id="receipt"><output>([0-9A-Z-]+)<\/output>/.exec(page)?.[1];
  if (response.status !== 200 || !receipt) throw new Error(`The portal did not take the report (${response.status}).`);
  return receipt;
}
