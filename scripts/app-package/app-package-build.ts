/** Builds the Teams app package (manifest.json + icons in a zip) from appPackage/ and settings. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { AppPackageSettingsError, fillManifest } from './manifest-fill';
import { writeZip } from './zip-write';

/** The filled manifest does not pass the Teams manifest JSON schema. */
export class ManifestSchemaError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`appPackage/manifest.json does not pass its schema:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'ManifestSchemaError';
  }
}

/** The files of an app package, in zip order. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

export interface AppPackageOptions {
  /** Folder holding manifest.json (the template), color.png and outline.png. */
  sourceDir: string;
  /** Values for the placeholders (BOT_ID, BOT_DOMAIN, AAD_APP_CLIENT_ID, AAD_APP_ID_URI, optional TEAMS_APP_ID). */
  settings: Readonly<Record<string, string | undefined>>;
  /** App version, semver (package.json's version). */
  version: string;
  /** Where to write the zip; its folder is created. */
  outFile: string;
}

export interface BuiltAppPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  bytes: number;
}

/**
 * Loads the JSON schema bundled in @microsoft/app-manifest for a manifest version: offline, never fetched.
 * @throws Error when that version is not bundled.
 */
export function loadManifestSchema(manifestVersion: string): Record<string, unknown> {
  const root = dirname(require.resolve('@microsoft/app-manifest'));
  const file = join(root, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(
      `manifest schema v${manifestVersion} is not bundled in @microsoft/app-manifest (${(err as Error).message})`,
    );
  }
  // The package cleans the same two escapes JSON does not know before parsing.
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
}

/**
 * Validates a manifest object against its own manifestVersion's bundled schema.
 * Resolves to the list of schema errors (empty when valid).
 * @throws Error when manifestVersion is missing or not bundled.
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') throw new Error('manifest has no manifestVersion');
  const schema = loadManifestSchema(version);
  // The library's generic AppManifest/JSONSchemaType types do not describe a plain parsed JSON object.
  type Args = Parameters<typeof AppManifestUtils.validateAgainstSchema>;
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as Args[0], schema as unknown as Args[1]);
}

/**
 * Fills the manifest, validates it against its schema and writes the zip.
 * @throws AppPackageSettingsError on missing or malformed settings, ManifestSchemaError when the filled manifest
 *   is invalid, and file-system errors when the source files cannot be read or the zip cannot be written.
 */
export async function buildAppPackage(opts: AppPackageOptions): Promise<BuiltAppPackage> {
  const settings: Record<string, string | undefined> = {
    ...opts.settings,
    TEAMS_APP_ID: opts.settings.TEAMS_APP_ID?.trim() || opts.settings.BOT_ID,
    APP_VERSION: opts.version,
  };
  const template = readFileSync(join(opts.sourceDir, 'manifest.json'), 'utf8');
  let filled: string;
  try {
    filled = fillManifest(template, settings);
  } catch (err) {
    // TEAMS_APP_ID falls back to BOT_ID: when both are missing, report BOT_ID only.
    if (err instanceof AppPackageSettingsError && !opts.settings.TEAMS_APP_ID?.trim() && !settings.BOT_ID?.trim()) {
      throw new AppPackageSettingsError(err.problems.filter((p) => !p.startsWith('TEAMS_APP_ID ')));
    }
    throw err;
  }
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  const errors = await validateManifest(manifest);
  if (errors.length) throw new ManifestSchemaError(errors);
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') },
    { name: 'color.png', data: readFileSync(join(opts.sourceDir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(join(opts.sourceDir, 'outline.png')) },
  ]);
  mkdirSync(dirname(opts.outFile), { recursive: true });
  writeFileSync(opts.outFile, zip);
  return { zipPath: opts.outFile, manifest, bytes: zip.length };
}
