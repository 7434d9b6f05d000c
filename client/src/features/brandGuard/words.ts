import type { Finding } from './api';

/** Words for what the brand check found: no codes on screen. */
export const kindLabels: Record<Finding['kind'], string> = {
  bannedWord: 'Word the brand avoids',
  name: 'Name spelling',
  missingHashtag: 'Brand hashtag missing',
  tooManyHashtags: 'Too many hashtags',
  unsupportedClaim: 'Claim not in your documents',
  contradictedClaim: 'Claim your documents contradict',
  tone: 'Tone',
};

export const severityLabels: Record<Finding['severity'], string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export function severityTone(finding: Finding): 'danger' | 'warning' | 'neutral' {
  if (finding.blocking) return 'danger';
  return finding.severity === 'low' ? 'neutral' : 'warning';
}
