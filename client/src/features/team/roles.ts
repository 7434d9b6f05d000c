import type { Role } from '../../api';

import { labelOf, roleLabels } from '../../lib/labels';

export const roleDescriptions: Record<Role, string> = {
  admin: 'Manages the team, billing and every brand.',
  editor: 'Creates and edits brands and content.',
  viewer: 'Sees everything, changes nothing.',
};

export function roleLabel(role: string): string {
  return labelOf(roleLabels, role);
}
