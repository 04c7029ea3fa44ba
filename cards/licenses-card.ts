import type { AdaptiveCard, CardElement } from './card-types';
import { adaptiveCard, heading, subtle, table, textBlock } from './elements';
import { md, plain } from './markdown';
import type { LicenseSummary, LicensesCardModel } from './view-models';

function skuName(l: LicenseSummary): string {
  return l.displayName ? `${l.displayName} (${l.skuPartNumber})` : l.skuPartNumber;
}

function count(n: number | undefined): string {
  return n === undefined ? '–' : String(n);
}

/**
 * Licences with SKU names: the tenant's subscriptions (in use / available / total) or the licences
 * assigned to a group (with assignment errors). Never throws.
 */
export function buildLicensesCard(model: LicensesCardModel): AdaptiveCard {
  const title =
    model.scope.kind === 'group' ? `Licences of ${model.scope.group.displayName}` : 'Licences in this organisation';
  const body: CardElement[] = [heading(plain(title))];
  if (model.licenses.length === 0) {
    body.push(textBlock(md`No licences.`));
  } else if (model.scope.kind === 'tenant') {
    body.push(
      table(
        ['Licence', 'In use', 'Available', 'Total'],
        model.licenses.map((l) => [
          plain(skuName(l)),
          plain(count(l.consumed)),
          plain(
            l.enabled !== undefined && l.consumed !== undefined ? String(Math.max(0, l.enabled - l.consumed)) : '–',
          ),
          plain(count(l.enabled)),
        ]),
        [4, 1, 1, 1],
      ),
    );
  } else {
    body.push(
      table(
        ['Licence', 'Status'],
        model.licenses.map((l) => [plain(skuName(l)), plain(l.error ? `Error: ${l.error}` : 'Assigned')]),
        [3, 2],
      ),
    );
    body.push(subtle(md`Members of the group get these licences through group-based licensing.`));
  }
  return adaptiveCard({
    fallbackText: `${title}: ${model.licenses.map(skuName).join(', ') || 'none'}.`,
    body,
    fullWidth: true,
  });
}
