export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}

interface AvatarProps {
  name: string;
  size?: 'sm' | 'md';
  square?: boolean;
}

/** Initials in a circle; decorative, because the name is always written next to it. */
export function Avatar({ name, size = 'md', square = false }: AvatarProps) {
  const className = ['avatar', size === 'sm' && 'avatar--sm', square && 'avatar--square'].filter(Boolean).join(' ');
  return (
    <span className={className} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
