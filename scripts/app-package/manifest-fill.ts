/** Fills the `${{NAME}}` placeholders of the Teams manifest template and checks the values. */

/** One or more settings are missing or malformed; `problems` has one line per setting. */
export class AppPackageSettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`cannot build the app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageSettingsError';
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** What each placeholder means, for error messages. */
const HINTS: Record<string, string> = {
  BOT_ID: "the Azure Bot's Microsoft App ID (a GUID)",
  BOT_DOMAIN: 'the public host name of the bot, e.g. groupbot.example.com (no https://, no path)',
  AAD_APP_CLIENT_ID: "the Entra app registration's client ID used for SSO (a GUID)",
  AAD_APP_ID_URI: 'the Application ID URI of that app registration: api://botid-<BOT_ID>',
  TEAMS_APP_ID: 'the Teams app ID (a GUID; defaults to BOT_ID)',
  APP_VERSION: 'the app version (semver; taken from package.json)',
};

function checkValue(name: string, value: string): string | undefined {
  if (name === 'BOT_ID' || name === 'AAD_APP_CLIENT_ID' || name === 'TEAMS_APP_ID') {
    return GUID.test(value) ? undefined : `${name} must be a GUID, got '${value}'`;
  }
  if (name === 'BOT_DOMAIN') {
    return HOST.test(value)
      ? undefined
      : `${name} must be a bare host name such as groupbot.example.com (no scheme, port or path), got '${value}'`;
  }
  if (name === 'AAD_APP_ID_URI') {
    return /^api:\/\/\S+$/.test(value) ? undefined : `${name} must start with api://, got '${value}'`;
  }
  if (name === 'APP_VERSION') {
    return /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(value)
      ? undefined
      : `${name} must be semver like 1.2.3, got '${value}'`;
  }
  return undefined;
}

/** The placeholder names used in a template, each once, in order of first use. Never throws. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Replaces every `${{NAME}}` in a JSON template with the JSON-escaped value of `settings[NAME]`.
 * @throws AppPackageSettingsError listing every missing (unset or blank) or malformed value at once.
 */
export function fillManifest(template: string, settings: Readonly<Record<string, string | undefined>>): string {
  const problems: string[] = [];
  for (const name of placeholdersOf(template)) {
    const value = settings[name]?.trim();
    if (!value) {
      problems.push(`${name} is not set: ${HINTS[name] ?? 'required by appPackage/manifest.json'}`);
      continue;
    }
    const problem = checkValue(name, value);
    if (problem) problems.push(problem);
  }
  if (problems.length) throw new AppPackageSettingsError(problems);
  return template.replace(PLACEHOLDER, (_m, name: string) =>
    JSON.stringify((settings[name] as string).trim()).slice(1, -1),
  );
}
