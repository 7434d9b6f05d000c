import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface MenuProps {
  /** Renders the trigger; spread the props onto a button. */
  trigger: (props: {
    'aria-expanded': boolean;
    'aria-controls': string;
    onClick: () => void;
    ref: React.RefObject<HTMLButtonElement | null>;
  }) => ReactNode;
  children: (close: () => void) => ReactNode;
  align?: 'start' | 'end';
  placement?: 'below' | 'above';
  label: string;
}

/**
 * A disclosure popover: the button toggles a panel of links and buttons, reached with Tab; Escape or a click
 * outside closes it and focus returns to the button.
 */
export function Menu({ trigger, children, align = 'start', placement = 'below', label }: MenuProps) {
  const [open, setOpen] = useState(false);
  // Bumped when the menu closes itself, so that focus goes back to its button.
  const [returns, setReturns] = useState(0);
  const id = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onFocus = (event: FocusEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    // Move into the panel, so the keyboard continues where the eye goes.
    wrapper.current?.querySelector<HTMLElement>('[data-menu-panel] a, [data-menu-panel] button')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  useEffect(() => {
    if (returns > 0) button.current?.focus();
  }, [returns]);

  const close = () => {
    setOpen(false);
    setReturns((n) => n + 1);
  };

  const position: React.CSSProperties = {
    [align === 'end' ? 'right' : 'left']: 0,
    ...(placement === 'below' ? { top: 'calc(100% + 6px)' } : { bottom: 'calc(100% + 6px)' }),
  };

  return (
    <div ref={wrapper} style={{ position: 'relative' }}>
      {trigger({ 'aria-expanded': open, 'aria-controls': id, onClick: () => setOpen((v) => !v), ref: button })}
      <div id={id} className="menu" data-menu-panel role="region" aria-label={label} hidden={!open} style={position}>
        {open && children(close)}
      </div>
    </div>
  );
}
