import type { Role } from '../../api';

const labels: Record<Role, string> = { admin: 'Admin', editor: 'Editor', viewer: 'Viewer' };

export const roleDescriptions: Record<Role, string> = {
  admin: 'Manages the team, billing and every brand.',
  editor: 'Creates and edits brands and content.',
  viewer: 'Sees everything, changes nothing.',
};

export function roleLabel(role: string): string {
  return labels[role as Role] ?? role;
}
