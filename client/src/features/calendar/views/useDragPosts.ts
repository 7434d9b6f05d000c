import { useRef, type DragEvent } from 'react';
import type { ContentItem } from '../types';

/** The drag's payload type: only posts dragged from this calendar can be dropped on its days and hours. */
const dragType = 'application/x-brandauto-post';

/**
 * Drag and drop of posts between the calendar's days and hour slots. The id travels in the drag's data (and in a ref,
 * for browsers that hide the data until the drop); a drop target says what the post becomes there.
 */
export function useDragPosts(items: ContentItem[], enabled: boolean) {
  const dragged = useRef<string | null>(null);

  const chipProps = (item: ContentItem) => ({
    onDragStart: (event: DragEvent<HTMLElement>) => {
      dragged.current = item.id;
      event.dataTransfer?.setData(dragType, item.id);
      event.dataTransfer?.setData('text/plain', item.title);
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    },
    onDragEnd: () => {
      dragged.current = null;
    },
  });

  /** Props of a drop target: `onItem` is called with the post dropped on it. */
  const dropProps = (onItem: (item: ContentItem) => void) =>
    enabled
      ? {
          onDragOver: (event: DragEvent<HTMLElement>) => {
            if (dragged.current || event.dataTransfer?.types.includes(dragType)) {
              event.preventDefault();
              if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
            }
          },
          onDrop: (event: DragEvent<HTMLElement>) => {
            event.preventDefault();
            event.stopPropagation();
            const id = event.dataTransfer?.getData(dragType) || dragged.current;
            dragged.current = null;
            const item = items.find((candidate) => candidate.id === id);
            if (item) onItem(item);
          },
        }
      : {};

  return { chipProps, dropProps };
}
